package org.xmppcert.xmpp.negotiation;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.bind.ResourceBinding;
import org.xmppcert.xmpp.bind.SessionEstablishment;
import org.xmppcert.xmpp.compress.CompressNamespaces;
import org.xmppcert.xmpp.compress.CompressionFailure;
import org.xmppcert.xmpp.compress.CompressionMethod;
import org.xmppcert.xmpp.compress.CompressionNegotiation;
import org.xmppcert.xmpp.compress.ZlibCompressionFilter;
import org.xmppcert.xmpp.iq.IqRouter;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.sasl.ChannelBinding;
import org.xmppcert.xmpp.sasl.MechanismSelector;
import org.xmppcert.xmpp.sasl.SaslCredentials;
import org.xmppcert.xmpp.sasl.SaslException;
import org.xmppcert.xmpp.sasl.SaslFailure;
import org.xmppcert.xmpp.sasl.SaslMechanism;
import org.xmppcert.xmpp.sasl.SaslPayloads;
import org.xmppcert.xmpp.sasl.ScramSha1;
import org.xmppcert.xmpp.sasl.Selection;
import org.xmppcert.xmpp.session.ConnectFailedException;
import org.xmppcert.xmpp.session.XmppClient;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stream.ErrorElementParts;
import org.xmppcert.xmpp.stream.StreamError;
import org.xmppcert.xmpp.stream.StreamErrorCondition;
import org.xmppcert.xmpp.stream.StreamFeatures;
import org.xmppcert.xmpp.stream.StreamHeader;
import org.xmppcert.xmpp.stream.XmppNamespaces;
import org.xmppcert.xmpp.tls.CertificateRejectedException;
import org.xmppcert.xmpp.tls.ChannelBindingData;
import org.xmppcert.xmpp.tls.ChannelBindings;
import org.xmppcert.xmpp.tls.TlsInfo;
import org.xmppcert.xmpp.tls.XmppTlsFilter;
import org.xmppcert.xmpp.transport.ConnectTarget;
import org.xmppcert.xmpp.transport.ServiceNotAvailableException;
import org.xmppcert.xmpp.transport.SrvResolver;
import org.xmppcert.xmpp.transport.TargetResolution;
import org.xmppcert.xmpp.xml.Element;

/**
 * Takes one account from a TCP connection to a bound resource, step by step, in the order
 * XEP-0170 recommends: STARTTLS, SASL, compression, binding, session. {@link #negotiate()} runs
 * them all; a scenario can call the steps itself and stop or deviate anywhere.
 *
 * <p>Every step waits within the session's reply timeout and fails with a typed exception:
 * {@link TlsNegotiationException}, {@link AuthenticationException}, {@link NegotiationException},
 * {@link org.xmppcert.xmpp.bind.BindException}, and the session's own (stream error, malformed
 * data, connection lost, timeout). {@link #report()} shows what was offered and chosen so far.
 *
 * <p>Not thread-safe: one caller drives one negotiation.
 */
public final class SessionNegotiator {

    private final XmppClient client;
    private final ConnectionConfig config;
    private final Duration timeout;
    private final NegotiationReport report = new NegotiationReport();
    private XmppSession session;
    private StreamFeatures features;
    private TlsInfo tls;

    public SessionNegotiator(XmppClient client, ConnectionConfig config) {
        this.client = client;
        this.config = config;
        this.timeout = config.sessionOptions().replyTimeout();
    }

    /** What the negotiation saw and decided so far. */
    public NegotiationReport report() {
        return report;
    }

    /** The session, once {@link #connect()} succeeded. */
    public XmppSession session() {
        return session;
    }

    /** The features of the current stream. */
    public StreamFeatures features() {
        return features;
    }

    /**
     * Runs every step. On failure the session is closed (with the closing handshake when the
     * stream still stands) and the exception rethrown; {@link #report()} keeps what was seen.
     */
    public XmppSession negotiate() throws XmppException {
        try {
            connect();
            openStream("initial");
            if (features.offersStartTls() && config.tlsMode() != TlsMode.DISABLED) {
                startTls();
            } else if (config.tlsMode() == TlsMode.REQUIRED) {
                throw new TlsNegotiationException(TlsNegotiationException.Kind.NOT_OFFERED,
                        "the server does not offer STARTTLS (RFC 6120 §5.3.1), and TLS is required", null, null);
            }
            authenticate();
            compress();
            bind();
            establishSession();
            return session;
        } catch (XmppException | RuntimeException e) {
            if (session != null) {
                session.close(Duration.ofMillis(Math.min(timeout.toMillis(), 2000)));
            }
            throw e;
        }
    }

