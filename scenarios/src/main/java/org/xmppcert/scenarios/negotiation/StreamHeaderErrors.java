package org.xmppcert.scenarios.negotiation;

import java.util.List;
import org.xmppcert.reports.model.Status;
import org.xmppcert.scenarios.spi.ScenarioContext;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.negotiation.SessionNegotiator;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stream.StreamError;
import org.xmppcert.xmpp.stream.StreamFeatures;
import org.xmppcert.xmpp.stream.StreamHeader;
import org.xmppcert.xmpp.xml.Element;

/**
 * Stream errors provoked by the initial header (RFC 3920 §4.7.1, §4.7.3; RFC 6120 §4.9.1.2,
 * §4.9.1.3, §4.9.3): a {@code to} the server does not host gets {@code host-unknown}, inside an
 * opened response stream (header, then error) whose {@code from} is the server's own hostname (RFC
 * 3920 SHOULD; RFC 6120 §4.9.1.3 MUST, the empty string allowed), not the unknown host echoed; a
 * streams namespace other than {@code http://etherx.jabber.org/streams} gets
 * {@code invalid-namespace}; an unsupported major version (2.0) gets {@code unsupported-version}
 * or, as RFC 3920 §4.4.1 allows, a response header with the lower version the server supports.
 * One connection per header.
 */
public final class StreamHeaderErrors extends NegotiationScenario {

    static final String HOST_UNKNOWN = "RFC3920-4.7-host-unknown";
    static final String HOST_UNKNOWN_FROM = "RFC3920-4.7-host-unknown-from";
    static final String DURING_SETUP = "RFC3920-4.7-error-during-setup";
    static final String INVALID_NAMESPACE = "RFC3920-4.7-invalid-namespace";
    static final String UNSUPPORTED_VERSION = "RFC3920-4.7-unsupported-version";

    static final String UNKNOWN_HOST = "unknown-host.xmppcert.invalid";

    @Override
    public String id() {
        return "stream-header-errors";
    }

    @Override
    public String title() {
        return "An unknown host, a wrong streams namespace and an unsupported version are refused with their stream errors";
    }

    @Override
    public List<String> judges() {
        return List.of(HOST_UNKNOWN, HOST_UNKNOWN_FROM, DURING_SETUP, INVALID_NAMESPACE, UNSUPPORTED_VERSION);
    }

    private static String header(String to, String streams, String version) {
        return "<?xml version='1.0'?><stream:stream to='" + to + "' xmlns='jabber:client' xmlns:stream='" + streams
                + "' version='" + version + "'>";
    }

    @Override
    public void run(ScenarioContext ctx) throws XmppException {
        String streams = "http://etherx.jabber.org/streams";

        // host-unknown
        XmppSession h = open(ctx, "unknown-host", header(UNKNOWN_HOST, streams, "1.0"));
        Element error = awaitOrStreamError(ctx, h, e -> false);
        StreamHeader response = h.peerHeader();
        String expected = "<stream:error><host-unknown xmlns='" + STREAM_ERRORS + "'/></stream:error>";
        judgeCondition(ctx, HOST_UNKNOWN, "host-unknown", "a 'to' of " + UNKNOWN_HOST, error, expected, response);
        if (error != null) {
            ctx.judge(DURING_SETUP, passIf(response != null), response != null
                    ? "the error came inside an opened response stream" : "the error came without a response stream header",
                    "<stream:stream …> then <stream:error/>", response != null ? response.root() : error);
            String from = response == null ? null : response.from();
            // RFC 6120 §4.9.1.3: "either an authoritative FQDN for the receiving entity or the empty string".
            boolean ok = from != null && !from.equalsIgnoreCase(UNKNOWN_HOST);
            ctx.judge(HOST_UNKNOWN_FROM, response == null ? Status.NOT_APPLICABLE : passIf(ok), from == null
                    ? "the response header has no 'from'" : "the response header's 'from' is '" + from + "'",
                    "<stream:stream from='" + ctx.domain() + "'>", response != null ? response.root() : error);
        } else {
            notApplicable(ctx, List.of(DURING_SETUP, HOST_UNKNOWN_FROM), "no stream error to look at", null);
        }

        // invalid-namespace
        XmppSession ns = open(ctx, "bad-namespace", header(ctx.domain(), "urn:xmppcert:not-the-streams-namespace", "1.0"));
        judgeCondition(ctx, INVALID_NAMESPACE, "invalid-namespace", "the streams namespace 'urn:xmppcert:not-the-streams-namespace'",
                awaitOrStreamError(ctx, ns, e -> false), "<stream:error><invalid-namespace xmlns='" + STREAM_ERRORS + "'/></stream:error>",
                ns.peerHeader());

        // unsupported-version, or the lower version
        XmppSession v = open(ctx, "version-2", header(ctx.domain(), streams, "2.0"));
        // A server that answers with its lower version goes on with its features: no need to wait out the timeout.
        Element verror = awaitOrStreamError(ctx, v, StreamFeatures::isFeatures);
        if (verror != null && StreamFeatures.isFeatures(verror)) {
            verror = null;
        }
        StreamHeader vheader = v.peerHeader();
        if (verror == null && vheader != null && vheader.version() != null && vheader.versionNumbers() != null && vheader.versionNumbers()[0] < 2) {
            ctx.judge(UNSUPPORTED_VERSION, Status.PASS, "answered with the lower version '" + vheader.version() + "'",
                    "unsupported-version, or a header with the lower version", vheader.root());
        } else {
            judgeCondition(ctx, UNSUPPORTED_VERSION, "unsupported-version", "version='2.0'", verror,
                    "<stream:error><unsupported-version xmlns='" + STREAM_ERRORS + "'/></stream:error>", vheader);
        }
    }

    private static XmppSession open(ScenarioContext ctx, String name, String header) throws XmppException {
        SessionNegotiator n = ctx.negotiator(name, alice(ctx), null);
        XmppSession s = n.connect();
        s.sendRaw(header);
        return s;
    }

    private static void judgeCondition(ScenarioContext ctx, String id, String condition, String what, Element error,
            String expected, StreamHeader header) {
        if (error == null) {
            ctx.judge(id, Status.FAIL, "no stream error within " + ctx.replyTimeout().toMillis() + " ms of " + what,
                    expected, header == null ? null : header.root());
            return;
        }
        String got = StreamError.isStreamError(error) ? streamCondition(error) : null;
        ctx.judge(id, passIf(condition.equals(got)), what + " was answered with the stream error <" + got + "/>",
                expected, error);
    }
}
