package org.xmppcert.xmpp.tls;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.util.Optional;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;

/**
 * Builds the JSSE {@link SSLContext}s of xmppcert: the client's, for STARTTLS towards a
 * server (RFC 6120 §5.4.3), optionally presenting a client certificate for SASL EXTERNAL
 * (XEP-0178 §2); and the server's, for the mock server and for tests.
 *
 * <p>A client context is meant for one connection. Its session cache is then empty, so
 * every handshake is a full one and the server's certificate is judged every time: a
 * resumed session would skip the trust manager and leave no verdict to report.
 *
 * <p>A client context comes from the JVM's JSSE provider or, for
 * {@link TlsImplementation#BOUNCY_CASTLE}, from one Bouncy Castle JSSE provider object held
 * here and handed to {@link SSLContext#getInstance(String, Provider)}: it is never added to
 * the JVM's provider list, so nothing else in the JVM changes behaviour.
 */
public final class TlsContexts {

    private TlsContexts() {
    }

    /** A client context of the JVM's TLS implementation, judging the server with {@code trustManager}. */
    public static SSLContext client(X509ExtendedTrustManager trustManager, Optional<TlsCredentials> clientCertificate) {
        return client(trustManager, clientCertificate, TlsImplementation.JDK);
    }

    /** A client context of the given TLS implementation, judging the server with {@code trustManager}. */
    public static SSLContext client(X509ExtendedTrustManager trustManager, Optional<TlsCredentials> clientCertificate,
            TlsImplementation implementation) {
        KeyManager[] keyManagers = clientCertificate
                .map(credentials -> new KeyManager[] {new SingleKeyManager(credentials)})
                .orElse(null);
        TrustManager[] trustManagers = {trustManager};
        return switch (implementation) {
            case JDK -> context(keyManagers, trustManagers);
            case BOUNCY_CASTLE -> context(BouncyCastle.JSSE, keyManagers, trustManagers);
        };
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
        return context(null, keyManagers, trustManagers);
    }

    private static SSLContext context(Provider provider, KeyManager[] keyManagers, TrustManager[] trustManagers) {
        try {
            // "TLS" gives every version the provider allows; the filter narrows them per engine.
            SSLContext context = provider == null ? SSLContext.getInstance("TLS") : SSLContext.getInstance("TLS", provider);
            context.init(keyManagers, trustManagers, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException((provider == null ? "the JVM" : provider.getName())
                    + " offers no usable TLS implementation", e);
        }
    }

    /**
     * Holds the Bouncy Castle JSSE provider, created on first use only. Providers are
     * thread-safe and costly to build; one object serves every context.
     *
     * <p>Its cryptography comes from a Bouncy Castle JCE provider object of its own, also
     * unregistered. On the JVM's JCE providers alone BCJSSE does not work here: it wants a
     * {@code SecureRandom} named {@code DEFAULT}, which only Bouncy Castle's JCE provider has,
     * and even given one, a JDK TLS 1.3 server with an RSA certificate refused its ClientHello
     * ("No available authentication scheme"). The certificate check is unaffected: it stays
     * with our trust manager and the JDK's PKIX validation.
     */
    private static final class BouncyCastle {
        static final Provider JSSE = new BouncyCastleJsseProvider(new BouncyCastleProvider());
    }
}
