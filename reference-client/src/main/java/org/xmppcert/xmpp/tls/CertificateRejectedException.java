package org.xmppcert.xmpp.tls;

import java.util.Objects;

/**
 * The client refused the server's certificate (RFC 6120 §13.7.2: "the validating entity
 * MUST unilaterally terminate the session"). The handshake was aborted before the client
 * sent any application data, so no credential went to the server.
 *
 * <p>The message is the verdict's summary, e.g. {@code certificate rejected: name mismatch
 * (…)}; {@link #verdict()} has the typed problems.
 */
public final class CertificateRejectedException extends TlsFailureException {

    private static final long serialVersionUID = 1L;

    private final transient CertificateVerdict verdict;

    public CertificateRejectedException(CertificateVerdict verdict, Throwable cause) {
        super(verdict.summary(), cause);
        this.verdict = Objects.requireNonNull(verdict, "verdict");
    }

    public CertificateVerdict verdict() {
        return verdict;
    }
}
