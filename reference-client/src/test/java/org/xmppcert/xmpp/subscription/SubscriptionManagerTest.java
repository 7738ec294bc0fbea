package org.xmppcert.xmpp.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xmppcert.xmpp.testing.BoundSessions.BOUND;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xmppcert.xmpp.iq.Iq;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.presence.PresenceTracker;
import org.xmppcert.xmpp.roster.Roster;
import org.xmppcert.xmpp.session.XmppClient;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stream.StreamFeatures;
import org.xmppcert.xmpp.testing.BoundSessions;
import org.xmppcert.xmpp.testing.ScriptedServer;
import org.xmppcert.xmpp.testing.XmlSnippets;
import org.xmppcert.xmpp.xml.Element;

/** The subscription manager's stanzas and its handling of requests, against a scripted server. */
class SubscriptionManagerTest {

    private static final Jid ROMEO = Jid.of("romeo@example.net");

    private final XmppClient client = new XmppClient();

    @AfterEach
    void closeClient() {
        client.close();
    }

    /** The marker the client sends when it is ready for the server's next stanzas. */
    private static final String GO = "<iq type='get' id='go'";

    private static String request(String from, String id) {
        return "<presence from='" + from + "' to='juliet@example.test' type='subscribe' id='" + id + "'>"
                + "<status>Hi!</status></presence>";
    }