    /** Resolves the target (RFC 6120 §3.2) and opens the TCP connection. */
    public XmppSession connect() throws XmppException {
        SrvResolver resolver = config.dnsServer()
                .map(dns -> SrvResolver.using(dns, timeout))
                .orElseGet(() -> SrvResolver.system(timeout));
        TargetResolution targets;
        if (config.host().isPresent()) {
            int port = config.port() == 0 ? SrvResolver.CLIENT_PORT : config.port();
            targets = new TargetResolution(java.util.List.of(new ConnectTarget(config.host().get(), port,
                    "configured (RFC 6120 §3.2.3)")), false, "configured host");
        } else {
            try {
                targets = resolver.resolve(config.domain());
            } catch (ServiceNotAvailableException e) {
                throw new ConnectFailedException(ConnectFailedException.Reason.SERVICE_NOT_AVAILABLE, e.getMessage(), e);
            }
        }
        session = client.connect(config.domain(), targets, resolver, config.sessionOptions());
        config.password().ifPresent(pw -> session.options().masker()
                .addPassword(config.jid().local().orElse(null), pw));
        report.connectedTo(session.remoteAddress() + " (" + targets.explanation() + ")");
        return session;
    }

    /**
     * Sends our stream header and reads the server's header and features (RFC 6120 §4.2,
     * §4.3.2). A header that is not an XMPP 1.0 stream is answered with the stream error
     * RFC 6120 names for it (§4.8.1 invalid-namespace, §4.7.5 unsupported-version).
     */
    public StreamFeatures openStream(String stage) throws XmppException {
        String from = tls != null && config.jid().local().isPresent() ? config.jid().bare().toString() : null;
        session.openStream(StreamHeader.initial(config.domain(), from, session.options().lang()));
        StreamHeader header = session.awaitStreamHeader(timeout);
        if (!header.hasStreamNamespace()) {
            refuse(StreamErrorCondition.INVALID_NAMESPACE, header, "the server's stream header is <"
                    + header.root().qualifiedName() + "> in namespace '" + header.root().namespace()
                    + "', not <stream/> in " + XmppNamespaces.STREAMS + " (RFC 6120 §4.8.1)");
        }
        if (!header.supportsVersion1()) {
            refuse(StreamErrorCondition.UNSUPPORTED_VERSION, header, "the server's stream version is "
                    + (header.version() == null ? "absent (0.9)" : "'" + header.version() + "'")
                    + "; xmppcert needs XMPP 1.0 streams (RFC 6120 §4.7.5)");
        }
        features = session.awaitFeatures(timeout);
        report.stage(stage, header, features);
        return features;
    }

    private void refuse(StreamErrorCondition condition, StreamHeader header, String why) throws XmppException {
        session.send(StreamError.of(condition, null).element());
        session.close(Duration.ofMillis(Math.min(timeout.toMillis(), 2000)));
        throw new NegotiationException(why, header.root());
    }

    /**
     * Negotiates TLS (RFC 6120 §5.4): {@code <starttls/>}, {@code <proceed/>}, the handshake with
     * the server's certificate checked against the trust policy and the domain (§13.7.2), then
     * the stream restart.
     */
    public StreamFeatures startTls() throws XmppException {
        session.send(Element.of("starttls", XmppNamespaces.TLS));
        Element answer = session.waitFor(e -> e.namespace().equals(XmppNamespaces.TLS)
                && (e.name().equals("proceed") || e.name().equals("failure")), timeout, "<proceed/> or <failure/>");
        if (answer.name().equals("failure")) {
            throw new TlsNegotiationException(TlsNegotiationException.Kind.REFUSED_BY_SERVER,
                    "the server answered STARTTLS with <failure/> (RFC 6120 §5.4.2.2)", null, null);
        }
        XmppTlsFilter filter = XmppTlsFilter.forClient(config.tls());
        session.addFilterFirst(XmppTlsFilter.NAME, filter);
        try {
            tls = filter.handshake().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CertificateRejectedException rejected) {
                throw new TlsNegotiationException(TlsNegotiationException.Kind.CERTIFICATE_REJECTED,
                        rejected.verdict().summary(), rejected.verdict(), rejected);
            }
            throw new TlsNegotiationException(TlsNegotiationException.Kind.HANDSHAKE_FAILED,
                    "TLS handshake failed: " + cause.getMessage(), filter.verdict().orElse(null), cause);
        } catch (TimeoutException e) {
            session.abort();
            throw new TlsNegotiationException(TlsNegotiationException.Kind.HANDSHAKE_FAILED,
                    "TLS handshake did not complete within " + timeout.toMillis() + " ms", null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XmppException("interrupted during the TLS handshake", e);
        }
        report.tls(tls);
        session.recordEvent("TLS established: " + tls);
        session.restartStream();
        return openStream("after TLS");
    }

