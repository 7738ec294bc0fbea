package org.xmppcert.xmpp.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.testing.XmlSnippets;

/** Tracking presence per full JID, fed by hand (RFC 6121 §4.4.4, §4.5.4). */
class PresenceTrackerTest {

    private static final Jid ROMEO = Jid.of("romeo@example.net");
    private static final Jid ORCHARD = Jid.of("romeo@example.net/orchard");
    private static final Jid HOME = Jid.of("romeo@example.net/home");

    private final PresenceTracker tracker = PresenceTracker.detached();

    private void feed(String xml) {
        tracker.process(XmlSnippets.parse(xml));
    }

    @Test
    void eachResourceIsTrackedAndTheHighestPriorityWinsNegativeOnesIncluded() {
        feed("<presence from='romeo@example.net/orchard'><priority>-5</priority></presence>");
        feed("<presence from='romeo@example.net/home'><show>away</show><priority>-1</priority></presence>");

        assertThat(tracker.availableResources(ROMEO)).containsExactlyInAnyOrder(ORCHARD, HOME);
        assertThat(tracker.best(ROMEO).orElseThrow().fromJid()).contains(HOME);
        assertThat(tracker.availablePresences(ROMEO)).extracting(Presence::priority).containsExactly(-1, -5);

        feed("<presence from='romeo@example.net/home'><priority>-10</priority></presence>");
        assertThat(tracker.best(ROMEO).orElseThrow().fromJid()).contains(ORCHARD);
        assertThat(tracker.presence(HOME).orElseThrow().show()).as("replaced by the update").isNull();
    }

    @Test
    void equalPrioritiesPreferTheMostRecentlyUpdated() {
        feed("<presence from='romeo@example.net/orchard'/>");
        feed("<presence from='romeo@example.net/home'/>");
        assertThat(tracker.best(ROMEO).orElseThrow().fromJid()).contains(HOME);
        feed("<presence from='romeo@example.net/orchard'><show>chat</show></presence>");
        assertThat(tracker.best(ROMEO).orElseThrow().fromJid()).contains(ORCHARD);
    }

    @Test
    void unavailableFromAFullJidRemovesThatResourceAndFromTheBareJidRemovesAll() {
        feed("<presence from='romeo@example.net/orchard'/>");
        feed("<presence from='romeo@example.net/home'/>");

        feed("<presence from='romeo@example.net/orchard' type='unavailable'><status>bye</status></presence>");
        assertThat(tracker.isAvailable(ORCHARD)).isFalse();
        assertThat(tracker.isAvailable(ROMEO)).isTrue();
        assertThat(tracker.lastUnavailable(ORCHARD).orElseThrow().status()).contains("bye");

        // RFC 6121 §4.5.4: from the bare JID it applies to every resource.
        feed("<presence from='romeo@example.net' type='unavailable'/>");
        assertThat(tracker.isAvailable(ROMEO)).isFalse();
        assertThat(tracker.availableContacts()).isEmpty();
    }

    @Test
    void subscriptionStanzasAndErrorsAreNotAvailabilityAndBadOnesAreReported() {
        List<Jid> told = new CopyOnWriteArrayList<>();
        tracker.addListener((from, p) -> told.add(from));

        feed("<presence from='romeo@example.net' type='subscribe'/>");
        feed("<presence from='romeo@example.net/orchard' type='error'><error type='cancel'>"
                + "<item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></presence>");
        feed("<presence from='romeo@example.net/orchard' type='online'/>");
        feed("<presence/>");
        feed("<presence from='romeo@example.net/orchard'><priority>500</priority></presence>");

        assertThat(told).containsExactly(ORCHARD);
        assertThat(tracker.problems()).hasSize(3);
        assertThat(tracker.presence(ORCHARD).orElseThrow().priority()).isZero();
    }

    @Test
    void forgettingAContactDropsItsResources() {
        feed("<presence from='romeo@example.net/orchard'/>");
        tracker.forget(ORCHARD);
        assertThat(tracker.isAvailable(ROMEO)).isFalse();
    }
}
