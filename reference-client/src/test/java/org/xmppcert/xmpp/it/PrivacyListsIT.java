package org.xmppcert.xmpp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xmppcert.xmpp.it.MessagingFixture.available;
import static org.xmppcert.xmpp.privacy.PrivacyItem.Action.ALLOW;
import static org.xmppcert.xmpp.privacy.PrivacyItem.Action.DENY;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.iq.Iq;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.message.Message;
import org.xmppcert.xmpp.message.MessageType;
import org.xmppcert.xmpp.message.Messages;
import org.xmppcert.xmpp.ping.Ping;
import org.xmppcert.xmpp.ping.PingException;
import org.xmppcert.xmpp.privacy.PrivacyException;
import org.xmppcert.xmpp.privacy.PrivacyIq;
import org.xmppcert.xmpp.privacy.PrivacyItem;
import org.xmppcert.xmpp.privacy.PrivacyItem.StanzaKind;
import org.xmppcert.xmpp.privacy.PrivacyItem.Subscription;
import org.xmppcert.xmpp.privacy.PrivacyList;
import org.xmppcert.xmpp.privacy.PrivacyListNames;
import org.xmppcert.xmpp.privacy.PrivacyLists;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stanza.StanzaError;
import org.xmppcert.xmpp.stanza.StanzaErrorCondition;
import org.xmppcert.xmpp.stream.XmppNamespaces;
import org.xmppcert.xmpp.xml.Element;

/**
 * Privacy lists (RFC 3921 §10) against the CI Prosody ({@code mod_privacy_lists}) and ejabberd
 * ({@code mod_privacy}), with fresh accounts: Bob owns the lists, Alice is the contact he
 * blocks or allows, Carol a control whose stanzas must pass, so that every "blocked" check
 * could also fail. "Not delivered" is closed with round trips on the sender, then the receiver.
 *
 * <p>Where a server does something RFC 3921 §10 forbids, the test pins what it does, names
 * the rule, and says so in a comment starting with "Deviation".
 */
class PrivacyListsIT {

    private static final Duration T = Negotiation.TIMEOUT;

    /** Alice, Bob (available, priority 0) and Carol, each with one session. */
    private record Cast(MessagingFixture f, TestAccounts.Account alice, TestAccounts.Account bob,
            TestAccounts.Account carol, XmppSession a, XmppSession b, XmppSession c) {

        static Cast on(MessagingFixture f) throws XmppException {
            TestAccounts.Account alice = f.account();
            TestAccounts.Account bob = f.account();
            TestAccounts.Account carol = f.account();
            XmppSession a = f.login(alice, "a");
            XmppSession b = f.login(bob, "b");
            XmppSession c = f.login(carol, "c");
            available(a, 0);
            available(b, 0);
            available(c, 0);
            Ping.barrier(T, a, b, c);
            a.drain();
            b.drain();
            c.drain();
            return new Cast(f, alice, bob, carol, a, b, c);
        }

        PrivacyLists lists() {
            return PrivacyLists.of(b);
        }

        /** Bob sets the list and makes it active for his session. */
        void activate(PrivacyItem... items) throws XmppException {
            lists().setList(PrivacyList.of("test", items));
            lists().setActive("test");
        }
    }

    /** What became of one stanza: whether the receiver got it, and the error the sender got back. */
    private record Outcome(boolean delivered, Optional<StanzaError> bounce) {
    }

    private static Outcome message(XmppSession from, Jid to, XmppSession receiver) throws XmppException {
        Message sent = Messages.of(from).send(Message.builder().to(to).type(MessageType.CHAT).body("hello"));
        Ping.barrier(T, from, receiver);
        boolean delivered = Messages.of(receiver).poll(Messages.withId(sent.id())).isPresent();
        // A bounce may be made on the receiver's side (ejabberd: by the receiver's session
        // process) and travel back: one more round trip on the sender brings it in.
        Ping.barrier(T, from);
        Optional<StanzaError> bounce = Messages.of(from)
                .poll(m -> m.type() == MessageType.ERROR && sent.id().equals(m.id())).flatMap(Message::error);
        return new Outcome(delivered, bounce);
    }

