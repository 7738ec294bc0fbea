package org.xmppcert.xmpp.sasl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.sasl.AuthorizeCallback;
import javax.security.sasl.RealmCallback;
import javax.security.sasl.Sasl;
import javax.security.sasl.SaslServer;
import org.junit.jupiter.api.Test;

/**
 * Cross-checks {@link DigestMd5} against the JDK's DIGEST-MD5 server (SunSASL), real code
 * written by nobody here, over full exchanges.
 */
class DigestMd5JdkServerTest {

    private static final String DOMAIN = "localhost";

    /** A server that knows one account, and lets it act as {@code allowedAuthzid}. */
    private static SaslServer jdkServer(String user, String password, String allowedAuthzid, String realms)
            throws javax.security.sasl.SaslException {
        Map<String, Object> properties = new HashMap<>();
        properties.put(Sasl.QOP, "auth");
        if (realms != null) {
            properties.put("com.sun.security.sasl.digest.realm", realms);
        }
        return Sasl.createSaslServer("DIGEST-MD5", "xmpp", DOMAIN, properties, callbacks -> {
            String name = null;
            for (Callback callback : callbacks) {
                if (callback instanceof RealmCallback) {
                    RealmCallback realm = (RealmCallback) callback;
                    realm.setText(realm.getDefaultText());
                } else if (callback instanceof NameCallback) {
                    name = ((NameCallback) callback).getDefaultName();
                } else if (callback instanceof PasswordCallback) {
                    if (user.equals(name)) {
                        ((PasswordCallback) callback).setPassword(password.toCharArray());
                    }
                } else if (callback instanceof AuthorizeCallback) {
                    AuthorizeCallback authorize = (AuthorizeCallback) callback;
                    authorize.setAuthorized(authorize.getAuthenticationID().equals(authorize.getAuthorizationID())
                            || authorize.getAuthorizationID().equals(allowedAuthzid));
                } else {
                    throw new UnsupportedCallbackException(callback);
                }
            }
        });
    }

    @Test
    void completesAnExchangeWithRspauthAsASecondChallenge() throws Exception {
        SaslServer server = jdkServer("juliet", "r0m30myr0m30", null, null);
        DigestMd5 client = new DigestMd5(SaslCredentials.of(DOMAIN, "juliet", "r0m30myr0m30".toCharArray()));

        byte[] response = client.evaluateChallenge(server.evaluateResponse(new byte[0]));
        byte[] rspauth = server.evaluateResponse(response);
        byte[] last = client.evaluateChallenge(rspauth);
        client.verifySuccess(new byte[0]);

        assertThat(server.isComplete()).isTrue();
        assertThat(server.getAuthorizationID()).isEqualTo("juliet");
        assertThat(last).isEmpty();
        assertThat(client.isComplete()).isTrue();
    }

    @Test
    void completesAnExchangeWithRspauthAsAdditionalDataWithSuccess() throws Exception {
        SaslServer server = jdkServer("juliet", "r0m30myr0m30", null, null);
        DigestMd5 client = new DigestMd5(SaslCredentials.of(DOMAIN, "juliet", "r0m30myr0m30".toCharArray()));

        byte[] rspauth = server.evaluateResponse(client.evaluateChallenge(server.evaluateResponse(new byte[0])));
        client.verifySuccess(rspauth);

        assertThat(client.isComplete()).isTrue();
    }

    @Test
    void theServerRejectsAWrongPassword() throws Exception {
        SaslServer server = jdkServer("juliet", "r0m30myr0m30", null, null);
        DigestMd5 client = new DigestMd5(SaslCredentials.of(DOMAIN, "juliet", "wrong".toCharArray()));

        byte[] response = client.evaluateChallenge(server.evaluateResponse(new byte[0]));

        assertThatThrownBy(() -> server.evaluateResponse(response)).isInstanceOf(javax.security.sasl.SaslException.class);
        assertThat(server.isComplete()).isFalse();
    }

    @Test
    void agreesOnLatin1ConversionOfUtf8Credentials() throws Exception {
        SaslServer server = jdkServer("jürgen", "sécret", null, null);
        DigestMd5 client = new DigestMd5(SaslCredentials.of(DOMAIN, "jürgen", "sécret".toCharArray()));

        client.verifySuccess(server.evaluateResponse(client.evaluateChallenge(server.evaluateResponse(new byte[0]))));

        assertThat(server.getAuthorizationID()).isEqualTo("jürgen");
        assertThat(client.isComplete()).isTrue();
    }

    @Test
    void agreesOnUtf8ForCredentialsOutsideLatin1() throws Exception {
        SaslServer server = jdkServer("li", "密码🔑", null, null);
        DigestMd5 client = new DigestMd5(SaslCredentials.of(DOMAIN, "li", "密码🔑".toCharArray()));

        client.verifySuccess(server.evaluateResponse(client.evaluateChallenge(server.evaluateResponse(new byte[0]))));

        assertThat(client.isComplete()).isTrue();
    }

    @Test
    void picksTheDomainAmongSeveralRealmsTheServerOffers() throws Exception {
        SaslServer server = jdkServer("juliet", "pw", null, "other.example " + DOMAIN + " third.example");
        DigestMd5 client = new DigestMd5(SaslCredentials.of(DOMAIN, "juliet", "pw".toCharArray()));

        byte[] challenge = server.evaluateResponse(new byte[0]);
        byte[] response = client.evaluateChallenge(challenge);
        client.verifySuccess(server.evaluateResponse(response));

        assertThat(new String(challenge, UTF_8)).contains("realm=\"other.example\"");
        assertThat(new String(response, UTF_8)).contains("realm=\"" + DOMAIN + "\"");
        assertThat(client.isComplete()).isTrue();
    }

    @Test
    void carriesAnAuthzidTheServerAuthorizes() throws Exception {
        SaslServer server = jdkServer("admin", "pw", "juliet@localhost", null);
        DigestMd5 client = new DigestMd5(SaslCredentials.of(DOMAIN, "admin", "pw".toCharArray())
                .withAuthzid("juliet@localhost"));

        client.verifySuccess(server.evaluateResponse(client.evaluateChallenge(server.evaluateResponse(new byte[0]))));

        assertThat(server.getAuthorizationID()).isEqualTo("juliet@localhost");
        assertThat(client.isComplete()).isTrue();
    }

    @Test
    void detectsAServerProofForAnotherExchange() throws Exception {
        SaslServer server = jdkServer("juliet", "pw", null, null);
        DigestMd5 client = new DigestMd5(SaslCredentials.of(DOMAIN, "juliet", "pw".toCharArray()));
        SaslServer otherServer = jdkServer("juliet", "pw", null, null);
        DigestMd5 otherClient = new DigestMd5(SaslCredentials.of(DOMAIN, "juliet", "pw".toCharArray()));

        byte[] response = client.evaluateChallenge(server.evaluateResponse(new byte[0]));
        server.evaluateResponse(response);
        byte[] otherRspauth = otherServer.evaluateResponse(otherClient.evaluateChallenge(otherServer.evaluateResponse(new byte[0])));

        assertThatThrownBy(() -> client.verifySuccess(otherRspauth)).isInstanceOf(SaslException.class)
                .extracting(e -> ((SaslException) e).reason()).isEqualTo(SaslException.Reason.SERVER_PROOF_MISMATCH);
    }
}
