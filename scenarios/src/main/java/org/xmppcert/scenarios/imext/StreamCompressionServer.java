package org.xmppcert.scenarios.imext;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.xmppcert.reports.model.Status;
import org.xmppcert.scenarios.catalog.Subject;
import org.xmppcert.scenarios.spi.JavaScenario;
import org.xmppcert.scenarios.spi.ScenarioContext;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.compress.CompressNamespaces;
import org.xmppcert.xmpp.compress.CompressionNegotiation;
import org.xmppcert.xmpp.compress.ZlibCompressionFilter;
import org.xmppcert.xmpp.negotiation.ConnectionConfig;
import org.xmppcert.xmpp.negotiation.SessionNegotiator;
import org.xmppcert.xmpp.negotiation.TlsMode;
import org.xmppcert.xmpp.ping.Ping;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stream.StreamError;
import org.xmppcert.xmpp.stream.StreamFeatures;
import org.xmppcert.xmpp.tls.XmppTlsFilter;
import org.xmppcert.xmpp.xml.Element;

/**
 * XEP-0138 from the receiving entity's side, after SASL (where XEP-0170 puts it): the offer
 * (§2: methods listed; §4: zlib among them), a request for a method nobody implements
 * ({@code <unsupported-method/>}, §2), the stream going on after that failure (§2: SHOULD NOT be a
 * stream error; the client may retry), then zlib: {@code <compressed/>}, the restart over the
 * compressed stream (§2), and binding plus a ping round trip over it (§3 both directions; §6
 * flush: every answer readable at once). No offer: every id NOT_APPLICABLE (a RECOMMENDED spec
 * entirely NOT_APPLICABLE becomes WARN in the profile verdict).
 *
 * <p>A Java scenario because {@code <compress/>}, {@code <failure/>} and the compressed stream are
 * not stanzas. The steps are driven one by one on the reference client's negotiator, with its
 * {@code compress} package for the method names and the zlib filter.
 */
public final class StreamCompressionServer implements JavaScenario {

    static final String LISTED = "XEP0138-2-methods-listed";
    static final String ZLIB = "XEP0138-4-zlib-offered";
    static final String UNSUPPORTED = "XEP0138-2-unsupported-method";
    static final String RECOVERABLE = "XEP0138-2-failure-recoverable";
    static final String COMPRESSED = "XEP0138-2-compressed";
    static final String RESTART = "XEP0138-2-restart";
    static final String BOTH = "XEP0138-3-both-directions";
    static final String FLUSH = "XEP0138-6-flush";

    /** The compression feature of the stream features (XEP-0138 §9.1). */
    static final String FEATURE_NS = "http://jabber.org/features/compress";

    @Override
    public String id() {
        return "compression-server";
    }

    @Override
    public String title() {
        return "Stream compression is offered with zlib, refuses an unknown method without ending the stream, and zlib works both ways after the restart";
    }

    @Override
    public String spec() {
        return "XEP-0138";
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
        return List.of(LISTED, ZLIB, UNSUPPORTED, RECOVERABLE, COMPRESSED, RESTART, BOTH, FLUSH);
    }