    /**
     * Authenticates with SASL (RFC 6120 §6.4): chooses a mechanism from those offered, runs the
     * challenge–response exchange, checks the server's proof, and restarts the stream.
     */
    public StreamFeatures authenticate() throws XmppException {
        if (!features.offersSasl()) {
            throw new NegotiationException("the server offers no SASL mechanisms (RFC 6120 §6.3.3)", features.element());
        }
        SaslCredentials credentials = credentials();
        Selection selection = selector().select(features.saslMechanisms(), credentials, streamSecurity(),
                config.tls().clientCertificate().isPresent());
        Optional<SaslMechanism> chosen = selection.newMechanism(credentials);
        if (chosen.isEmpty()) {
            report.sasl(new NegotiationReport.Sasl(null, selection.explain(), false));
            throw new AuthenticationException(AuthenticationException.Kind.NO_USABLE_MECHANISM,
                    "no usable SASL mechanism: " + selection.explain(), null, null);
        }
        return authenticate(chosen.get(), selection.explain(),
                credentials.channelBinding().map(ChannelBinding::type).orElse(null));
    }

    /**
     * Authenticates with a mechanism the caller made (RFC 6120 §6.4), whatever the server
     * offered: for scenarios that deviate on purpose, e.g. SCRAM with a GS2 flag or channel
     * binding the server must refuse (RFC 5802 §6). Same exchange, checks and restart as
     * {@link #authenticate()}.
     */
    public StreamFeatures authenticateWith(SaslMechanism mechanism) throws XmppException {
        if (!features.offersSasl()) {
            throw new NegotiationException("the server offers no SASL mechanisms (RFC 6120 §6.3.3)", features.element());
        }
        return authenticate(mechanism, "chosen by the caller: " + mechanism.name(), null);
    }

    private StreamFeatures authenticate(SaslMechanism mechanism, String explanation, String bindingType)
            throws XmppException {
        String flag = channelBindingFlag(mechanism, bindingType);
        report.sasl(new NegotiationReport.Sasl(mechanism.name(), explanation, false, flag));
        exchange(mechanism);
        report.sasl(new NegotiationReport.Sasl(mechanism.name(), explanation, true, flag));
        session.restartStream();
        return openStream("after SASL");
    }

    /** The GS2 flag for the report (RFC 5802 §7): no binding data, only its type. */
    private static String channelBindingFlag(SaslMechanism mechanism, String bindingType) {
        if (!(mechanism instanceof ScramSha1 scram)) {
            return null;
        }
        return switch (scram.channelBindingFlag()) {
            case USED -> bindingType == null ? "p" : "p=" + bindingType;
            case SUPPORTED_NOT_OFFERED -> "y";
            case NOT_SUPPORTED -> "n";
        };
    }

    private void exchange(SaslMechanism mechanism) throws XmppException {
        Element.Builder auth = Element.builder("auth", XmppNamespaces.SASL).attribute("mechanism", mechanism.name());
        mechanism.initialResponse().ifPresent(r -> auth.text(SaslPayloads.encodeInitialResponse(r)));
        session.send(auth.build());
        while (true) {
            Element e = session.waitFor(x -> x.namespace().equals(XmppNamespaces.SASL)
                    && (x.name().equals("challenge") || x.name().equals("success") || x.name().equals("failure")),
                    timeout, "SASL <challenge/>, <success/> or <failure/>");
            try {
                switch (e.name()) {
                    case "challenge" -> {
                        byte[] response = mechanism.evaluateChallenge(SaslPayloads.decode(e.text()));
                        session.send(Element.builder("response", XmppNamespaces.SASL)
                                .text(SaslPayloads.encodeResponse(response)).build());
                    }
                    case "success" -> {
                        mechanism.verifySuccess(SaslPayloads.decode(e.text()));
                        return;
                    }
                    default -> throw AuthenticationException.failed(mechanism.name(), failureOf(e));
                }
            } catch (SaslException ex) {
                if (e.name().equals("challenge")) {
                    // RFC 6120 §6.4.4: the client aborts an exchange it cannot continue.
                    session.send(Element.of("abort", XmppNamespaces.SASL));
                }
                throw AuthenticationException.badServerData(mechanism.name(), ex);
            }
        }
    }

