package org.xmppcert.xmpp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xmppcert.xmpp.negotiation.AuthenticationException;
import org.xmppcert.xmpp.negotiation.SessionNegotiator;
import org.xmppcert.xmpp.register.InBandRegistration;
import org.xmppcert.xmpp.register.RegistrationException;
import org.xmppcert.xmpp.session.XmppClient;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stanza.StanzaErrorCondition;
import org.xmppcert.xmpp.transcript.Transcript;

/** XEP-0077 registration and removal against the CI Prosody and ejabberd. */
class RegistrationIT {
    private static XmppClient client;

    @BeforeAll
    static void start() {
        client = new XmppClient();
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    @Test
    void registerLogInRemoveOnProsody() throws Exception {
        registerLogInRemove(CiServer.prosody());
    }

    @Test
    void registerLogInRemoveOnEjabberd() throws Exception {
        registerLogInRemove(CiServer.ejabberd());
    }

    private void registerLogInRemove(CiServer server) throws Exception {
        TestAccounts accounts = new TestAccounts(server, client);
        TestAccounts.Account a = accounts.create();
        Transcript transcript = new Transcript();
        XmppSession session = accounts.login(a, "reg-test", transcript);
        assertThat(session.localJid().bare()).isEqualTo(a.jid());
        InBandRegistration.remove(session, Negotiation.TIMEOUT);
        session.close(Negotiation.TIMEOUT);
        assertThat(transcript.render()).doesNotContain(a.password());

        // The account is gone: logging in again fails with not-authorized.
        SessionNegotiator again = new SessionNegotiator(client, accounts.config(a, new Transcript()).build());
        assertThatThrownBy(again::negotiate).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void aTakenUsernameIsAConflict() throws Exception {
        CiServer server = CiServer.prosody();
        try (TestAccounts accounts = new TestAccounts(server, client)) {
            TestAccounts.Account a = accounts.create();
            SessionNegotiator n = new SessionNegotiator(client, accounts.config(a, new Transcript()).build());
            n.connect();
            n.openStream("initial");
            n.startTls();
            assertThat(InBandRegistration.fields(n.session(), Negotiation.TIMEOUT)).contains("username", "password");
            assertThatThrownBy(() -> InBandRegistration.register(n.session(), a.user(), "other".toCharArray(),
                    Negotiation.TIMEOUT)).isInstanceOfSatisfying(RegistrationException.class,
                            e -> assertThat(e.condition()).isEqualTo(StanzaErrorCondition.CONFLICT));
            n.session().close(Negotiation.TIMEOUT);
        }
    }
}