    @Override
    public void run(ScenarioContext ctx) throws XmppException {
        AtomicReference<ConnectionConfig> config = new AtomicReference<>();
        SessionNegotiator n = ctx.negotiator("a", ctx.account("alice"), b -> config.set(b.compression(true).build()));
        n.connect();
        StreamFeatures features = n.openStream("initial");
        if (features.offersStartTls() && config.get().tlsMode() != TlsMode.DISABLED) {
            n.startTls();
        }
        features = n.authenticate();
        Element offer = features.element().child("compression", FEATURE_NS);
        if (offer == null) {
            notApplicable(ctx, judges(), "the server does not offer stream compression after SASL", features.element());
            return;
        }
        List<Element> methods = offer.elements("method", FEATURE_NS);
        boolean named = !methods.isEmpty() && methods.stream().allMatch(m -> m.text() != null && !m.text().isBlank());
        ctx.judge(LISTED, named ? Status.PASS : Status.FAIL,
                named ? "offered: " + String.join(", ", features.compressionMethods())
                        : methods.isEmpty() ? "the <compression/> feature has no <method/>" : "a <method/> is empty",
                "<compression xmlns='" + FEATURE_NS + "'><method>zlib</method></compression>", features.element());
        CompressionNegotiation negotiation = CompressionNegotiation.forOffer(features.compressionMethods());
        boolean zlib = features.compressionMethods().contains("zlib");
        ctx.judge(ZLIB, zlib ? Status.PASS : Status.FAIL,
                zlib ? "zlib is offered" : "zlib, REQUIRED by XEP-0138 4, is not among the offered methods",
                "<method>zlib</method>", features.element());

        XmppSession s = n.session();
        Element refusal = ask(s, negotiation.methodNotOffered(), ctx);
        boolean unsupported = refusal.is("failure", CompressNamespaces.PROTOCOL) && refusal.hasChild("unsupported-method", CompressNamespaces.PROTOCOL);
        ctx.judge(UNSUPPORTED, unsupported ? Status.PASS : Status.FAIL,
                unsupported ? "the unknown method '" + negotiation.methodNotOffered() + "' was refused with unsupported-method"
                        : "the request for the unknown method '" + negotiation.methodNotOffered() + "' was answered with <"
                        + refusal.name() + "/>",
                "<failure xmlns='" + CompressNamespaces.PROTOCOL + "'><unsupported-method/></failure>", refusal);
        if (StreamError.isStreamError(refusal) || !s.isOpen()) {
            ctx.judge(RECOVERABLE, Status.FAIL, "the failed negotiation ended the stream", null, refusal);
            notApplicable(ctx, List.of(COMPRESSED, RESTART, BOTH, FLUSH), "the stream was closed", refusal);
            return;
        }
        if (refusal.is("compressed", CompressNamespaces.PROTOCOL)) {
            // The server says it compresses with a method it cannot have: nothing more to read.
            notApplicable(ctx, List.of(RECOVERABLE, COMPRESSED, RESTART, BOTH, FLUSH),
                    "the server claimed to compress with an unknown method", refusal);
            return;
        }
        if (!zlib) {
            notApplicable(ctx, List.of(RECOVERABLE, COMPRESSED, RESTART, BOTH, FLUSH),
                    "zlib, the only method xmppcert implements, is not offered", features.element());
            return;
        }

        Element answer = ask(s, "zlib", ctx);
        boolean compressed = answer.is("compressed", CompressNamespaces.PROTOCOL);
        ctx.judge(RECOVERABLE, StreamError.isStreamError(answer) ? Status.FAIL : Status.PASS,
                "after the failure the same stream " + (StreamError.isStreamError(answer) ? "was closed" : "accepted another <compress/>"),
                null, answer);
        ctx.judge(COMPRESSED, compressed ? Status.PASS : Status.FAIL,
                compressed ? "zlib accepted" : "the request for zlib was answered with <" + answer.name() + "/>",
                "<compressed xmlns='" + CompressNamespaces.PROTOCOL + "'/>", answer);
        if (!compressed) {
            notApplicable(ctx, List.of(RESTART, BOTH, FLUSH), "compression was not established", answer);
            return;
        }

        new ZlibCompressionFilter().insertAboveTls(s.ioSession().getFilterChain(), XmppTlsFilter.NAME);
        s.recordEvent("stream compression active: zlib");
        s.restartStream();
        StreamFeatures after;
        try {
            after = n.openStream("after compression");
        } catch (XmppException e) {
            ctx.judge(RESTART, Status.FAIL, "no stream header and features over the compressed stream: " + e.getMessage(),
                    null, null);
            notApplicable(ctx, List.of(BOTH, FLUSH), "the compressed stream did not open", null);
            return;
        }
        ctx.judge(RESTART, after.offersBind() ? Status.PASS : Status.FAIL,
                after.offersBind() ? "a new stream header and features, binding offered, over the compressed stream"
                        : "the features of the compressed stream do not offer binding",
                "<stream:features><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></stream:features>", after.element());

        n.bind();
        n.establishSession();
        Element pong = s.request(Ping.request(ctx.domain()), ctx.replyTimeout());
        boolean answered = "result".equals(pong.attribute("type")) || "error".equals(pong.attribute("type"));
        ctx.judge(BOTH, answered ? Status.PASS : Status.FAIL,
                "bound as " + s.localJid() + " and a ping answered over the compressed stream", null, pong);
        ctx.judge(FLUSH, Status.PASS, "each answer over the compressed stream was readable within "
                + ctx.replyTimeout().toMillis() + " ms", null, pong);
    }

    /**
     * Sends {@code <compress/>} with this method and waits for the answer: {@code <compressed/>},
     * {@code <failure/>}, or a stream error. A timeout (the server said nothing) propagates: ERROR.
     */
    private static Element ask(XmppSession s, String method, ScenarioContext ctx) throws XmppException {
        s.send(Element.builder("compress", CompressNamespaces.PROTOCOL)
                .childWithText("method", CompressNamespaces.PROTOCOL, method).build());
        Predicate<Element> answer = e -> CompressNamespaces.PROTOCOL.equals(e.namespace())
                && (e.name().equals("compressed") || e.name().equals("failure"));
        return s.waitFor(answer.or(StreamError::isStreamError), ctx.replyTimeout(), "<compressed/> or <failure/>");
    }

    private static void notApplicable(ScenarioContext ctx, List<String> ids, String why, Element evidence) {
        for (String id : ids) {
            ctx.judge(id, Status.NOT_APPLICABLE, why, evidence);
        }
    }
}