    private static SaslFailure failureOf(Element failure) {
        ErrorElementParts parts = ErrorElementParts.of(failure, XmppNamespaces.SASL);
        return SaslFailure.of(parts.conditionName(), parts.text(), parts.textLang());
    }

    private SaslCredentials credentials() {
        String domain = config.domain();
        Optional<String> user = config.jid().local();
        Optional<char[]> password = config.password();
        SaslCredentials c = user.isPresent() && password.isPresent()
                ? SaslCredentials.of(domain, user.get(), password.get())
                : SaslCredentials.withoutPassword(domain);
        Optional<ChannelBinding> binding = channelBinding();
        return binding.isPresent() ? c.withChannelBinding(binding.get()) : c;
    }

    /**
     * The channel binding the SASL credentials carry (RFC 6120 §13.9.4), which decides two
     * things: whether SCRAM-SHA-1-PLUS may be chosen, and the GS2 flag of a plain SCRAM-SHA-1
     * ({@code y} with a binding, {@code n} without: RFC 5802 §6, see {@link ScramSha1#nonPlus}).
     * In order:
     * <ol>
     *   <li>A type the server lists in its XEP-0440 {@code <sasl-channel-binding/>} and this
     *       connection has, in the server's order: the server said it checks that one.</li>
     *   <li>Else, when the server sent no such list, {@code tls-unique} if the connection has
     *       it: RFC 5802 §6 makes it SCRAM's default type, so a server that offers -PLUS
     *       without naming types is expected to support it (Prosody 0.12 and ejabberd 23.01
     *       check that type and no other). {@link TlsInfo} has it only from Bouncy Castle and
     *       only on TLS 1.2 and below; it is undefined on TLS 1.3 (RFC 9266 §1), and that is
     *       checked again here.</li>
     *   <li>Else, when the server does not offer SCRAM-SHA-1-PLUS, any binding the connection
     *       has ({@code tls-server-end-point} at least, whatever the TLS implementation). It
     *       is never sent, -PLUS cannot be chosen; it only makes the flag {@code y}: a client
     *       that supports channel binding MUST NOT send {@code n} when -PLUS is not offered
     *       (RFC 5802 §6), so that a server that does support it can detect that -PLUS was
     *       stripped on the way. The client cannot see whether the server could bind this
     *       connection; a server that offers no -PLUS is taken at its word, and one that then
     *       refuses {@code y} breaks RFC 5802 §6 itself (Prosody 0.12 on TLS 1.3 accepts it).</li>
     *   <li>Else none. That covers a server that offers -PLUS but only with types this
     *       connection lacks (ejabberd on TLS 1.3: it checks only {@code tls-unique}, and names
     *       no types). {@code p=} with another type is refused, and {@code y} to a server that
     *       offers -PLUS means a downgrade attack, which RFC 5802 §6 makes it refuse (Prosody
     *       does; ejabberd 23.01 lets it pass); plain SCRAM-SHA-1 with {@code n}, "this client
     *       does not bind", is the one flag a conforming server accepts.</li>
     * </ol>
     */
    private Optional<ChannelBinding> channelBinding() {
        if (tls == null) {
            return Optional.empty();
        }
        Optional<ChannelBindingData> binding = Optional.empty();
        Element advertised = features.element().child("sasl-channel-binding", "urn:xmpp:sasl-cb:0");
        if (advertised != null) {
            for (Element type : advertised.elements("channel-binding", "urn:xmpp:sasl-cb:0")) {
                String name = type.attribute("type");
                if (binding.isEmpty() && name != null && usable(name)) {
                    binding = tls.channelBinding(name);
                }
            }
        } else if (usable(ChannelBindings.TLS_UNIQUE)) {
            binding = tls.channelBinding(ChannelBindings.TLS_UNIQUE);
        }
        if (binding.isEmpty() && !features.saslMechanisms().contains("SCRAM-SHA-1-PLUS")) {
            binding = tls.channelBindingTypes().stream().filter(this::usable)
                    .map(tls::channelBinding).flatMap(Optional::stream).findFirst();
        }
        return binding.map(data -> ChannelBinding.of(data.type(), data.data()));
    }

