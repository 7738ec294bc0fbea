package org.xmppcert.xmpp.negotiation;

import java.util.Optional;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.tls.CertificateVerdict;

/** STARTTLS could not be completed (RFC 6120 §5.4). */
public final class TlsNegotiationException extends XmppException {

    /** What went wrong. */
    public enum Kind {
        /** TLS is required by the client but the server did not offer STARTTLS. */
        NOT_OFFERED,
        /** The server answered {@code <starttls/>} with {@code <failure/>} (RFC 6120 §5.4.2.2). */
        REFUSED_BY_SERVER,
        /** The server's certificate was rejected (RFC 6120 §13.7.2). */
        CERTIFICATE_REJECTED,
        /** The TLS handshake itself failed or timed out. */
        HANDSHAKE_FAILED
    }

    private final Kind kind;
    private final transient CertificateVerdict verdict;

    public TlsNegotiationException(Kind kind, String message, CertificateVerdict verdict, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.verdict = verdict;
    }

    public Kind kind() {
        return kind;
    }

    /** The verdict on the server's certificate, when the handshake got that far. */
    public Optional<CertificateVerdict> verdict() {
        return Optional.ofNullable(verdict);
    }
}
