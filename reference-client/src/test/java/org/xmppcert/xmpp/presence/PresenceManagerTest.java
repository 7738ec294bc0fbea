package org.xmppcert.xmpp.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xmppcert.xmpp.testing.BoundSessions.BOUND;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.session.Registration;
import org.xmppcert.xmpp.session.XmppClient;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.testing.BoundSessions;
import org.xmppcert.xmpp.testing.ScriptedServer;
import org.xmppcert.xmpp.xml.Element;

/** What the presence manager writes, and the tracker it installs, against a scripted server. */
class PresenceManagerTest {

    private static final String CAPS = "http://jabber.org/protocol/caps";

    private final XmppClient client = new XmppClient();

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void availablePresenceCarriesTheExtensionsOfTheMomentAndEveryPresenceAnId() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(BoundSessions.opened()
                .expect(Pattern.compile("<presence id='[^']+'><c xmlns='" + CAPS + "' ver='v1'/></presence>"))
                .send("<presence from='romeo@example.net/orchard' to='juliet@example.test/balcony'>"
                        + "<priority>-3</priority></presence>"
                        + "<presence to='juliet@example.test/balcony'><show>away</show></presence>")
                .expect(Pattern.compile("<presence to='romeo@example.net' id='[^']+'><c xmlns='" + CAPS
                        + "' ver='v2'/></presence>"))
                .expect(Pattern.compile("<presence id='[^']+'><show>dnd</show><status>busy</status>"
                        + "<priority>-7</priority><c xmlns='" + CAPS + "' ver='v2'/></presence>"))
                .expect(Pattern.compile("<presence id='[^']+'><show>dnd</show><status>busy</status>"
                        + "<priority>-7</priority><c xmlns='" + CAPS + "' ver='v3'/></presence>"))
                .expect(Pattern.compile("<presence type='unavailable' id='[^']+'><status>bye</status></presence>"))
                .awaitClose())) {
            XmppSession session = BoundSessions.open(client, server);
            PresenceManager presence = PresenceManager.of(session);
            AtomicReference<String> ver = new AtomicReference<>("v1");
            Registration caps = presence.addExtensions(() -> List.of(
                    Element.builder("c", CAPS).attribute("ver", ver.get()).build()));

            presence.sendInitial();
            session.waitFor(e -> e.name().equals("presence") && e.attribute("from") == null, BOUND, "self presence");
            PresenceTracker tracker = presence.tracker();
            assertThat(tracker.presence(Jid.of("romeo@example.net/orchard")).orElseThrow().priority()).isEqualTo(-3);
            assertThat(tracker.presence(Jid.of("juliet@example.test")).orElseThrow().show())
                    .as("no 'from' is the account itself (RFC 6120 §8.1.2.1 rule 4)").isEqualTo(Show.AWAY);

            ver.set("v2");
            presence.sendDirected(Jid.of("romeo@example.net"));
            presence.setAvailability(Show.DND, "busy", -7);
            assertThat(presence.isAvailable()).isTrue();
            ver.set("v3");
            assertThat(presence.refresh()).isPresent();
            presence.sendUnavailable("bye");
            caps.close();
            assertThat(presence.isAvailable()).isFalse();
            assertThat(presence.refresh()).as("not available: nothing to refresh").isEmpty();

            session.flush(BOUND);
            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }
}
