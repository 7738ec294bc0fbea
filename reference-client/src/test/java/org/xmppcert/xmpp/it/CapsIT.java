package org.xmppcert.xmpp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xmppcert.xmpp.caps.Caps;
import org.xmppcert.xmpp.caps.CapsVerification;
import org.xmppcert.xmpp.caps.EntityCapabilities;
import org.xmppcert.xmpp.caps.VerificationString;
import org.xmppcert.xmpp.disco.DiscoException;
import org.xmppcert.xmpp.disco.DiscoInfo;
import org.xmppcert.xmpp.disco.DiscoNode;
import org.xmppcert.xmpp.disco.LocalFeatures;
import org.xmppcert.xmpp.disco.ServiceDiscovery;
import org.xmppcert.xmpp.iq.Iq;
import org.xmppcert.xmpp.iq.IqRouter;
import org.xmppcert.xmpp.iq.IqType;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.negotiation.SessionNegotiator;
import org.xmppcert.xmpp.session.XmppClient;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stanza.StanzaErrorCondition;
import org.xmppcert.xmpp.stream.StreamFeatures;
import org.xmppcert.xmpp.stream.XmppNamespaces;
import org.xmppcert.xmpp.transcript.Direction;
import org.xmppcert.xmpp.transcript.Transcript;
import org.xmppcert.xmpp.xml.Element;

/**
 * XEP-0115 against the CI Prosody and ejabberd: the server's caps from its stream features
 * (§6.3) verified against its disco#info (§5.4), and our own caps verified by a second session of
 * another account, through a directed presence (§8.3) and a disco query to our full JID (§6.2),
 * including a wrong {@code ver}, a {@code ver} that changed, and the legacy format.
 */
class CapsIT {
    private static XmppClient client;

