package org.xmppcert.xmpp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xmppcert.xmpp.caps.Caps;
import org.xmppcert.xmpp.caps.CapsVerification;
import org.xmppcert.xmpp.client.BasicClient;
import org.xmppcert.xmpp.disco.DiscoInfo;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.negotiation.SessionNegotiator;
import org.xmppcert.xmpp.ping.Ping;
import org.xmppcert.xmpp.presence.Presence;
import org.xmppcert.xmpp.roster.Subscription;
import org.xmppcert.xmpp.session.XmppClient;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stream.XmppNamespaces;
import org.xmppcert.xmpp.transcript.Transcript;

/**
 * Two reference clients with every Basic Client 2008 behaviour installed, end to end: they
 * subscribe to each other, see each other's presence with XEP-0115 caps that verify against
 * XEP-0030 disco#info, and advertise exactly what they answer.
 */
class BasicClientIT {
    private static XmppClient client;

    @BeforeAll
    static void start() {
        client = new XmppClient();
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    static List<CiServer> servers() {
        return List.of(CiServer.prosody(), CiServer.ejabberd());
    }

    private static BasicClient login(TestAccounts accounts, TestAccounts.Account account) throws Exception {
        SessionNegotiator n = new SessionNegotiator(client, accounts.config(account, new Transcript()).resource("basic").build());
        XmppSession session = n.negotiate();
        return BasicClient.install(session, n.features());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void twoBasicClientsSubscribeSeeEachOtherAndVerifyCaps(CiServer server) throws Exception {
        try (TestAccounts accounts = new TestAccounts(server, client)) {
            TestAccounts.Account a = accounts.create();
            TestAccounts.Account b = accounts.create();
            BasicClient alice = login(accounts, a);
            BasicClient bob = login(accounts, b);
            alice.goOnline();
            bob.goOnline();

            alice.subscriptions().subscribe(b.jid());
            bob.session().waitFor(e -> e.is("presence", XmppNamespaces.CLIENT) && "subscribe".equals(e.attribute("type")),
                    Negotiation.TIMEOUT,
                    "alice's subscription request");
            bob.subscriptions().approve(a.jid());
            Presence bobs = waitForAvailable(alice.session(), bob.session().localJid());
            Ping.barrier(java.time.Duration.ofSeconds(10), alice.session());
            assertThat(alice.roster().item(b.jid()).orElseThrow().subscription()).isEqualTo(Subscription.TO);

            Caps caps = Caps.find(bobs.element()).orElseThrow();
            assertThat(caps.hash()).isEqualTo("sha-1");
            CapsVerification verdict = alice.caps().verify(bob.session().localJid(), caps);
            assertThat(verdict.isVerified()).as(verdict.describe()).isTrue();

            DiscoInfo info = alice.disco().info(bob.session().localJid());
            assertThat(info.features()).contains("http://jabber.org/protocol/disco#info", "urn:xmpp:ping",
                    "jabber:iq:version", "http://jabber.org/protocol/caps", "jabber:iq:roster");
            assertThat(Ping.of(alice.session()).ping(bob.session().localJid(), java.time.Duration.ofSeconds(10))).isNotNull();

            alice.session().close(Negotiation.TIMEOUT);
            bob.session().close(Negotiation.TIMEOUT);
        }
    }

    private static Presence waitForAvailable(XmppSession session, Jid from) throws Exception {
        return Presence.parse(session.waitFor(e -> e.is("presence", XmppNamespaces.CLIENT)
                && e.attribute("type") == null && from.toString().equals(e.attribute("from")),
                Negotiation.TIMEOUT, "available presence from " + from));
    }
}
