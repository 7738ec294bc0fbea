package org.xmppcert.xmpp.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Offers one key and chain, whatever CA names the peer asks for. The JDK's key managers
 * would withhold a client certificate whose issuer is not in the server's
 * certificate_authorities list, yet XEP-0178 expects self-signed client certificates
 * (RFC 6120 §13.7.2.2.3, case #3) to be sent and judged by the server.
 */
final class SingleKeyManager extends X509ExtendedKeyManager {

    private static final String ALIAS = "xmppcert";

    private final TlsCredentials credentials;

    SingleKeyManager(TlsCredentials credentials) {
        this.credentials = credentials;
    }

    private String aliasFor(String... keyTypes) {
        String algorithm = credentials.privateKey().getAlgorithm();
        return keyTypes != null && Arrays.asList(keyTypes).contains(algorithm) ? ALIAS : null;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return aliasFor(keyTypes);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return aliasFor(keyType);
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return aliasFor(keyTypes);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return aliasFor(keyType);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return aliasFor(keyType) == null ? null : new String[] {ALIAS};
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return getClientAliases(keyType, issuers);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return ALIAS.equals(alias) ? credentials.chain().toArray(X509Certificate[]::new) : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return ALIAS.equals(alias) ? credentials.privateKey() : null;
    }
}