    /** A directed available presence (a notification in the sense of §10.10, not a subscription). */
    private static Outcome presence(XmppSession from, XmppSession receiver, String type) throws XmppException {
        String id = from.nextId();
        Element.Builder p = Element.builder("presence", XmppNamespaces.CLIENT)
                .attribute("to", type == null ? receiver.localJid().toString() : receiver.localJid().bare().toString())
                .attribute("id", id);
        if (type != null) {
            p.attribute("type", type);
        }
        from.send(p.build());
        Ping.barrier(T, from, receiver);
        boolean delivered = receiver.poll(e -> e.is("presence", XmppNamespaces.CLIENT) && id.equals(e.attribute("id"))
                && from.localJid().bare().toString().equals(Jid.tryParse(e.attribute("from")).map(j -> j.bare().toString())
                        .orElse(""))).isPresent();
        Ping.barrier(T, from);
        Optional<StanzaError> bounce = from.poll(e -> id.equals(e.attribute("id")) && "error".equals(e.attribute("type")))
                .map(StanzaError::of);
        return new Outcome(delivered, bounce);
    }

    /** A ping to the receiver's full JID: whether the receiver's client saw it, and the error, if any. */
    private static Outcome ping(XmppSession from, XmppSession receiver) throws XmppException {
        Optional<StanzaError> bounce;
        try {
            Ping.of(from).ping(receiver.localJid(), T);
            bounce = Optional.empty();
        } catch (PingException e) {
            bounce = Optional.of(e.error());
        }
        Ping.barrier(T, receiver);
        boolean delivered = receiver.poll(e -> Ping.isPing(e) && from.localJid().toString().equals(e.attribute("from")))
                .isPresent();
        return new Outcome(delivered, bounce);
    }

    private static StanzaErrorCondition refusal(ThrowingRunnable r) {
        try {
            r.run();
        } catch (PrivacyException e) {
            return e.condition();
        } catch (XmppException e) {
            throw new AssertionError(e);
        }
        return null;
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws XmppException;
    }

    // ---------------------------------------------------------------- managing lists (§10.3–§10.8)

