package org.xmppcert.scenarios.negotiation;

import java.util.List;
import org.xmppcert.scenarios.spi.ScenarioContext;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stream.StreamHeader;

/**
 * An initial header without {@code version} (RFC 3920 §4.4.1: the receiving entity "MUST consider
 * the version supported by the initiating entity to be '0.0' and SHOULD NOT include a 'version'
 * attribute in the stream header it sends in reply"; RFC 6120 §4.7.5 keeps it). Only the response
 * header is looked at; the pre-1.0 stream is then closed.
 */
public final class StreamHeaderNoVersion extends NegotiationScenario {

    static final String REQ = "RFC3920-4.4-version-no-attribute";

    @Override
    public String id() {
        return "stream-header-no-version";
    }

    @Override
    public String title() {
        return "An initial header without 'version' is answered with a header without 'version'";
    }

    @Override
    public List<String> judges() {
        return List.of(REQ);
    }

    @Override
    public void run(ScenarioContext ctx) throws XmppException {
        XmppSession s = ctx.negotiator("a", alice(ctx), null).connect();
        s.sendRaw("<?xml version='1.0'?><stream:stream to='" + ctx.domain()
                + "' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>");
        StreamHeader h = s.awaitStreamHeader(ctx.replyTimeout());
        ctx.judge(REQ, passIf(h.version() == null), h.version() == null
                ? "the response header has no 'version', as for a 0.0 stream"
                : "the response header carries version='" + h.version() + "' although the client sent none",
                "<stream:stream> without 'version'", h.root());
    }
}
