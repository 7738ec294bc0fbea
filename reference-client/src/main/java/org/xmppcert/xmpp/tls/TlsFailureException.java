package org.xmppcert.xmpp.tls;

import java.io.IOException;

/**
 * STARTTLS reached TLS negotiation and it failed (RFC 6120 §5.4.3.2): a TLS alert, a
 * protocol version or cipher suite the peers do not share, or the connection closing
 * during the handshake. The connection is closed by then; RFC 6120 §5.4.3.2 lets the client
 * reconnect, with or without TLS.
 *
 * <p>A certificate the client refused is the subclass {@link CertificateRejectedException}.
 */
public class TlsFailureException extends IOException {

    private static final long serialVersionUID = 1L;

    public TlsFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