    @BeforeAll
    static void start() {
        client = new XmppClient();
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    static Stream<CiServer> servers() {
        return Stream.of(CiServer.prosody(), CiServer.ejabberd());
    }

    /** How many disco#info queries for this node the transcript shows going out. */
    private static long queriesFor(Transcript t, String node) {
        return t.entries().stream().filter(e -> e.direction() == Direction.OUT)
                .filter(e -> e.text().contains(DiscoInfo.NAMESPACE) && e.text().contains(node)).count();
    }

    /**
     * Both servers put {@code <c/>} in the stream features after SASL (§6.3, not before: neither
     * shows it to an unauthenticated client) and it verifies against their disco#info, ejabberd's
     * with a XEP-0128 form in the hash. Neither lists the {@code http://jabber.org/protocol/caps}
     * feature that §7 says an entity supporting caps "MUST advertise".
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void theServersCapsInItsStreamFeaturesVerify_andTheVerIsCached(CiServer server) throws Exception {
        try (TestAccounts accounts = new TestAccounts(server, client)) {
            Transcript t = new Transcript();
            SessionNegotiator n = new SessionNegotiator(client, accounts.config(accounts.create(), t).build());
            n.connect();
            n.openStream("initial");
            StreamFeatures beforeSasl = n.startTls();
            assertThat(Caps.find(beforeSasl.element())).as("caps before SASL in %s", beforeSasl.element()).isEmpty();
            StreamFeatures afterSasl = n.authenticate();
            n.bind();
            n.establishSession();
            XmppSession s = n.session();
            Caps caps = Caps.find(afterSasl.element()).orElseThrow(
                    () -> new AssertionError("no caps in " + afterSasl.element()));
            assertThat(caps.isLegacy()).isFalse();
            assertThat(caps.hash()).isEqualTo("sha-1");
            assertThat(caps.node()).isEqualTo(server.name().equals("prosody") ? "http://prosody.im"
                    : "http://www.process-one.net/en/ejabberd/");

            // §6.3: to the server's JID as its stream header's 'from' gives it.
            Jid serverJid = Jid.of(s.peerHeader().from());
            assertThat(serverJid).isEqualTo(Jid.of(server.domain()));
            EntityCapabilities ec = EntityCapabilities.of(s);
            CapsVerification v = ec.verify(serverJid, caps);
            assertThat(v.status()).as(v.describe()).isEqualTo(CapsVerification.Status.VERIFIED);
            assertThat(v.fromCache()).isFalse();
            assertThat(v.info().node()).isEqualTo(caps.discoNode());
            assertThat(v.info().hasIdentity("server", "im")).isTrue();
            assertThat(v.info().forms()).hasSize(server.name().equals("ejabberd") ? 1 : 0);
            assertThat(queriesFor(t, caps.discoNode())).isEqualTo(1);

            // Cached: verified again without asking.
            CapsVerification again = ec.verify(serverJid, caps);
            assertThat(again.isVerified()).isTrue();
            assertThat(again.fromCache()).isTrue();
            assertThat(again.info()).isEqualTo(v.info());
            assertThat(queriesFor(t, caps.discoNode())).isEqualTo(1);

            // The info without node is the same entity: it hashes to the same ver.
            DiscoInfo plain = ServiceDiscovery.of(s).info(serverJid);
            assertThat(VerificationString.compute(plain, "sha-1")).isEqualTo(caps.ver());
            assertThat(plain.features()).as("XEP-0115 §7: the caps feature is not advertised")
                    .doesNotContain(Caps.NAMESPACE);
            s.close(Negotiation.TIMEOUT);
        }
    }

    /**
     * Our caps, seen by another client: a directed presence carries the {@code <c/>} (§8.3), the
     * other session queries {@code node#ver} at our full JID (§6.2) and recomputes (§5.4). Then
     * our features change (a ping handler is installed), the ver with them (§6.1), and the old
     * ver is no longer answered.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void ourCapsAreVerifiedByASecondSession_beforeAndAfterAChange(CiServer server) throws Exception {
        try (TestAccounts accounts = new TestAccounts(server, client)) {
            XmppSession ours = accounts.login(accounts.create(), "caps", new Transcript());
            Transcript theirTranscript = new Transcript();
            XmppSession theirs = accounts.login(accounts.create(), "checker", theirTranscript);
            EntityCapabilities ourCaps = EntityCapabilities.of(ours);
            EntityCapabilities theirCaps = EntityCapabilities.of(theirs);

            Caps announced = announce(ours, theirs, ourCaps.element());
            assertThat(announced).isEqualTo(ourCaps.caps());
            CapsVerification v = theirCaps.verify(ours.localJid(), announced);
            assertThat(v.status()).as(v.describe()).isEqualTo(CapsVerification.Status.VERIFIED);
            assertThat(v.info().identities()).isEqualTo(LocalFeatures.of(ours).identities());
            assertThat(v.info().features()).containsExactlyInAnyOrderElementsOf(LocalFeatures.of(ours).features())
                    .contains(Caps.NAMESPACE, ServiceDiscovery.INFO, ServiceDiscovery.ITEMS);
            assertThat(theirCaps.lookup(announced)).contains(v.info());

            // A change: a ping handler is installed and says so; the ver follows.
            IqRouter.of(ours).register(IqType.GET, "ping", "urn:xmpp:ping", r -> Iq.result(r, null));
            LocalFeatures.of(ours).addFeature("urn:xmpp:ping");
            Caps changed = announce(ours, theirs, ourCaps.element());
            assertThat(changed.ver()).isNotEqualTo(announced.ver());
            CapsVerification w = theirCaps.verify(ours.localJid(), changed);
            assertThat(w.status()).as(w.describe()).isEqualTo(CapsVerification.Status.VERIFIED);
            assertThat(w.info().features()).contains("urn:xmpp:ping");

            // The old ver is still cached on their side (it was true), but we no longer answer it.
            assertThat(theirCaps.verify(ours.localJid(), announced).fromCache()).isTrue();
            assertThatThrownBy(() -> ServiceDiscovery.of(theirs).info(ours.localJid(), announced.discoNode()))
                    .isInstanceOfSatisfying(DiscoException.class,
                            e -> assertThat(e.condition()).isEqualTo(StanzaErrorCondition.ITEM_NOT_FOUND));
            theirs.close(Negotiation.TIMEOUT);
            ours.close(Negotiation.TIMEOUT);
        }
    }

    /**
     * A wrong ver is detected on the wire: our session plays a liar that answers a made-up
     * {@code node#ver} with its real info (§5.4 rule 3.9); the other side computes the true ver,
     * reports the mismatch and caches nothing. The legacy format (no hash) is reported as
     * unverifiable without any query (§5.4 step 1, §13).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aWrongVerIsDetected_andALegacyVerIsNotQueried(CiServer server) throws Exception {
        try (TestAccounts accounts = new TestAccounts(server, client)) {
            XmppSession liar = accounts.login(accounts.create(), "liar", new Transcript());
            Transcript checkerTranscript = new Transcript();
            XmppSession checker = accounts.login(accounts.create(), "checker", checkerTranscript);
            EntityCapabilities liarCaps = EntityCapabilities.of(liar);
            EntityCapabilities checkerCaps = EntityCapabilities.of(checker);

            String bogus = "AAAAAAAAAAAAAAAAAAAAAAAAAAA=";
            Caps lie = Caps.of("sha-1", liarCaps.node(), bogus);
            ServiceDiscovery.of(liar).registerNode(lie.discoNode(), DiscoNode.of(liarCaps.hashedInfo()));
            Caps received = announce(liar, checker, lie.toElement());

            CapsVerification v = checkerCaps.verify(liar.localJid(), received);
            assertThat(v.status()).as(v.describe()).isEqualTo(CapsVerification.Status.MISMATCH);
            assertThat(v.computedVer()).isEqualTo(liarCaps.ver());
            assertThat(checkerCaps.lookup(received)).isEmpty();
            assertThat(checkerCaps.cache().size()).isZero();

            Element legacyC = Element.builder("c", Caps.NAMESPACE).attribute("node", liarCaps.node())
                    .attribute("ver", "1.0").attribute("ext", "voice-v1 video-v1").build();
            Caps legacy = announce(liar, checker, legacyC);
            assertThat(legacy.isLegacy()).isTrue();
            assertThat(legacy.extensions()).containsExactly("voice-v1", "video-v1");
            CapsVerification l = checkerCaps.verify(liar.localJid(), legacy);
            assertThat(l.status()).isEqualTo(CapsVerification.Status.LEGACY);
            assertThat(l.info()).isNull();
            assertThat(queriesFor(checkerTranscript, legacy.discoNode())).isZero();
            checker.close(Negotiation.TIMEOUT);
            liar.close(Negotiation.TIMEOUT);
        }
    }

    /**
     * Sends a directed presence with this {@code <c/>} from one session to the other's full JID
     * (RFC 6121 §4.6; XEP-0115 §8.3) and returns the caps as the receiver reads them. The
     * presence is built here because it is only a carrier; presence itself is the presence
     * package's.
     */
    private static Caps announce(XmppSession from, XmppSession to, Element c) throws Exception {
        String id = from.nextId();
        from.send(Element.builder("presence", XmppNamespaces.CLIENT).attribute("to", to.localJid().toString())
                .attribute("id", id).child(c).build());
        Element presence = to.waitFor(e -> e.is("presence", XmppNamespaces.CLIENT) && id.equals(e.attribute("id")),
                Negotiation.TIMEOUT, "the directed presence " + id);
        assertThat(presence.attribute("from")).isEqualTo(from.localJid().toString());
        return Caps.find(presence).orElseThrow(() -> new AssertionError("no caps in " + presence));
    }
}
