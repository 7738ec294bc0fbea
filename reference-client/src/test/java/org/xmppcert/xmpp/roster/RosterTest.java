package org.xmppcert.xmpp.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xmppcert.xmpp.testing.BoundSessions.BOUND;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xmppcert.xmpp.disco.LocalFeatures;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.session.ProtocolViolationException;
import org.xmppcert.xmpp.session.XmppClient;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stanza.StanzaErrorCondition;
import org.xmppcert.xmpp.stream.StreamFeatures;
import org.xmppcert.xmpp.testing.BoundSessions;
import org.xmppcert.xmpp.testing.ScriptedServer;
import org.xmppcert.xmpp.testing.XmlSnippets;

/**
 * The roster manager against a scripted server, for what a real server will not do: pushes from
 * strangers, malformed pushes, a push right behind the result, versioning answers on demand.
 * The session is bound to juliet@example.test/balcony.
 */
class RosterTest {

    /** The client's roster get, capturing its id and its ver attribute (group 2, absent when none). */
    private static final Pattern ROSTER_GET =
            Pattern.compile("<iq type='get' id='([^']+)'><query xmlns='jabber:iq:roster'(?: ver='([^']*)')?/></iq>");
    private static final Pattern ROSTER_SET =
            Pattern.compile("<iq type='set' id='([^']+)'><query xmlns='jabber:iq:roster'>");

    private static final String ITEM_A = "<item jid='a@example.test' subscription='both' name='A'><group>G</group></item>";

    private final XmppClient client = new XmppClient();

    @AfterEach
    void closeClient() {
        client.close();
    }

    private static String result(String id, String query) {
        return "<iq type='result' id='" + id + "' to='juliet@example.test/balcony'>" + query + "</iq>";
    }

    private static String push(String id, String fromAttr, String items) {
        return "<iq type='set' id='" + id + "'" + fromAttr + "><query xmlns='jabber:iq:roster'>" + items + "</query></iq>";
    }

    @Test
    void aPushFromAThirdPartyIsNotAppliedAndAnsweredServiceUnavailableWhileOneWithoutFromIsAcknowledged()
            throws Exception {
        try (ScriptedServer server = ScriptedServer.start(BoundSessions.opened()
                .expect(ROSTER_GET)
                .reply(m -> result(m.group(1), "<query xmlns='jabber:iq:roster'>" + ITEM_A + "</query>"))
                .send(push("p1", " from='mallory@evil.test'", "<item jid='b@example.test'/>"))
                .send(push("p2", "", "<item jid='c@example.test' subscription='none'/>"))
                .expect(Pattern.compile("<iq type='error' id='p1' to='mallory@evil.test'><error type='cancel'>"
                        + "<service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>"))
                .expect("<iq type='result' id='p2'/>")
                .awaitClose())) {
            XmppSession session = BoundSessions.open(client, server);
            Roster roster = Roster.of(session);
            roster.fetch(BOUND);

            session.waitFor(e -> "p2".equals(e.attribute("id")), BOUND, "push p2");

            assertThat(roster.items()).extracting(RosterItem::jid)
                    .containsExactly(Jid.of("a@example.test"), Jid.of("c@example.test"));
            assertThat(roster.item(Jid.of("b@example.test"))).isEmpty();
            assertThat(roster.refusedPushes()).extracting(e -> e.attribute("id")).containsExactly("p1");
            assertThat(LocalFeatures.of(session).features()).contains(Roster.NAMESPACE);

            session.flush(BOUND);
            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }

    @Test
    void pushesFromTheBareJidAreAppliedButFromTheFullJidOrTheDomainOrMalformedOnesAreNot() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(BoundSessions.opened()
                .expect(ROSTER_GET)
                .reply(m -> result(m.group(1), "<query xmlns='jabber:iq:roster'/>"))
                .send(push("bare", " from='juliet@example.test'", "<item jid='b@example.test' subscription='to'/>"))
                .send(push("full", " from='juliet@example.test/balcony'", "<item jid='f@example.test'/>"))
                .send(push("domain", " from='example.test'", "<item jid='d@example.test'/>"))
                .send(push("two", "", "<item jid='x@example.test'/><item jid='y@example.test'/>"))
                .send(push("nojid", "", "<item name='who'/>"))
                .send(push("rm", "", "<item jid='b@example.test' subscription='remove'/>"))
                .expect("<iq type='result' id='bare' to='juliet@example.test'/>")
                .expect("<iq type='error' id='full' to='juliet@example.test/balcony'><error type='cancel'>"
                        + "<service-unavailable")
                .expect("<iq type='error' id='domain' to='example.test'><error type='cancel'><service-unavailable")
                .expect("<iq type='error' id='two'><error type='modify'><bad-request")
                .expect("<iq type='error' id='nojid'><error type='modify'><bad-request")
                .expect("<iq type='result' id='rm'/>")
                .awaitClose())) {
            XmppSession session = BoundSessions.open(client, server);
            Roster roster = Roster.of(session);
            List<RosterEvent> events = new CopyOnWriteArrayList<>();
            roster.addListener(events::add);
            roster.fetch(BOUND);

            session.waitFor(e -> "rm".equals(e.attribute("id")), BOUND, "push rm");

            assertThat(roster.items()).isEmpty();
            assertThat(events).extracting(RosterEvent::kind).containsExactly(RosterEvent.Kind.LOADED,
                    RosterEvent.Kind.ADDED, RosterEvent.Kind.REMOVED);
            assertThat(events.get(1).after().subscription()).isEqualTo(Subscription.TO);
            assertThat(events.get(2).before().jid()).isEqualTo(Jid.of("b@example.test"));
            assertThat(roster.refusedPushes()).extracting(e -> e.attribute("id"))
                    .containsExactly("full", "domain", "two", "nojid");

            session.flush(BOUND);
            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }

