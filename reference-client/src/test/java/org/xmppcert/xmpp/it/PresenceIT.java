package org.xmppcert.xmpp.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xmppcert.xmpp.it.ImFixture.Im;
import org.xmppcert.xmpp.presence.Presence;
import org.xmppcert.xmpp.presence.PresenceType;
import org.xmppcert.xmpp.presence.Show;
import org.xmppcert.xmpp.xml.Element;

/**
 * Presence end to end on the CI Prosody and ejabberd (RFC 3921 §5, RFC 6121 §4), with fresh accounts:
 * broadcast to subscribers, probe answers on login, directed presence, unavailable presence,
 * priorities.
 */
class PresenceIT {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"prosody", "ejabberd"})
    void aContactAlreadyOnlineIsReportedToANewSessionAndTheNewSessionIsBroadcast(String server) throws Exception {
        try (ImFixture f = new ImFixture(server)) {
            TestAccounts.Account account = f.account();
            Im user = f.online(account, "first");
            Im contact = f.online(f.account(), "contact");
            SubscriptionIT.makeMutual(user, contact);
            Element sent = contact.presence().send(Presence.available().lang("en").show(Show.DND)
                    .status("Wooing Juliet").status("cs", "Dvořím se Julii").priority(5));
            user.presence(PresenceType.AVAILABLE, contact.jid());

            // A new resource of the user: roster, then initial presence (RFC 6121 §2.2, §4.2.1).
            Im late = f.login(account, "late");
            late.roster().fetch();
            late.presence().sendInitial();

            // §4.3.2 rule 4 (RFC 3921 §5.1.3 rule 4): the last presence of each available resource.
            Presence probed = late.presence(PresenceType.AVAILABLE, contact.jid());
            assertThat(probed.show()).isEqualTo(Show.DND);
            assertThat(probed.priority()).isEqualTo(5);
            assertThat(probed.statuses()).containsEntry("en", "Wooing Juliet").containsEntry("cs", "Dvořím se Julii");
            assertThat(probed.id()).as("the id of the original presence is kept (§4.3.2.1 SHOULD)")
                    .isEqualTo(sent.attribute("id"));
            assertThat(late.tracker().best(contact.bare()).orElseThrow().fromJid()).contains(contact.jid());
            // §4.2.2: the user's other available resources too, and the new one is told of itself.
            late.presence(PresenceType.AVAILABLE, user.jid());
            late.presence(PresenceType.AVAILABLE, late.jid());
            assertThat(late.tracker().availableResources(late.bare())).contains(user.jid(), late.jid());

            // §4.2.2: the initial presence is broadcast to subscribers and to the other resources.
            contact.presence(PresenceType.AVAILABLE, late.jid());
            user.presence(PresenceType.AVAILABLE, late.jid());
            assertThat(contact.tracker().availableResources(account.jid()))
                    .containsExactlyInAnyOrder(user.jid(), late.jid());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"prosody", "ejabberd"})
    void directedPresenceReachesANonSubscriberWhichLaterBroadcastsDoNotButTheUnavailableDoes(String server)
            throws Exception {
        try (ImFixture f = new ImFixture(server)) {
            Im user = f.online(f.account(), "user");
            Im stranger = f.online(f.account(), "stranger");

            // RFC 6121 §4.6.2, §4.6.3 rule 2 (RFC 3921 §5.1.4 case 2).
            user.presence().send(Presence.available().to(stranger.bare()).status("hello"));
            Presence directed = stranger.presence(PresenceType.AVAILABLE, user.jid());
            assertThat(directed.status()).contains("hello");
            assertThat(stranger.tracker().isAvailable(user.jid())).isTrue();

            // Not added to the broadcast list: the next broadcast does not reach the stranger.
            user.presence().setAvailability(Show.AWAY, null, 0);
            ImFixture.barrier(user, stranger);
            assertThat(stranger.hasPresence(PresenceType.AVAILABLE, user.bare())).isFalse();

            // But the unavailable presence of that resource does.
            user.presence().sendUnavailable("gone");
            Presence unavailable = stranger.presence(PresenceType.UNAVAILABLE, user.jid());
            assertThat(unavailable.status()).contains("gone");
            assertThat(stranger.tracker().isAvailable(user.bare())).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"prosody", "ejabberd"})
    void subscribersReceiveUnavailablePresenceWhetherSentOrGeneratedOnClose(String server) throws Exception {
        try (ImFixture f = new ImFixture(server)) {
            TestAccounts.Account account = f.account();
            Im user = f.online(account, "polite");
            Im contact = f.online(f.account(), "contact");
            SubscriptionIT.makeMutual(user, contact);
            Im other = f.online(account, "abrupt");
            contact.presence(PresenceType.AVAILABLE, other.jid());

            // RFC 6121 §4.5.2: the full XML of a graceful unavailable presence is broadcast.
            user.presence().sendUnavailable("going on vacation");
            Presence graceful = contact.presence(PresenceType.UNAVAILABLE, user.jid());
            assertThat(graceful.status()).contains("going on vacation");
            // ... to the user's other available resources as well.
            other.presence(PresenceType.UNAVAILABLE, user.jid());

            // A stream closed without unavailable presence: the server MUST generate it (§4.5.2).
            other.session().close(ImFixture.TIMEOUT);
            contact.presence(PresenceType.UNAVAILABLE, other.jid());
            assertThat(contact.tracker().isAvailable(account.jid())).isFalse();
            assertThat(contact.tracker().lastUnavailable(other.jid())).isPresent();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"prosody", "ejabberd"})
    void prioritiesIncludingNegativeOnesAreRelayedAndTheHighestWins(String server) throws Exception {
        try (ImFixture f = new ImFixture(server)) {
            TestAccounts.Account account = f.account();
            Im high = f.online(account, "high");
            Im contact = f.online(f.account(), "contact");
            SubscriptionIT.makeMutual(high, contact);
            Im low = f.online(account, "low");
            contact.presence(PresenceType.AVAILABLE, low.jid());
            high.presence(PresenceType.AVAILABLE, low.jid());

            high.presence().setAvailability(Show.CHAT, null, 10);
            low.presence().setAvailability(Show.AWAY, null, -5);
            assertThat(contact.presence(PresenceType.AVAILABLE, high.jid()).priority()).isEqualTo(10);
            assertThat(contact.presence(PresenceType.AVAILABLE, low.jid()).priority())
                    .as("negative priorities are relayed as sent (RFC 6121 §4.7.2.3)").isEqualTo(-5);
            assertThat(contact.tracker().best(account.jid()).orElseThrow().fromJid()).contains(high.jid());
            // The account's own resources see each other's priority too (§4.4.2).
            assertThat(high.presence(PresenceType.AVAILABLE, low.jid()).priority()).isEqualTo(-5);

            high.presence().setAvailability(Show.XA, null, -10);
            assertThat(contact.presence(PresenceType.AVAILABLE, high.jid()).priority()).isEqualTo(-10);
            assertThat(contact.tracker().best(account.jid()).orElseThrow().fromJid()).contains(low.jid());
            assertThat(contact.tracker().availablePresences(account.jid())).extracting(Presence::priority)
                    .containsExactly(-5, -10);
        }
    }
}
