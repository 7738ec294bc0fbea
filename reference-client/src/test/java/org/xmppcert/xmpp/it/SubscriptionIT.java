package org.xmppcert.xmpp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.it.ImFixture.Im;
import org.xmppcert.xmpp.presence.Presence;
import org.xmppcert.xmpp.presence.PresenceType;
import org.xmppcert.xmpp.presence.Show;
import org.xmppcert.xmpp.roster.RosterItem;
import org.xmppcert.xmpp.roster.RosterPush;
import org.xmppcert.xmpp.roster.Subscription;
import org.xmppcert.xmpp.subscription.Obligation;
import org.xmppcert.xmpp.subscription.SubscriptionAction;
import org.xmppcert.xmpp.subscription.SubscriptionState;
import org.xmppcert.xmpp.subscription.SubscriptionState.InboundRule;
import org.xmppcert.xmpp.subscription.SubscriptionState.OutboundRule;

/**
 * Presence subscriptions end to end on the CI Prosody and ejabberd (RFC 3921 §6, §8, §9; RFC 6121
 * §3), with fresh accounts: every step is predicted with {@link SubscriptionState}, and each side's
 * pushes and roster are checked against the prediction, as is what each side receives and in which
 * order. Where a server departs from the RFC the test says so and pins what it does.
 */
class SubscriptionIT {

    /**
     * Carries a subscription between two online resources (roster fetched, initial presence
     * sent) through to Both, with the manual policy: the user subscribes, the contact approves and
     * subscribes back, the user approves. Leaves both queues empty.
     */
    static void makeMutual(Im user, Im contact) throws XmppException {
        user.subscriptions().subscribe(contact.bare());
        contact.presence(PresenceType.SUBSCRIBE, user.bare());
        contact.subscriptions().approve(user.bare());
        user.presence(PresenceType.SUBSCRIBED, contact.bare());
        contact.subscriptions().subscribe(user.bare());
        user.presence(PresenceType.SUBSCRIBE, contact.bare());
        user.subscriptions().approve(contact.bare());
        contact.presence(PresenceType.SUBSCRIBED, user.bare());
        ImFixture.barrier(user, contact, user);
        assertThat(user.item(contact)).get().extracting(RosterItem::subscription).isEqualTo(Subscription.BOTH);
        assertThat(contact.item(user)).get().extracting(RosterItem::subscription).isEqualTo(Subscription.BOTH);
        user.session().drain();
        contact.session().drain();
    }

    /** Waits for the next push about {@code other} and checks it against the predicted state. */
    private static void pushShows(Im im, Im other, SubscriptionState predicted) throws XmppException {
        RosterPush push = im.push(other.bare());
        assertThat(predicted.consistentWith(Optional.of(push.item())))
                .as("%s's push about %s shows %s (ask %s); predicted %s", im.bare(), other.bare(),
                        push.item().subscription(), push.item().ask(), predicted.rfcName()).isTrue();
    }

    /**
     * After a round trip on both sessions (so that nothing is still on its way), checks each
     * side's local roster against the predicted states, and any push still queued: a repeated push
     * of the same state is harmless (ejabberd sends one), a push of another state is not.
     */
    private static void rostersShow(Im user, SubscriptionState u, Im contact, SubscriptionState c)
            throws XmppException {
        ImFixture.barrier(user, contact, user);
        for (RosterPush extra : user.queuedPushes(contact.bare())) {
            assertThat(u.consistentWith(Optional.of(extra.item()))).as("a further push %s", extra.iq()).isTrue();
        }
        for (RosterPush extra : contact.queuedPushes(user.bare())) {
            assertThat(c.consistentWith(Optional.of(extra.item()))).as("a further push %s", extra.iq()).isTrue();
        }
        assertThat(u.consistentWith(user.item(contact))).as("the user's roster shows %s; predicted %s",
                user.item(contact), u.rfcName()).isTrue();
        assertThat(c.consistentWith(contact.item(user))).as("the contact's roster shows %s; predicted %s",
                contact.item(user), c.rfcName()).isTrue();
    }