    @Test
    void aPushRightBehindTheResultIsAppliedAfterIt() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(BoundSessions.opened()
                .expect(ROSTER_GET)
                .reply(m -> result(m.group(1), "<query xmlns='jabber:iq:roster'>" + ITEM_A + "</query>")
                        + push("p1", "", "<item jid='a@example.test' subscription='from'/>"))
                .expect("<iq type='result' id='p1'/>")
                .awaitClose())) {
            XmppSession session = BoundSessions.open(client, server);
            Roster roster = Roster.of(session);

            roster.fetch(BOUND);
            session.waitFor(e -> "p1".equals(e.attribute("id")), BOUND, "push p1");

            assertThat(roster.item(Jid.of("a@example.test")).orElseThrow().subscription())
                    .as("the push, not the older result").isEqualTo(Subscription.FROM);

            session.flush(BOUND);
            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }

    @Test
    void withoutTheVersioningFeatureTheGetHasNoVerAndAnEmptyResultIsAViolation() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(BoundSessions.opened()
                .expect(ROSTER_GET)
                .reply(m -> {
                    if (m.group(2) != null) {
                        throw new AssertionError("the client sent ver='" + m.group(2) + "' unasked (RFC 6121 §2.6.2)");
                    }
                    return result(m.group(1), "");
                })
                .awaitClose())) {
            XmppSession session = BoundSessions.open(client, server);
            Roster roster = Roster.of(session);

            assertThat(roster.versioningOffered()).isFalse();
            assertThatThrownBy(() -> roster.fetch(BOUND)).isInstanceOf(ProtocolViolationException.class)
                    .hasMessageContaining("§2.1.4");

            session.flush(BOUND);
            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }

    @Test
    void withVersioningTheGetBootstrapsWithAnEmptyVerThenSendsTheCachedOneAndAnEmptyResultKeepsTheCache()
            throws Exception {
        try (ScriptedServer server = ScriptedServer.start(BoundSessions.opened()
                .expect(ROSTER_GET)
                .reply(m -> {
                    if (!"".equals(m.group(2))) {
                        throw new AssertionError("bootstrap needs ver='' (RFC 6121 §2.6.2), got " + m.group(0));
                    }
                    return result(m.group(1), "<query xmlns='jabber:iq:roster' ver='v1'>" + ITEM_A + "</query>");
                })
                .expect(ROSTER_GET)
                .reply(m -> {
                    if (!"v7".equals(m.group(2))) {
                        throw new AssertionError("the cached version v7 was not sent: " + m.group(0));
                    }
                    return result(m.group(1), "")
                            + "<iq type='set' id='p8'><query xmlns='jabber:iq:roster' ver='v8'>"
                            + "<item jid='n@example.test' subscription='none'/></query></iq>";
                })
                .expect("<iq type='result' id='p8'/>")
                .awaitClose())) {
            XmppSession session = BoundSessions.open(client, server);
            Roster roster = Roster.of(session).useStreamFeatures(new StreamFeatures(XmlSnippets.parse(
                    "<stream:features><ver xmlns='urn:xmpp:features:rosterver'/></stream:features>")));
            assertThat(roster.versioningOffered()).isTrue();

            RosterQuery first = roster.fetch(BOUND).orElseThrow();
            assertThat(first.ver()).isEqualTo("v1");
            assertThat(roster.version()).contains("v1");

            RosterItem cached = RosterItem.of(Jid.of("cached@example.test"));
            roster.restore(new RosterSnapshot("v7", List.of(cached)));
            assertThat(roster.fetch(BOUND)).as("the empty result of RFC 6121 §2.6.3").isEmpty();
            session.waitFor(e -> "p8".equals(e.attribute("id")), BOUND, "interim push p8");

            assertThat(roster.items()).extracting(RosterItem::jid)
                    .containsExactly(Jid.of("cached@example.test"), Jid.of("n@example.test"));
            assertThat(roster.snapshot().ver()).as("the version of the last push (§2.6.3)").isEqualTo("v8");

            session.flush(BOUND);
            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }

    @Test
    void aRosterSetWaitsForTheResultAndLeavesTheLocalCopyToThePushWhileAnErrorIsTyped() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(BoundSessions.opened()
                .expect(ROSTER_SET)
                .reply(m -> result(m.group(1), ""))
                .expect(ROSTER_SET)
                .reply(m -> "<iq type='error' id='" + m.group(1) + "'><error type='modify'><item-not-found"
                        + " xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>")
                .awaitClose())) {
            XmppSession session = BoundSessions.open(client, server);
            Roster roster = Roster.of(session);

            roster.add(Jid.of("nurse@example.test"), "Nurse", List.of("Servants"));
            assertThat(roster.items()).as("until the push comes").isEmpty();
            assertThatThrownBy(() -> roster.remove(Jid.of("ghost@example.test")))
                    .isInstanceOfSatisfying(RosterException.class,
                            e -> assertThat(e.condition()).isEqualTo(StanzaErrorCondition.ITEM_NOT_FOUND));

            session.flush(BOUND);
            session.abort();
            server.assertScriptCompleted(BOUND);
            assertThat(server.receivedText()).contains("<item jid='nurse@example.test' name='Nurse'>"
                    + "<group>Servants</group></item>").contains("<item jid='ghost@example.test' subscription='remove'/>");
        }
    }
}
