package org.xmppcert.xmpp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.message.Message;
import org.xmppcert.xmpp.message.MessageType;
import org.xmppcert.xmpp.message.Messages;
import org.xmppcert.xmpp.ping.Ping;
import org.xmppcert.xmpp.ping.PingException;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stanza.StanzaErrorCondition;
import org.xmppcert.xmpp.xml.Element;

/** XEP-0199 against the CI Prosody and ejabberd, and the round-trip barrier the harness relies on. */
class PingIT {

    private static final Duration T = Negotiation.TIMEOUT;

    @ParameterizedTest
    @ValueSource(strings = {"prosody", "ejabberd"})
    void theServerAnswersPingsAddressedEveryWayXep0199Section4_2Allows(String serverName) throws Exception {
        try (MessagingFixture f = new MessagingFixture(CiServer.load(serverName))) {
            TestAccounts.Account alice = f.account();
            XmppSession a = f.login(alice, "a");
            Ping ping = Ping.of(a);

            assertThat(ping.pingServer()).isPositive().isLessThan(T);
            assertThat(ping.ping((String) null, T)).isLessThan(T);
            assertThat(ping.ping(alice.jid(), T)).isLessThan(T);
            assertThat(ping.barrier(T)).isLessThan(T);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prosody", "ejabberd"})
    void anotherClientsFullJidIsAnsweredByOurResponder(String serverName) throws Exception {
        try (MessagingFixture f = new MessagingFixture(CiServer.load(serverName))) {
            XmppSession a = f.login(f.account(), "a");
            XmppSession b = f.login(f.account(), "b");

            assertThat(Ping.of(a).ping(b.localJid(), T)).isLessThan(T);

            // The ping really went through Bob's client: it is still queued there, from Alice.
            Element seen = b.waitFor(Ping::isPing, T, "Alice's ping");
            assertThat(seen.attribute("from")).isEqualTo(a.localJid().toString());
            // Seen on both servers: an IQ get reaches a full JID that shares no presence with the
            // sender, which RFC 6121 §8.5.3.1 says a server SHOULD NOT do (service-unavailable).
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prosody", "ejabberd"})
    void aClientWithoutTheResponderAnswersServiceUnavailable(String serverName) throws Exception {
        try (MessagingFixture f = new MessagingFixture(CiServer.load(serverName))) {
            XmppSession a = f.login(f.account(), "a");
            XmppSession b = f.login(f.account(), "b");
            Ping.of(b).disableResponder();

            assertThatThrownBy(() -> Ping.of(a).ping(b.localJid(), T)).isInstanceOfSatisfying(PingException.class, e -> {
                assertThat(e.condition()).isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE);
                assertThat(e.response().orElseThrow().attribute("from")).isEqualTo(b.localJid().toString());
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prosody", "ejabberd"})
    void aResourceThatIsNotConnectedIsServiceUnavailableFromItsFullJid(String serverName) throws Exception {
        try (MessagingFixture f = new MessagingFixture(CiServer.load(serverName))) {
            XmppSession a = f.login(f.account(), "a");
            TestAccounts.Account bob = f.account();
            Jid gone = bob.jid().withResource("gone");

            // XEP-0199 §7: service-unavailable, from the full JID the ping was addressed to.
            assertThatThrownBy(() -> Ping.of(a).ping(gone, T)).isInstanceOfSatisfying(PingException.class, e -> {
                assertThat(e.condition()).isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE);
                assertThat(e.response().orElseThrow().attribute("from")).isEqualTo(gone.toString());
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prosody", "ejabberd"})
    void afterTheBarrierOfSenderThenReceiverEverythingSentIsAlreadyQueued(String serverName) throws Exception {
        try (MessagingFixture f = new MessagingFixture(CiServer.load(serverName))) {
            XmppSession a = f.login(f.account(), "a");
            XmppSession b = f.login(f.account(), "b");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                ids.add(Messages.of(a).send(Message.builder().to(b.localJid()).type(MessageType.CHAT)
                        .body("burst " + i + " " + "x".repeat(2000))).id());
            }

            Ping.barrier(T, a, b);

            // No waiting: poll, not next. Each message is there, in the order sent (RFC 6120 §10.1).
            for (String id : ids) {
                assertThat(Messages.of(b).poll(m -> true)).hasValueSatisfying(m -> assertThat(m.id()).isEqualTo(id));
            }
        }
    }
}