    @Test
    void manualKeepsTheRequestWhichApproveAnswersToTheBareJidWithAnIdOfItsOwn() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(BoundSessions.opened()
                .expect(GO)
                .send(request("romeo@example.net", "req1") + "<iq type='result' id='go'/>")
                .expect(Pattern.compile("<presence type='subscribed' to='romeo@example.net' id='(?!req1')[^']+'/>"))
                .awaitClose())) {
            XmppSession session = BoundSessions.open(client, server);
            SubscriptionManager subscriptions = SubscriptionManager.of(session);
            List<SubscriptionAction> seen = new CopyOnWriteArrayList<>();
            subscriptions.addListener((action, from, p) -> seen.add(action));
            assertThat(subscriptions.policy()).isEqualTo(SubscriptionPolicy.MANUAL);

            session.request(Iq.get(null, Element.of("ping", "urn:xmpp:ping"))
                    .toBuilder().attribute("id", "go").build(), BOUND);

            assertThat(seen).containsExactly(SubscriptionAction.SUBSCRIBE);
            SubscriptionRequest r = subscriptions.pendingRequest(Jid.of("romeo@example.net/any")).orElseThrow();
            assertThat(r.presence().status()).contains("Hi!");
            assertThat(server.receivedText()).as("nothing answered by itself").doesNotContain("subscribed");

            // A full JID is turned into the bare one (RFC 6121 §3.1.4 answers the requester's bare JID).
            subscriptions.approve(Jid.of("romeo@example.net/orchard"));
            assertThat(subscriptions.pendingRequests()).isEmpty();
            // The stanza also stays queued for a scenario.
            assertThat(session.poll(e -> "req1".equals(e.attribute("id")))).isPresent();

            session.flush(BOUND);
            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }

    @Test
    void acceptAllAndRejectAllAnswerAtOnceAndAWithdrawnRequestIsDropped() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(BoundSessions.opened()
                .expect(GO)
                .send(request("romeo@example.net", "r1"))
                .expect(Pattern.compile("<presence type='subscribed' to='romeo@example.net' id='[^']+'/>"))
                .send("<iq type='result' id='go'/>")
                .expect(GO)
                .send(request("mallory@evil.test", "r2"))
                .expect(Pattern.compile("<presence type='unsubscribed' to='mallory@evil.test' id='[^']+'/>"))
                .send("<iq type='result' id='go'/>")
                .expect(GO)
                .send(request("benvolio@example.net", "r3") + "<iq type='result' id='go'/>")
                .expect(GO)
                .send("<presence from='benvolio@example.net' type='unsubscribe'/><iq type='result' id='go'/>")
                .awaitClose())) {
            XmppSession session = BoundSessions.open(client, server);
            SubscriptionManager subscriptions = SubscriptionManager.of(session);
            ping(session, SubscriptionPolicy.ACCEPT_ALL, subscriptions);
            ping(session, SubscriptionPolicy.REJECT_ALL, subscriptions);
            assertThat(subscriptions.pendingRequests()).as("accepted, then rejected").isEmpty();
            ping(session, SubscriptionPolicy.MANUAL, subscriptions);
            assertThat(subscriptions.pendingRequests()).extracting(SubscriptionRequest::from)
                    .containsExactly(Jid.of("benvolio@example.net"));
            ping(session, SubscriptionPolicy.MANUAL, subscriptions);
            assertThat(subscriptions.pendingRequests()).as("withdrawn with unsubscribe (RFC 6121 §3.3.3)").isEmpty();

            session.flush(BOUND);
            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }

    /** Sets the policy, then lets the server send what it has for it, ending with the answer to 'go'. */
    private static void ping(XmppSession session, SubscriptionPolicy policy, SubscriptionManager subscriptions)
            throws Exception {
        subscriptions.setPolicy(policy);
        session.request(Iq.get(null, Element.of("ping", "urn:xmpp:ping"))
                .toBuilder().attribute("id", "go").build(), BOUND);
    }

    @Test
    void subscribeUnsubscribeCancelAndDenyGoToTheBareJidAndUnsubscribeForgetsTheContactsPresence()
            throws Exception {
        try (ScriptedServer server = ScriptedServer.start(BoundSessions.opened()
                .expect(Pattern.compile("<presence type='subscribe' to='romeo@example.net' id='[^']+'>"
                        + "<status>let me in</status></presence>"))
                .send("<presence from='romeo@example.net/orchard'/><iq type='result' id='go'/>")
                .expect(Pattern.compile("<presence type='unsubscribe' to='romeo@example.net' id='[^']+'/>"))
                .expect(Pattern.compile("<presence type='unsubscribed' to='romeo@example.net' id='[^']+'/>"))
                .expect(Pattern.compile("<presence type='unsubscribed' to='romeo@example.net' id='[^']+'/>"))
                .awaitClose())) {
            XmppSession session = BoundSessions.open(client, server);
            SubscriptionManager subscriptions = SubscriptionManager.of(session);
            PresenceTracker tracker = PresenceTracker.of(session);

            subscriptions.subscribe(Jid.of("romeo@example.net/orchard"), "let me in");
            session.waitFor(e -> "go".equals(e.attribute("id")), BOUND, "the marker");
            assertThat(tracker.isAvailable(ROMEO)).isTrue();

            subscriptions.unsubscribe(ROMEO);
            assertThat(tracker.isAvailable(ROMEO)).as("RFC 6121 §3.3.3: null and void").isFalse();
            subscriptions.cancel(ROMEO);
            subscriptions.deny(ROMEO);

            session.flush(BOUND);
            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }

    @Test
    void aPushTakingAwayTheSubscriptionAlsoForgetsTheContactsPresence() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(BoundSessions.opened()
                .expect(Pattern.compile("<iq type='get' id='([^']+)'><query xmlns='jabber:iq:roster'/></iq>"))
                .reply(m -> "<iq type='result' id='" + m.group(1) + "'><query xmlns='jabber:iq:roster'>"
                        + "<item jid='romeo@example.net' subscription='both'/></query></iq>"
                        + "<presence from='romeo@example.net/orchard'/>"
                        + "<presence from='romeo@example.net' type='unsubscribed'/>"
                        + "<iq type='set' id='p1'><query xmlns='jabber:iq:roster'>"
                        + "<item jid='romeo@example.net' subscription='from'/></query></iq>")
                .expect("<iq type='result' id='p1'/>")
                .awaitClose())) {
            XmppSession session = BoundSessions.open(client, server);
            SubscriptionManager subscriptions = SubscriptionManager.of(session);
            List<String> order = new CopyOnWriteArrayList<>();
            subscriptions.addListener((action, from, p) -> order.add(action.value()));
            Roster.of(session).addListener(e -> order.add("push " + e.kind()));

            Roster.of(session).fetch(BOUND);
            session.waitFor(e -> "p1".equals(e.attribute("id")), BOUND, "the push");

            assertThat(order).containsExactly("push LOADED", "unsubscribed", "push UPDATED");
            assertThat(PresenceTracker.of(session).isAvailable(ROMEO)).isFalse();

            session.flush(BOUND);
            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }

    @Test
    void preApprovalNeedsTheStreamFeature() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(BoundSessions.opened()
                .expect(Pattern.compile("<presence type='subscribed' to='romeo@example.net' id='[^']+'/>"))
                .awaitClose())) {
            XmppSession session = BoundSessions.open(client, server);
            SubscriptionManager subscriptions = SubscriptionManager.of(session);

            assertThatThrownBy(() -> subscriptions.preApprove(ROMEO)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("§3.4.1");
            subscriptions.useStreamFeatures(new StreamFeatures(XmlSnippets.parse(
                    "<stream:features><sub xmlns='urn:xmpp:features:pre-approval'/></stream:features>")));
            subscriptions.preApprove(ROMEO);

            session.flush(BOUND);
            session.abort();
            server.assertScriptCompleted(BOUND);
            assertThat(server.receivedText()).containsOnlyOnce("subscribed");
        }
    }
}
