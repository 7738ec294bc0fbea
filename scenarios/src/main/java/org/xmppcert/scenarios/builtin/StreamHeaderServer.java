package org.xmppcert.scenarios.builtin;

import java.util.Arrays;
import java.util.List;
import org.xmppcert.reports.model.Status;
import org.xmppcert.scenarios.catalog.Subject;
import org.xmppcert.scenarios.spi.JavaScenario;
import org.xmppcert.scenarios.spi.ScenarioContext;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.negotiation.SessionNegotiator;
import org.xmppcert.xmpp.stream.StreamHeader;
import org.xmppcert.xmpp.xml.Element;

/**
 * The server's response stream header (RFC 3920 §4.4, restated in RFC 6120 §4.7): it carries a
 * stream {@code id}, a {@code from} naming the domain the client asked for, and
 * {@code version="1.0"} (we announce 1.0, and the answer is the lower of both versions, §4.4.1).
 *
 * <p>A Java scenario because the header is not a stanza: the scenario language cannot see it.
 * Only the initial stream is opened; nothing is authenticated.
 */
public final class StreamHeaderServer implements JavaScenario {

    static final String ID = "RFC3920-4.4-stream-id";
    static final String FROM = "RFC3920-4.4-stream-from";
    static final String VERSION = "RFC3920-4.4-version";

    @Override
    public String id() {
        return "stream-header-server";
    }

    @Override
    public String title() {
        return "The server's stream header carries an id, the domain as 'from', and version 1.0";
    }

    @Override
    public String spec() {
        return "RFC 3920";
    }

    @Override
    public Subject subject() {
        return Subject.SERVER;
    }

    @Override
    public List<String> accounts() {
        return List.of("alice");
    }

    @Override
    public List<String> judges() {
        return List.of(ID, FROM, VERSION);
    }

    @Override
    public void run(ScenarioContext ctx) throws XmppException {
        SessionNegotiator n = ctx.negotiator("a", ctx.account("alice"), null);
        n.connect();
        try {
            n.openStream("initial");
        } catch (XmppException refused) {
            // The negotiator refuses a header that is not XMPP 1.0; it is still the evidence below.
        }
        StreamHeader header = n.session().peerHeader();
        if (header == null) {
            throw new XmppException("the server sent no stream header");
        }
        Element evidence = header.root();
        String id = header.id();
        ctx.judge(ID, id != null && !id.isBlank() ? Status.PASS : Status.FAIL,
                id == null ? "the header has no 'id'" : id.isBlank() ? "the header's 'id' is empty" : "the header has the id '" + id + "'",
                "<stream:stream id='…'>", evidence);
        String from = header.from();
        ctx.judge(FROM, from != null && from.equalsIgnoreCase(ctx.domain()) ? Status.PASS : Status.FAIL,
                from == null ? "the header has no 'from'" : "the header's 'from' is '" + from + "'",
                "<stream:stream from='" + ctx.domain() + "'>", evidence);
        int[] v = header.versionNumbers();
        boolean one = v != null && Arrays.equals(v, new int[] {1, 0});
        ctx.judge(VERSION, one ? Status.PASS : Status.FAIL,
                header.version() == null ? "the header has no 'version' (a pre-1.0 stream)"
                        : "the header's version is '" + header.version() + "'",
                "<stream:stream version='1.0'>", evidence);
    }
}