    @ParameterizedTest
    @ValueSource(strings = {"prosody", "ejabberd"})
    void listsAreSetReadActivatedMadeDefaultDeclinedAndRemoved(String serverName) throws Exception {
        try (MessagingFixture f = new MessagingFixture(CiServer.load(serverName))) {
            XmppSession s = f.login(f.account(), "r1");
            PrivacyLists lists = PrivacyLists.of(s);
            assertThat(lists.names().lists()).isEmpty();

            PrivacyList everything = PrivacyList.of("everything",
                    PrivacyItem.jid("tybalt@example.com", DENY, 3, StanzaKind.MESSAGE),
                    PrivacyItem.group("Enemies", DENY, 4, StanzaKind.PRESENCE_IN),
                    PrivacyItem.subscription(Subscription.FROM, ALLOW, 5, StanzaKind.PRESENCE_OUT),
                    PrivacyItem.subscription(Subscription.BOTH, DENY, 6, StanzaKind.IQ),
                    PrivacyItem.subscription(Subscription.TO, ALLOW, 7, StanzaKind.MESSAGE, StanzaKind.IQ),
                    PrivacyItem.subscription(Subscription.NONE, DENY, 8),
                    PrivacyItem.jid("example.org", ALLOW, 9),
                    PrivacyItem.fallThrough(ALLOW, 68));
            lists.setList(everything);
            lists.setList(PrivacyList.of("other", PrivacyItem.fallThrough(DENY, 1)));

            assertThat(lists.list("everything").inProcessingOrder()).isEqualTo(everything.inProcessingOrder());
            PrivacyListNames names = lists.names();
            assertThat(names.lists()).containsExactlyInAnyOrder("everything", "other");
            assertThat(names.activeList()).isEmpty();
            assertThat(names.defaultListName()).isEmpty();

            lists.setActive("everything");
            lists.setDefault("other");
            assertThat(lists.names().activeList()).contains("everything");
            assertThat(lists.names().defaultListName()).contains("other");

            // Replacing a list is not a delta (§10.6).
            lists.setList(PrivacyList.of("everything", PrivacyItem.fallThrough(DENY, 2)));
            assertThat(lists.list("everything").items()).containsExactly(PrivacyItem.fallThrough(DENY, 2));

            lists.declineActive();
            lists.declineDefault();
            assertThat(lists.names().activeList()).isEmpty();
            assertThat(lists.names().defaultListName()).isEmpty();

            lists.removeList("everything");
            assertThat(lists.names().lists()).containsExactly("other");
            assertThat(refusal(() -> lists.list("everything"))).isEqualTo(StanzaErrorCondition.ITEM_NOT_FOUND);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prosody", "ejabberd"})
    void unknownListsAndMalformedRequestsAreRefusedAsSection10Says(String serverName) throws Exception {
        try (MessagingFixture f = new MessagingFixture(CiServer.load(serverName))) {
            XmppSession s = f.login(f.account(), "r1");
            PrivacyLists lists = PrivacyLists.of(s);
            lists.setList(PrivacyList.of("a", PrivacyItem.fallThrough(ALLOW, 1)));
            lists.setList(PrivacyList.of("b", PrivacyItem.fallThrough(ALLOW, 1)));

            assertThat(refusal(() -> lists.list("The Empty Set"))).isEqualTo(StanzaErrorCondition.ITEM_NOT_FOUND);
            assertThat(refusal(() -> lists.setActive("The Empty Set"))).isEqualTo(StanzaErrorCondition.ITEM_NOT_FOUND);
            assertThat(refusal(() -> lists.setDefault("The Empty Set"))).isEqualTo(StanzaErrorCondition.ITEM_NOT_FOUND);
            // §10.3: one list at a time; §10.1: one child in a set.
            assertThat(StanzaError.of(lists.exchange(PrivacyIq.getList("a", "b"))).condition())
                    .isEqualTo(StanzaErrorCondition.BAD_REQUEST);
            Element twoChildren = Iq.set(null, PrivacyIq.query(
                    Element.builder("active", PrivacyIq.NAMESPACE).attribute("name", "a").build(),
                    Element.builder("default", PrivacyIq.NAMESPACE).attribute("name", "b").build()));
            assertThat(StanzaError.of(lists.exchange(twoChildren)).condition()).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
            assertThat(lists.names().activeList()).isEmpty();
            assertThat(lists.names().defaultListName()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prosody", "ejabberd"})
    void removingAListThatDoesNotExist(String serverName) throws Exception {
        try (MessagingFixture f = new MessagingFixture(CiServer.load(serverName))) {
            PrivacyLists lists = PrivacyLists.of(f.login(f.account(), "r1"));
            StanzaErrorCondition withoutAnyList = refusal(() -> lists.removeList("The Empty Set"));
            lists.setList(PrivacyList.of("public", PrivacyItem.fallThrough(ALLOW, 1)));
            StanzaErrorCondition besideAnother = refusal(() -> lists.removeList("The Empty Set"));

            // §10.8: "MUST return an <item-not-found/> stanza error" in both cases.
            if (serverName.equals("prosody")) {
                // Deviation: bad-request.
                assertThat(withoutAnyList).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
                assertThat(besideAnother).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
            } else {
                assertThat(withoutAnyList).isEqualTo(StanzaErrorCondition.ITEM_NOT_FOUND);
                // Deviation: once the account has a list, removing any unknown one succeeds.
                assertThat(besideAnother).isNull();
            }
            assertThat(lists.names().lists()).containsExactly("public");
        }
    }

    @Test
    void prosodyRefusesDuplicateOrdersButHasAlreadyReplacedTheList() throws Exception {
        try (MessagingFixture f = new MessagingFixture(CiServer.prosody())) {
            PrivacyLists lists = PrivacyLists.of(f.login(f.account(), "r1"));
            lists.setList(PrivacyList.of("l", PrivacyItem.fallThrough(ALLOW, 1)));
            PrivacyList duplicate = PrivacyList.of("l", PrivacyItem.jid("tybalt@example.com", DENY, 1),
                    PrivacyItem.fallThrough(DENY, 1));

            // §10.1: non-unique orders MUST be refused with bad-request: they are.
            assertThat(refusal(() -> lists.setList(duplicate))).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
            // Deviation: the refused request changed the list anyway, to the items read before the
            // duplicate (in memory; mod_privacy_lists does not save a refused list).
            assertThat(lists.list("l").items()).containsExactly(PrivacyItem.jid("tybalt@example.com", DENY, 1));
        }
    }

    @Test
    void ejabberdAcceptsDuplicateOrders() throws Exception {
        try (MessagingFixture f = new MessagingFixture(CiServer.ejabberd())) {
            PrivacyLists lists = PrivacyLists.of(f.login(f.account(), "r1"));
            PrivacyList duplicate = PrivacyList.of("l", PrivacyItem.jid("tybalt@example.com", DENY, 1),
                    PrivacyItem.fallThrough(DENY, 1));

            // Deviation: §10.1 "the server MUST return to the client a <bad-request/> stanza error".
            assertThat(refusal(() -> lists.setList(duplicate))).isNull();
            assertThat(lists.list("l").problems()).singleElement().asString().contains("order 1");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prosody", "ejabberd"})
    void theDefaultInUseByAnotherResourceCannotBeChangedDeclinedOrRemoved(String serverName) throws Exception {
        try (MessagingFixture f = new MessagingFixture(CiServer.load(serverName))) {
            TestAccounts.Account romeo = f.account();
            XmppSession orchard = f.login(romeo, "orchard");
            XmppSession home = f.login(romeo, "home");
            PrivacyLists fromOrchard = PrivacyLists.of(orchard);
            PrivacyLists fromHome = PrivacyLists.of(home);
            fromOrchard.setList(PrivacyList.of("public", PrivacyItem.fallThrough(ALLOW, 1)));
            fromOrchard.setList(PrivacyList.of("private", PrivacyItem.fallThrough(DENY, 1)));
            fromOrchard.setList(PrivacyList.of("special", PrivacyItem.fallThrough(ALLOW, 2)));

            fromHome.setActive("private");
            // Home has an active list, so the default applies to no other resource: orchard may set it.
            assertThat(refusal(() -> fromOrchard.setDefault("public"))).isNull();
            // Now home declines its active list: the default applies to it (§10.2 rule 2).
            fromHome.declineActive();
            StanzaErrorCondition change = refusal(() -> fromOrchard.setDefault("special"));
            StanzaErrorCondition decline = refusal(fromOrchard::declineDefault);
            StanzaErrorCondition removal = refusal(() -> fromOrchard.removeList("public"));
            PrivacyListNames after = fromHome.names();
            // §10.5 and §10.2 rule 11: conflict each time, and nothing changes.
            if (serverName.equals("prosody")) {
                assertThat(change).isEqualTo(StanzaErrorCondition.CONFLICT);
                assertThat(decline).isEqualTo(StanzaErrorCondition.CONFLICT);
                assertThat(removal).isEqualTo(StanzaErrorCondition.CONFLICT);
                assertThat(after.defaultListName()).contains("public");
            } else {
                // Deviation: ejabberd does all three; the default is gone from under 'home'.
                assertThat(change).isNull();
                assertThat(decline).isNull();
                assertThat(removal).isNull();
                assertThat(after.defaultListName()).isEmpty();
                assertThat(after.lists()).doesNotContain("public");
            }

            // Once home has its own active list again, orchard may decline the default.
            fromHome.setActive("special");
            assertThat(refusal(fromOrchard::declineDefault)).isNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prosody", "ejabberd"})
    void aListActiveOnAnotherResourceCannotBeRemoved(String serverName) throws Exception {
        try (MessagingFixture f = new MessagingFixture(CiServer.load(serverName))) {
            TestAccounts.Account romeo = f.account();
            XmppSession orchard = f.login(romeo, "orchard");
            XmppSession home = f.login(romeo, "home");
            PrivacyLists fromOrchard = PrivacyLists.of(orchard);
            fromOrchard.setList(PrivacyList.of("private", PrivacyItem.fallThrough(DENY, 1)));
            fromOrchard.setList(PrivacyList.of("mine", PrivacyItem.fallThrough(DENY, 1)));
            PrivacyLists.of(home).setActive("private");
            fromOrchard.setActive("mine");

            StanzaErrorCondition removal = refusal(() -> fromOrchard.removeList("private"));

            // §10.2 rule 11 and §10.8: conflict, and the list stays.
            if (serverName.equals("prosody")) {
                assertThat(removal).isEqualTo(StanzaErrorCondition.CONFLICT);
                assertThat(fromOrchard.names().lists()).contains("private");
            } else {
                // Deviation: ejabberd only refuses to remove the sender's own active list.
                assertThat(removal).isNull();
                assertThat(fromOrchard.names().lists()).doesNotContain("private");
                assertThat(refusal(() -> fromOrchard.removeList("mine"))).isEqualTo(StanzaErrorCondition.CONFLICT);
            }
        }
    }

    @Test
    void prosodyRefusesADefaultWhenThereIsNoneInUse() throws Exception {
        try (MessagingFixture f = new MessagingFixture(CiServer.prosody())) {
            TestAccounts.Account romeo = f.account();
            XmppSession orchard = f.login(romeo, "orchard");
            f.login(romeo, "home");
            PrivacyLists lists = PrivacyLists.of(orchard);
            lists.setList(PrivacyList.of("public", PrivacyItem.fallThrough(ALLOW, 1)));

            // Deviation: §10.5 refuses a change of the default only when "the default list is in
            // use by at least one connected resource other than the sending resource"; there is
            // no default list, yet Prosody says conflict because 'home' has no active list.
            assertThat(refusal(() -> lists.setDefault("public"))).isEqualTo(StanzaErrorCondition.CONFLICT);
        }
    }

    @Test
    void ejabberdSetsADefaultWhenThereIsNoneInUse() throws Exception {
        try (MessagingFixture f = new MessagingFixture(CiServer.ejabberd())) {
            TestAccounts.Account romeo = f.account();
            XmppSession orchard = f.login(romeo, "orchard");
            f.login(romeo, "home");
            PrivacyLists lists = PrivacyLists.of(orchard);
            lists.setList(PrivacyList.of("public", PrivacyItem.fallThrough(ALLOW, 1)));

            assertThat(refusal(() -> lists.setDefault("public"))).isNull();
        }
    }

    // ---------------------------------------------------------------- pushes (§10.2 rule 10, §10.6)

    @ParameterizedTest
    @ValueSource(strings = {"prosody", "ejabberd"})
    void everyConnectedResourceGetsThePushAndAcknowledgesIt(String serverName) throws Exception {
        try (MessagingFixture f = new MessagingFixture(CiServer.load(serverName))) {
            TestAccounts.Account romeo = f.account();
            XmppSession orchard = f.login(romeo, "orchard");
            XmppSession home = f.login(romeo, "home");
            PrivacyLists.of(home);

            PrivacyLists.of(orchard).setList(PrivacyList.of("public", PrivacyItem.fallThrough(ALLOW, 1)));

            Element push = home.waitFor(PrivacyIq::isPush, T, "the push to home");
            assertThat(PrivacyIq.pushedList(push)).contains("public");
            assertThat(PrivacyLists.of(orchard).nextPush(T)).isEqualTo("public");
            Ping.barrier(T, home);
            // Our answer went out (RFC 3921 §10.6 "each connected resource MUST return an IQ result").
            assertThat(f.transcripts()).contains(">> <iq type='result' id='" + push.attribute("id") + "'");
        }
    }

    @Test
    void pushesAcknowledgedWhileRequestsGoOnLeaveTheStreamIntact() throws Exception {
        // Regression: acknowledgements written by the I/O thread used to interleave inside TLS
        // with the next request, and Prosody closed the stream with bad_record_mac.
        try (MessagingFixture f = new MessagingFixture(CiServer.prosody())) {
            XmppSession s = f.login(f.account(), "r1");
            PrivacyLists lists = PrivacyLists.of(s);

            for (int i = 0; i < 200; i++) {
                lists.setList(PrivacyList.of("l" + i % 5, PrivacyItem.fallThrough(ALLOW, i)));
            }

            assertThat(s.isOpen()).isTrue();
            assertThat(lists.list("l4").items()).containsExactly(PrivacyItem.fallThrough(ALLOW, 199));
        }
    }

    // ---------------------------------------------------------------- blocking (§10.9–§10.14)

    @ParameterizedTest
    @ValueSource(strings = {"prosody", "ejabberd"})
    void aJidItemBlocksTheContactsMessages(String serverName) throws Exception {
        try (MessagingFixture f = new MessagingFixture(CiServer.load(serverName))) {
            Cast x = Cast.on(f);
            x.activate(PrivacyItem.jid(x.alice().jid().toString(), DENY, 3, StanzaKind.MESSAGE));

            Outcome fromAlice = message(x.a(), x.bob().jid(), x.b());
            Outcome fromCarol = message(x.c(), x.bob().jid(), x.b());

            assertThat(fromAlice.delivered()).isFalse();
            assertThat(fromCarol.delivered()).isTrue();
            // Deviation on both servers: §10.14 "SHOULD silently drop the stanza and MUST NOT
            // return an error to the sending entity"; the blocked sender gets service-unavailable.
            assertThat(fromAlice.bounce()).hasValueSatisfying(
                    e -> assertThat(e.condition()).isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE));

            x.lists().declineActive();
            assertThat(message(x.a(), x.bob().jid(), x.b()).delivered()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prosody", "ejabberd"})
    void aMessageItemIsAboutIncomingMessagesOnly(String serverName) throws Exception {
        try (MessagingFixture f = new MessagingFixture(CiServer.load(serverName))) {
            Cast x = Cast.on(f);
            x.activate(PrivacyItem.jid(x.alice().jid().toString(), DENY, 3, StanzaKind.MESSAGE));

            Outcome toAlice = message(x.b(), x.alice().jid(), x.a());

            if (serverName.equals("prosody")) {
                // Deviation: §10.1 "<message/> -- blocks incoming message stanzas"; mod_privacy_lists
                // applies it to Bob's outgoing messages too, and bounces them to him.
                assertThat(toAlice.delivered()).isFalse();
                assertThat(toAlice.bounce()).isPresent();
            } else {
                assertThat(toAlice.delivered()).isTrue();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prosody", "ejabberd"})
    void anIqItemTurnsTheContactsRequestsAwayWithServiceUnavailable(String serverName) throws Exception {
        try (MessagingFixture f = new MessagingFixture(CiServer.load(serverName))) {
            Cast x = Cast.on(f);
            x.activate(PrivacyItem.jid(x.alice().jid().toString(), DENY, 29, StanzaKind.IQ));

            Outcome fromAlice = ping(x.a(), x.b());
            Outcome fromCarol = ping(x.c(), x.b());

            // §10.14: "MUST return … a <service-unavailable/> stanza error".
            assertThat(fromAlice.delivered()).isFalse();
            assertThat(fromAlice.bounce()).hasValueSatisfying(
                    e -> assertThat(e.condition()).isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE));
            assertThat(fromCarol.delivered()).isTrue();
            assertThat(fromCarol.bounce()).isEmpty();
            // Messages are another kind: not blocked by an <iq/> item.
            assertThat(message(x.a(), x.bob().jid(), x.b()).delivered()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prosody", "ejabberd"})
    void aPresenceInItemBlocksTheContactsNotifications(String serverName) throws Exception {
        try (MessagingFixture f = new MessagingFixture(CiServer.load(serverName))) {
            Cast x = Cast.on(f);
            x.activate(PrivacyItem.jid(x.alice().jid().toString(), DENY, 7, StanzaKind.PRESENCE_IN));

            Outcome fromAlice = presence(x.a(), x.b(), null);
            Outcome fromCarol = presence(x.c(), x.b(), null);
            Outcome subscribe = presence(x.a(), x.b(), "subscribe");

            assertThat(fromAlice.delivered()).isFalse();
            assertThat(fromAlice.bounce()).isEmpty();
            assertThat(fromCarol.delivered()).isTrue();
            // §10.10: notifications only, not subscription requests (§10.13 notes that only an
            // item for every kind blocks those).
            if (serverName.equals("prosody")) {
                // Deviation: mod_privacy_lists applies <presence-in/> to every presence stanza.
                assertThat(subscribe.delivered()).isFalse();
            } else {
                assertThat(subscribe.delivered()).as("a subscription request is not a notification").isTrue();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prosody", "ejabberd"})
    void aPresenceOutItemStopsTheBroadcastToASubscriber(String serverName) throws Exception {
        try (MessagingFixture f = new MessagingFixture(CiServer.load(serverName))) {
            Cast x = Cast.on(f);
            MessagingFixture.subscribe(x.a(), x.b());
            x.a().drain();
            x.b().drain();

            // Control: Bob's broadcast reaches Alice, his subscriber (subscription 'from' on his side).
            assertThat(broadcastReaches(x.b(), x.a())).isTrue();

            x.activate(PrivacyItem.subscription(Subscription.FROM, DENY, 17, StanzaKind.PRESENCE_OUT));
            assertThat(broadcastReaches(x.b(), x.a())).isFalse();

            x.lists().declineActive();
            assertThat(broadcastReaches(x.b(), x.a())).isTrue();
        }
    }

    /** Sends an available presence without 'to' (a broadcast) and says whether the subscriber got it. */
    private static boolean broadcastReaches(XmppSession contact, XmppSession subscriber) throws XmppException {
        String status = "status " + contact.nextId();
        contact.send(Element.builder("presence", XmppNamespaces.CLIENT)
                .childWithText("status", XmppNamespaces.CLIENT, status).build());
        Ping.barrier(T, contact, subscriber);
        return subscriber.poll(e -> e.is("presence", XmppNamespaces.CLIENT)
                && status.equals(e.childText("status", XmppNamespaces.CLIENT))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"prosody", "ejabberd"})
    void aGroupItemBlocksTheMembersOfTheGroup(String serverName) throws Exception {
        try (MessagingFixture f = new MessagingFixture(CiServer.load(serverName))) {
            Cast x = Cast.on(f);
            MessagingFixture.putInGroup(x.b(), x.alice().jid(), "Enemies");
            x.activate(PrivacyItem.group("Enemies", DENY, 4, StanzaKind.MESSAGE));

            assertThat(message(x.a(), x.bob().jid(), x.b()).delivered()).isFalse();
            assertThat(message(x.c(), x.bob().jid(), x.b()).delivered()).isTrue();

            // §10.2 rule 9: a change of group applies at once.
            MessagingFixture.putInGroup(x.b(), x.alice().jid(), "Friends");
            assertThat(message(x.a(), x.bob().jid(), x.b()).delivered()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prosody", "ejabberd"})
    void aSubscriptionNoneItemBlocksStrangersButNotSubscribers(String serverName) throws Exception {
        try (MessagingFixture f = new MessagingFixture(CiServer.load(serverName))) {
            Cast x = Cast.on(f);
            MessagingFixture.subscribe(x.a(), x.b());
            x.activate(PrivacyItem.subscription(Subscription.NONE, DENY, 5, StanzaKind.MESSAGE));

            // Carol is not in Bob's roster at all: 'none' includes her (§10.1).
            assertThat(message(x.c(), x.bob().jid(), x.b()).delivered()).isFalse();
            // Alice is Bob's subscriber: 'from', not 'none'.
            assertThat(message(x.a(), x.bob().jid(), x.b()).delivered()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prosody", "ejabberd"})
    void theFirstItemInOrderDecidesAndFallThroughCatchesTheRest(String serverName) throws Exception {
        try (MessagingFixture f = new MessagingFixture(CiServer.load(serverName))) {
            Cast x = Cast.on(f);
            x.activate(PrivacyItem.jid(x.alice().jid().toString(), ALLOW, 10, StanzaKind.MESSAGE),
                    PrivacyItem.fallThrough(DENY, 20, StanzaKind.MESSAGE));
            assertThat(message(x.a(), x.bob().jid(), x.b()).delivered()).isTrue();
            assertThat(message(x.c(), x.bob().jid(), x.b()).delivered()).isFalse();

            // The same items, the same document order, the orders swapped: the fall-through now
            // comes first in processing order (rule 5: "ascending order determined by the
            // integer values of the 'order' attribute"), and decides (rule 6).
            x.activate(PrivacyItem.jid(x.alice().jid().toString(), ALLOW, 20, StanzaKind.MESSAGE),
                    PrivacyItem.fallThrough(DENY, 10, StanzaKind.MESSAGE));
            boolean aliceDelivered = message(x.a(), x.bob().jid(), x.b()).delivered();
            if (serverName.equals("prosody")) {
                assertThat(aliceDelivered).isFalse();
            } else {
                // Deviation: ejabberd processes the items in document order, whatever 'order' says
                // (and returns them in document order too).
                assertThat(aliceDelivered).isTrue();
            }

            // Without a fall-through item, what matches nothing is allowed (rule 7).
            x.activate(PrivacyItem.jid(x.alice().jid().toString(), DENY, 1, StanzaKind.MESSAGE));
            assertThat(message(x.c(), x.bob().jid(), x.b()).delivered()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prosody", "ejabberd"})
    void anItemWithoutChildrenBlocksEveryKindBothWays(String serverName) throws Exception {
        try (MessagingFixture f = new MessagingFixture(CiServer.load(serverName))) {
            Cast x = Cast.on(f);
            x.activate(PrivacyItem.jid(x.alice().jid().toString(), DENY, 23));

            assertThat(message(x.a(), x.bob().jid(), x.b()).delivered()).isFalse();
            Outcome iq = ping(x.a(), x.b());
            assertThat(iq.delivered()).isFalse();
            assertThat(iq.bounce()).hasValueSatisfying(
                    e -> assertThat(e.condition()).isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE));
            assertThat(presence(x.a(), x.b(), null).delivered()).isFalse();
            // §10.13: "nor send any stanzas to" the entity.
            assertThat(presence(x.b(), x.a(), null).delivered()).isFalse();
            assertThat(message(x.b(), x.alice().jid(), x.a()).delivered()).isFalse();
            // Carol is not concerned.
            assertThat(message(x.c(), x.bob().jid(), x.b()).delivered()).isTrue();
            assertThat(ping(x.c(), x.b()).delivered()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prosody", "ejabberd"})
    void anActiveListReplacesTheDefaultForItsOwnSessionOnly(String serverName) throws Exception {
        try (MessagingFixture f = new MessagingFixture(CiServer.load(serverName))) {
            Cast x = Cast.on(f);
            XmppSession b2 = f.login(x.bob(), "b2");
            available(b2, 0);
            PrivacyLists lists = x.lists();
            lists.setList(PrivacyList.of("block-alice",
                    PrivacyItem.jid(x.alice().jid().toString(), DENY, 1, StanzaKind.MESSAGE)));
            lists.setList(PrivacyList.of("open", PrivacyItem.fallThrough(ALLOW, 1)));
            PrivacyLists.of(b2).setActive("open");
            lists.setDefault("block-alice");

            // b has no active list: the default applies (§10.2 rule 2).
            assertThat(message(x.a(), x.b().localJid(), x.b()).delivered()).isFalse();
            // b2's active list applies instead of the default, not on top of it (rule 1).
            assertThat(message(x.a(), b2.localJid(), b2).delivered()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prosody", "ejabberd"})
    void theDefaultListWhenTheUserIsOffline(String serverName) throws Exception {
        try (MessagingFixture f = new MessagingFixture(CiServer.load(serverName))) {
            Cast x = Cast.on(f);
            x.lists().setList(PrivacyList.of("block-alice",
                    PrivacyItem.jid(x.alice().jid().toString(), DENY, 1, StanzaKind.MESSAGE)));
            x.lists().setDefault("block-alice");
            MessagingFixture.logout(x.b());

            Message sent = Messages.of(x.a()).send(Message.builder().to(x.bob().jid()).type(MessageType.CHAT)
                    .body("while you were away"));
            Ping.barrier(T, x.a());
            XmppSession back = f.login(x.bob(), "back");
            available(back, 0);
            Ping.barrier(T, back);
            boolean deliveredLater = Messages.of(back).poll(Messages.withId(sent.id())).isPresent();

            if (serverName.equals("prosody")) {
                // Deviation: §10.2 rule 2, the default list "is processed … if there are no current
                // sessions for the user"; mod_privacy_lists only looks at connected sessions, so the
                // message is stored offline and delivered at the next login.
                assertThat(deliveredLater).isTrue();
            } else {
                assertThat(deliveredLater).isFalse();
            }
        }
    }
}
