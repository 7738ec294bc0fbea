package org.xmppcert.xmpp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xmppcert.xmpp.ping.Ping;
import org.xmppcert.xmpp.session.XmppClient;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stream.XmppNamespaces;
import org.xmppcert.xmpp.transcript.Transcript;
import org.xmppcert.xmpp.xml.Element;

/**
 * Automatic answers written while the caller writes: a session answers another client's pings
 * (on its I/O thread's behalf) while its own thread sends large messages, over TLS. Before writes were serialised, records interleaved and the server failed the
 * stream with bad_record_mac; now every ping is answered and every message comes back intact.
 */
class ConcurrentWritesIT {
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void answersAndOwnWritesDoNotCorruptTheStream(CiServer server) throws Exception {
        try (TestAccounts accounts = new TestAccounts(server, client)) {
            Transcript busyWire = new Transcript(200_000, 300);
            // Without compression: ejabberd 23.01 applies max_stanza_size (256 KiB) to a whole inflated
            // zlib chunk, so 60 back-to-back stanzas of 40 KB, each far below it, end the stream with
            // <policy-violation/> "XML stanza is too big" (seen here; a candidate known deviation).
            XmppSession busy = new org.xmppcert.xmpp.negotiation.SessionNegotiator(client,
                    accounts.config(accounts.create(), busyWire).resource("busy").compression(false).build())
                    .negotiate();
            XmppSession pinger = accounts.login(accounts.create(), "pinger", new Transcript());
            Ping.of(busy); // answers pings from the I/O thread's side
            String self = busy.localJid().toString();
            String body = "x".repeat(40_000); // several TLS records per message

            CompletableFuture<List<Long>> pings = CompletableFuture.supplyAsync(() -> {
                List<Long> rtts = new ArrayList<>();
                try {
                    for (int i = 0; i < 150; i++) {
                        rtts.add(Ping.of(pinger).ping(self, Negotiation.TIMEOUT).toNanos());
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return rtts;
            });
            for (int i = 0; i < 60; i++) {
                busy.send(Element.builder("message", XmppNamespaces.CLIENT).attribute("to", self)
                        .attribute("id", "m" + i).childWithText("body", XmppNamespaces.CLIENT, body).build());
            }
            try {
                assertThat(pings.get(60, TimeUnit.SECONDS)).hasSize(150);
            } catch (Exception e) {
                List<org.xmppcert.xmpp.transcript.TranscriptEntry> entries = busyWire.entries();
                throw new AssertionError("the busy session: " + busy.endCause() + "; last entries: "
                        + entries.subList(Math.max(0, entries.size() - 8), entries.size()), e);
            }
            for (int i = 0; i < 60; i++) {
                String id = "m" + i;
                Element echoed = busy.waitFor(e -> e.is("message", XmppNamespaces.CLIENT) && id.equals(e.attribute("id")),
                        Negotiation.TIMEOUT, "message " + id);
                assertThat(echoed.childText("body", XmppNamespaces.CLIENT)).hasSize(body.length());
            }
            assertThat(busy.isOpen()).isTrue();
            busy.close(Negotiation.TIMEOUT);
            pinger.close(Negotiation.TIMEOUT);
        }
    }
}
