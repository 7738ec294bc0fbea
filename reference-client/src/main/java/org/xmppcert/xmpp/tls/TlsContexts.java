package org.xmppcert.xmpp.tls;

import java.security.GeneralSecurityException;
import java.util.Optional;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Builds the JSSE {@link SSLContext}s of xmppcert: the client's, for STARTTLS towards a
 * server (RFC 6120 §5.4.3), optionally presenting a client certificate for SASL EXTERNAL
 * (XEP-0178 §2); and the server's, for the mock server and for tests.
 *
 * <p>A client context is meant for one connection. Its session cache is then empty, so
 * every handshake is a full one and the server's certificate is judged every time: a
 * resumed session would skip the trust manager and leave no verdict to report.
 */
public final class TlsContexts {

    private TlsContexts() {
    }

    /** A client context judging the server with {@code trustManager}. */
    public static SSLContext client(X509ExtendedTrustManager trustManager, Optional<TlsCredentials> clientCertificate) {
        KeyManager[] keyManagers = clientCertificate
                .map(credentials -> new KeyManager[] {new SingleKeyManager(credentials)})
                .orElse(null);
        return context(keyManagers, new TrustManager[] {trustManager});
    }

    /**
     * A server context presenting {@code serverCertificate}. Client certificates, if the
     * filter asks for them, are judged by the JVM's default trust store.
     */
    public static SSLContext server(TlsCredentials serverCertificate) {
        return context(new KeyManager[] {new SingleKeyManager(serverCertificate)}, null);
    }

    /**
     * A server context presenting {@code serverCertificate} and judging client certificates
     * with {@code clientCertificateTrust} (e.g. an {@link XmppTrustManager}, which records
     * its verdict for the report).
     */
    public static SSLContext server(TlsCredentials serverCertificate, X509ExtendedTrustManager clientCertificateTrust) {
        return context(new KeyManager[] {new SingleKeyManager(serverCertificate)},
                new TrustManager[] {clientCertificateTrust});
    }

    private static SSLContext context(KeyManager[] keyManagers, TrustManager[] trustManagers) {
        try {
            // "TLS" gives every version the JVM allows; the filter narrows them per engine.
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, trustManagers, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM offers no usable TLS implementation", e);
        }
    }
}