    /**
     * RFC 6121 §3.1.6 rule 1, §3.2.3 rule 1, §3.3.3 rule 1: the notification is delivered before the
     * push it causes ("This MUST occur before sending the roster push"). ejabberd 23.01 sends the
     * push first, every time.
     */
    private static void notificationBeforePush(ImFixture f, List<String> log, String notification, String push) {
        if (f.prosody()) {
            assertThat(log).containsSubsequence(notification, push);
        } else {
            assertThat(log).as("ejabberd pushes before it delivers").containsSubsequence(push, notification);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"prosody", "ejabberd"})
    void aSubscriptionIsCarriedThroughToBothWithEachSideSeeingWhatTheTablesPredict(String server) throws Exception {
        try (ImFixture f = new ImFixture(server)) {
            Im user = f.online(f.account(), "user");
            Im contact = f.online(f.account(), "contact");
            List<String> userSaw = ImFixture.record(user, contact.bare());
            List<String> contactSaw = ImFixture.record(contact, user.bare());
            SubscriptionState u = SubscriptionState.NONE;
            SubscriptionState c = SubscriptionState.NONE;

            // 1. The user asks (RFC 6121 §3.1.1–§3.1.3, RFC 3921 §8.2).
            user.subscriptions().subscribe(contact.bare());
            u = u.outbound(SubscriptionAction.SUBSCRIBE).next();
            pushShows(user, contact, u);
            InboundRule atContact = c.inbound(SubscriptionAction.SUBSCRIBE);
            c = atContact.next();
            assertThat(atContact.deliver()).isEqualTo(Obligation.MUST);
            Presence request = contact.presence(PresenceType.SUBSCRIBE, user.bare());
            assertThat(request.from()).as("stamped with the bare JID (§3.1.2)").isEqualTo(user.bare().toString());
            assertThat(contact.subscriptions().pendingRequest(user.bare())).isPresent();
            rostersShow(user, u, contact, c);
            assertThat(contact.item(user)).as("no roster item before approval (§3.1.3 security warning)").isEmpty();

            // 2. The contact approves (§3.1.4–§3.1.6, RFC 3921 §8.2).
            contact.subscriptions().approve(user.bare());
            OutboundRule approval = c.outbound(SubscriptionAction.SUBSCRIBED);
            assertThat(approval.route()).isEqualTo(Obligation.MUST);
            c = approval.next();
            pushShows(contact, user, c);
            u = u.inbound(SubscriptionAction.SUBSCRIBED).next();
            assertThat(user.presence(PresenceType.SUBSCRIBED, contact.bare()).from())
                    .isEqualTo(contact.bare().toString());
            pushShows(user, contact, u);
            // §3.1.5: the contact's server then sends the contact's current presence.
            user.presence(PresenceType.AVAILABLE, contact.jid());
            assertThat(user.tracker().isAvailable(contact.jid())).isTrue();
            notificationBeforePush(f, userSaw, "presence subscribed", "push to");
            rostersShow(user, u, contact, c);

            // 3. The contact asks back; the user approves (RFC 3921 §8.3).
            contact.subscriptions().subscribe(user.bare());
            c = c.outbound(SubscriptionAction.SUBSCRIBE).next();
            assertThat(c).isEqualTo(SubscriptionState.FROM_PENDING_OUT);
            pushShows(contact, user, c);
            u = u.inbound(SubscriptionAction.SUBSCRIBE).next();
            assertThat(u).isEqualTo(SubscriptionState.TO_PENDING_IN);
            user.presence(PresenceType.SUBSCRIBE, contact.bare());
            rostersShow(user, u, contact, c);
            user.subscriptions().approve(contact.bare());
            u = u.outbound(SubscriptionAction.SUBSCRIBED).next();
            pushShows(user, contact, u);
            c = c.inbound(SubscriptionAction.SUBSCRIBED).next();
            contact.presence(PresenceType.SUBSCRIBED, user.bare());
            pushShows(contact, user, c);
            contact.presence(PresenceType.AVAILABLE, user.jid());
            assertThat(u).isEqualTo(SubscriptionState.BOTH);
            assertThat(c).isEqualTo(SubscriptionState.BOTH);
            notificationBeforePush(f, contactSaw, "presence subscribed", "push both");
            assertThat(contactSaw).containsSubsequence("presence subscribe", "push from", "push from ask");
            rostersShow(user, u, contact, c);
            user.session().drain();
            contact.session().drain();

            // 4. Now each receives the other's presence broadcasts (RFC 6121 §4.4.2).
            user.presence().setAvailability(Show.AWAY, "out", 0);
            assertThat(contact.presence(PresenceType.AVAILABLE, user.jid()).show()).isEqualTo(Show.AWAY);
            contact.presence().setAvailability(Show.DND, "busy", 0);
            assertThat(user.presence(PresenceType.AVAILABLE, contact.jid()).status()).contains("busy");
            assertThat(user.tracker().best(contact.bare()).orElseThrow().show()).isEqualTo(Show.DND);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"prosody", "ejabberd"})
    void aDeniedRequestLeavesNoneAndNoItemAtTheContact(String server) throws Exception {
        try (ImFixture f = new ImFixture(server)) {
            Im user = f.online(f.account(), "user");
            Im contact = f.online(f.account(), "contact");
            List<String> userSaw = ImFixture.record(user, contact.bare());

            user.subscriptions().subscribe(contact.bare());
            SubscriptionState u = SubscriptionState.NONE.outbound(SubscriptionAction.SUBSCRIBE).next();
            pushShows(user, contact, u);
            contact.presence(PresenceType.SUBSCRIBE, user.bare());

            // RFC 6121 §3.1.4, §3.2; RFC 3921 §8.2.1.
            contact.subscriptions().deny(user.bare());
            assertThat(SubscriptionState.NONE_PENDING_IN.outbound(SubscriptionAction.UNSUBSCRIBED).route())
                    .isEqualTo(Obligation.MUST);
            u = u.inbound(SubscriptionAction.UNSUBSCRIBED).next();
            assertThat(user.presence(PresenceType.UNSUBSCRIBED, contact.bare()).from())
                    .isEqualTo(contact.bare().toString());
            pushShows(user, contact, u);
            assertThat(u).isEqualTo(SubscriptionState.NONE);
            rostersShow(user, u, contact, SubscriptionState.NONE);
            notificationBeforePush(f, userSaw, "presence unsubscribed", "push none");
            assertThat(contact.item(user)).isEmpty();
            assertThat(contact.subscriptions().pendingRequests()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"prosody", "ejabberd"})
    void unsubscribingThenCancellingLeavesBothAtNone(String server) throws Exception {
        try (ImFixture f = new ImFixture(server)) {
            Im user = f.online(f.account(), "user");
            Im contact = f.online(f.account(), "contact");
            makeMutual(user, contact);
            List<String> userSaw = ImFixture.record(user, contact.bare());
            List<String> contactSaw = ImFixture.record(contact, user.bare());

            // The user unsubscribes from the contact (RFC 6121 §3.3, RFC 3921 §8.4.2).
            user.subscriptions().unsubscribe(contact.bare());
            SubscriptionState u = SubscriptionState.BOTH.outbound(SubscriptionAction.UNSUBSCRIBE).next();
            pushShows(user, contact, u);
            InboundRule atContact = SubscriptionState.BOTH.inbound(SubscriptionAction.UNSUBSCRIBE);
            SubscriptionState c = atContact.next();
            contact.presence(PresenceType.UNSUBSCRIBE, user.bare());
            pushShows(contact, user, c);
            rostersShow(user, u, contact, c);
            notificationBeforePush(f, contactSaw, "presence unsubscribe", "push to");
            assertThat(atContact.autoReply()).isEqualTo(SubscriptionAction.UNSUBSCRIBED);
            // §3.3.3 rule 3: the contact's server MUST send unavailable presence from each of the
            // contact's available resources (RFC 3921 §8.4.2 step 5: SHOULD); ejabberd does, Prosody
            // 0.12 does not. Neither sends the "unsubscribed" that A.3.2 note [1] says it SHOULD send
            // on the user's behalf (RFC 3921 §8.4.2 step 5: MUST).
            assertThat(userSaw).containsExactlyElementsOf(f.prosody() ? List.of("push from")
                    : List.of("push from", "presence unavailable"));
            // The client does not depend on that unavailable presence (§3.3.3 implementation note):
            // the tracker forgot the contact when the unsubscribe was sent.
            assertThat(user.tracker().isAvailable(contact.bare())).isFalse();

            // The user cancels the contact's subscription (RFC 6121 §3.2, RFC 3921 §8.5.2).
            contactSaw.clear();
            user.subscriptions().cancel(contact.bare());
            OutboundRule cancel = u.outbound(SubscriptionAction.UNSUBSCRIBED);
            assertThat(cancel.route()).isEqualTo(Obligation.MUST);
            u = cancel.next();
            pushShows(user, contact, u);
            c = c.inbound(SubscriptionAction.UNSUBSCRIBED).next();
            contact.presence(PresenceType.UNSUBSCRIBED, user.bare());
            pushShows(contact, user, c);
            // §3.2.2: the contact loses the user's presence.
            contact.presence(PresenceType.UNAVAILABLE, user.jid());
            assertThat(contact.tracker().isAvailable(user.bare())).isFalse();
            assertThat(u).isEqualTo(SubscriptionState.NONE);
            assertThat(c).isEqualTo(SubscriptionState.NONE);
            rostersShow(user, u, contact, c);
            // §3.2.2 wants the unavailable presence sent "while the user is still subscribed", before
            // the "unsubscribed": ejabberd does so (and then pushes before delivering, as always);
            // Prosody 0.12 sends it after the "unsubscribed" and its push.
            assertThat(contactSaw).containsExactlyElementsOf(f.prosody()
                    ? List.of("presence unsubscribed", "push none", "presence unavailable")
                    : List.of("presence unavailable", "push none", "presence unsubscribed"));

            // Neither receives the other's broadcasts any more.
            user.presence().setAvailability(Show.XA, null, 0);
            ImFixture.barrier(user, contact);
            assertThat(contact.hasPresence(PresenceType.AVAILABLE, user.bare())).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"prosody", "ejabberd"})
    void aPreApprovedRequestIsApprovedByTheServerWithoutReachingTheUser(String server) throws Exception {
        try (ImFixture f = new ImFixture(server)) {
            Im user = f.online(f.account(), "user");
            Im contact = f.online(f.account(), "contact");
            if (!f.prosody()) {
                // ejabberd 23.01 does not advertise pre-approval (optional, §3.4), so the client MUST
                // NOT attempt it (§3.4.1) and the manager refuses.
                assertThat(user.subscriptions().preApprovalOffered()).isFalse();
                assertThatThrownBy(() -> user.subscriptions().preApprove(contact.bare()))
                        .isInstanceOf(IllegalStateException.class);
                return;
            }
            List<String> userSaw = ImFixture.record(user, contact.bare());
            assertThat(user.subscriptions().preApprovalOffered())
                    .as("Prosody advertises <sub xmlns='urn:xmpp:features:pre-approval'/> (RFC 6121 §3.4)").isTrue();

            // RFC 6121 §3.4.2 rule 4: an item with 'approved', and the stanza not routed.
            user.subscriptions().preApprove(contact.bare());
            OutboundRule pre = SubscriptionState.NONE.outbound(SubscriptionAction.SUBSCRIBED);
            assertThat(pre.route()).isEqualTo(Obligation.MUST_NOT);
            assertThat(pre.preApproval()).isEqualTo(SubscriptionState.PreApproval.NOTED);
            RosterPush noted = user.push(contact.bare());
            assertThat(noted.item().subscription()).isEqualTo(Subscription.NONE);
            ImFixture.barrier(user, contact);
            assertThat(contact.hasPresence(PresenceType.SUBSCRIBED, user.bare())).as("not routed").isFalse();

            // The contact asks: the user's server answers for the user and delivers nothing to it.
            contact.subscriptions().subscribe(user.bare());
            SubscriptionState c = SubscriptionState.NONE.outbound(SubscriptionAction.SUBSCRIBE).next();
            pushShows(contact, user, c);
            InboundRule atUser = SubscriptionState.NONE.inbound(SubscriptionAction.SUBSCRIBE, true);
            assertThat(atUser.deliver()).isEqualTo(Obligation.MUST_NOT);
            assertThat(atUser.autoReply()).isEqualTo(SubscriptionAction.SUBSCRIBED);
            assertThat(contact.presence(PresenceType.SUBSCRIBED, user.bare()).from()).isEqualTo(user.bare().toString());
            c = c.inbound(SubscriptionAction.SUBSCRIBED).next();
            pushShows(contact, user, c);
            assertThat(c).isEqualTo(SubscriptionState.TO);
            // As if the user had approved: the user's roster says 'from', the contact's 'to'.
            rostersShow(user, atUser.next(), contact, c);
            assertThat(userSaw).as("the request itself never reaches the user (§3.4.2: MUST NOT deliver)")
                    .doesNotContain("presence subscribe").containsSubsequence("push none", "push from");
            // RFC 6121 §2.1.2.1: the server SHOULD include approved='true' in the push; Prosody 0.12 does not.
            assertThat(noted.item().approved()).isFalse();

            // The user's broadcasts now reach the contact.
            contact.session().drain();
            user.presence().setAvailability(Show.CHAT, "anyone there?", 0);
            assertThat(contact.presence(PresenceType.AVAILABLE, user.jid()).status()).contains("anyone there?");
        }
    }
}