    /** Every type but {@code tls-unique} on a connection where it is undefined (TLS 1.3). */
    private boolean usable(String type) {
        return !ChannelBindings.TLS_UNIQUE.equals(type) || ChannelBindings.tlsUniqueDefinedFor(tls.protocol());
    }

    private MechanismSelector selector() {
        MechanismSelector s = config.saslMechanisms().isEmpty() ? MechanismSelector.withDefaultOrder()
                : MechanismSelector.withOrder(config.saslMechanisms());
        s = s.withPlainPolicy(config.plainPolicy());
        return config.jid().local().isEmpty() ? s.withAnonymous() : s;
    }

    private MechanismSelector.StreamSecurity streamSecurity() {
        if (tls == null) {
            return MechanismSelector.StreamSecurity.NONE;
        }
        return tls.verdict().trusted() ? MechanismSelector.StreamSecurity.TLS_VERIFIED
                : MechanismSelector.StreamSecurity.TLS_UNVERIFIED;
    }

    /**
     * Negotiates XEP-0138 zlib compression when offered and enabled. A {@code <failure/>} is
     * recorded and the stream goes on uncompressed, as XEP-0138 §2 allows.
     *
     * @return the features of the current stream (new ones when compression became active)
     */
    public StreamFeatures compress() throws XmppException {
        if (!config.compression()) {
            report.compression(NegotiationReport.CompressionOutcome.DISABLED, null, null);
            return features;
        }
        CompressionNegotiation offer = CompressionNegotiation.forOffer(features.compressionMethods());
        if (features.compressionMethods().isEmpty()) {
            report.compression(NegotiationReport.CompressionOutcome.NOT_OFFERED, null, null);
            return features;
        }
        Optional<CompressionMethod> method = offer.selectedMethod();
        if (method.isEmpty()) {
            report.compression(NegotiationReport.CompressionOutcome.NO_COMMON_METHOD, null,
                    "offered: " + String.join(", ", features.compressionMethods()));
            return features;
        }
        String name = method.get().methodName();
        session.send(Element.builder("compress", CompressNamespaces.PROTOCOL)
                .childWithText("method", CompressNamespaces.PROTOCOL, name).build());
        Element answer = session.waitFor(e -> e.namespace().equals(CompressNamespaces.PROTOCOL)
                && (e.name().equals("compressed") || e.name().equals("failure")), timeout,
                "<compressed/> or <failure/>");
        if (answer.name().equals("failure")) {
            Element condition = answer.elements().stream().findFirst().orElse(null);
            CompressionFailure failure = new CompressionFailure(condition == null ? null : condition.name(), null);
            report.compression(NegotiationReport.CompressionOutcome.FAILED, name,
                    failure.elementName() == null ? "failure without a condition" : failure.elementName());
            return features;
        }
        new ZlibCompressionFilter().insertAboveTls(session.ioSession().getFilterChain(), XmppTlsFilter.NAME);
        report.compression(NegotiationReport.CompressionOutcome.ACTIVE, name, null);
        session.recordEvent("stream compression active: " + name);
        session.restartStream();
        return openStream("after compression");
    }

    /** Binds the configured resource, or a server-generated one (RFC 6120 §7). */
    public Jid bind() throws XmppException {
        if (!features.offersBind()) {
            throw new NegotiationException("the server does not offer resource binding after SASL (RFC 6120 §7.4)",
                    features.element());
        }
        Jid jid = ResourceBinding.bind(session, config.resource().orElse(null), timeout);
        session.setLocalJid(jid);
        // From here on the client must answer every IQ request it gets (RFC 6120 §8.2.3, §8.4).
        IqRouter.of(session);
        report.jid(jid);
        return jid;
    }

    /**
     * Establishes a session when the server offers it and does not mark it optional, or when
     * configured to do it anyway (RFC 3921 §3).
     */
    public void establishSession() throws XmppException {
        if (!features.offersSession()) {
            report.session(NegotiationReport.SessionOutcome.NOT_OFFERED);
        } else if (features.sessionIsOptional() && !config.establishOptionalSession()) {
            report.session(NegotiationReport.SessionOutcome.SKIPPED_OPTIONAL);
        } else {
            SessionEstablishment.establish(session, timeout);
            report.session(NegotiationReport.SessionOutcome.ESTABLISHED);
        }
    }
}
