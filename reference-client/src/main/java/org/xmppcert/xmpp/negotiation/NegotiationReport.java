package org.xmppcert.xmpp.negotiation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.stream.StreamFeatures;
import org.xmppcert.xmpp.stream.StreamHeader;
import org.xmppcert.xmpp.tls.TlsInfo;

/**
 * What a negotiation saw and decided, stage by stage: filled in as it goes, so that after a
 * failure it still shows how far it got. Thread-safe for one writer (the negotiator) and
 * readers afterwards.
 */
public final class NegotiationReport {

    /**
     * One stream of the negotiation: the header the server answered with and the features it
     * offered.
     *
     * @param name {@code initial}, {@code after TLS}, {@code after SASL} or {@code after compression}
     */
    public record Stage(String name, StreamHeader header, StreamFeatures features) {
    }

    /**
     * How SASL went.
     *
     * @param mechanism the mechanism used, or {@code null} when none could be chosen
     * @param explanation why it was chosen and others were not
     * @param succeeded whether the server sent {@code <success/>} and its proof held
     * @param channelBindingFlag for SCRAM, the GS2 channel-binding flag sent (RFC 5802 §7
     *     {@code gs2-cbind-flag}): {@code p=<type>} (e.g. {@code p=tls-unique}), {@code y} or
     *     {@code n}; {@code null} for other mechanisms. Never the binding data.
     */
    public record Sasl(String mechanism, String explanation, boolean succeeded, String channelBindingFlag) {

        /** A mechanism without a channel-binding flag. */
        public Sasl(String mechanism, String explanation, boolean succeeded) {
            this(mechanism, explanation, succeeded, null);
        }
    }

    /** What happened to compression (XEP-0138). */
    public enum CompressionOutcome {
        /** The server does not offer it. */
        NOT_OFFERED,
        /** Turned off by configuration. */
        DISABLED,
        /** Offered, but not with a method the client supports. */
        NO_COMMON_METHOD,
        /** Negotiated: the stream is compressed. */
        ACTIVE,
        /** The server answered {@code <failure/>}; the stream went on uncompressed. */
        FAILED
    }

    /** What happened to session establishment (RFC 3921 §3). */
    public enum SessionOutcome {
        /** The server does not offer it: nothing to do (RFC 6121). */
        NOT_OFFERED,
        /** Offered as optional and not needed. */
        SKIPPED_OPTIONAL,
        /** Established. */
        ESTABLISHED
    }

    private final List<Stage> stages = new ArrayList<>();
    private volatile String connectedTo;
    private volatile TlsInfo tls;
    private volatile Sasl sasl;
    private volatile CompressionOutcome compression;
    private volatile String compressionMethod;
    private volatile String compressionDetail;
    private volatile Jid jid;
    private volatile SessionOutcome session;

    void connectedTo(String where) {
        this.connectedTo = where;
    }

    synchronized void stage(String name, StreamHeader header, StreamFeatures features) {
        stages.add(new Stage(name, header, features));
    }

    void tls(TlsInfo info) {
        this.tls = info;
    }

    void sasl(Sasl outcome) {
        this.sasl = outcome;
    }

    void compression(CompressionOutcome outcome, String method, String detail) {
        this.compression = outcome;
        this.compressionMethod = method;
        this.compressionDetail = detail;
    }

    void jid(Jid bound) {
        this.jid = bound;
    }

    void session(SessionOutcome outcome) {
        this.session = outcome;
    }

    /** The address connected to, e.g. {@code /127.0.0.1:5222 (configured)}. */
    public Optional<String> connectedTo() {
        return Optional.ofNullable(connectedTo);
    }

    /** The streams so far, in order. */
    public synchronized List<Stage> stages() {
        return List.copyOf(stages);
    }

    /** The TLS session, when STARTTLS completed. */
    public Optional<TlsInfo> tls() {
        return Optional.ofNullable(tls);
    }

    public Optional<Sasl> sasl() {
        return Optional.ofNullable(sasl);
    }

    public Optional<CompressionOutcome> compression() {
        return Optional.ofNullable(compression);
    }

    /** The method in use when compression is active. */
    public Optional<String> compressionMethod() {
        return Optional.ofNullable(compressionMethod);
    }

    /** More about the compression outcome (e.g. the failure condition). */
    public Optional<String> compressionDetail() {
        return Optional.ofNullable(compressionDetail);
    }

    /** The full JID bound to the stream. */
    public Optional<Jid> jid() {
        return Optional.ofNullable(jid);
    }

    public Optional<SessionOutcome> session() {
        return Optional.ofNullable(session);
    }
}
