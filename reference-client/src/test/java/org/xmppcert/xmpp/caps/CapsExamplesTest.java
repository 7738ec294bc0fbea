package org.xmppcert.xmpp.caps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xmppcert.xmpp.disco.SpecExamples.withoutIndentation;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xmppcert.xmpp.disco.DataForm;
import org.xmppcert.xmpp.disco.DiscoInfo;
import org.xmppcert.xmpp.disco.LocalFeatures;
import org.xmppcert.xmpp.disco.SpecExamples;
import org.xmppcert.xmpp.iq.Iq;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.xml.Element;

/**
 * The test vectors of XEP-0115: §5.2 and §5.3 reproduced exactly (the string S and the
 * {@code ver}), and the XML of §1.2 and the numbered examples (in {@code xep-0115-examples.txt},
 * verbatim) read with our parser and processed as §5.4 says.
 */
class CapsExamplesTest {

    private static final Map<String, String> EXAMPLES =
            SpecExamples.load(CapsExamplesTest.class, "xep-0115-examples.txt");

    private static final String CAPS = "http://jabber.org/protocol/caps";
    private static final String INFO = "http://jabber.org/protocol/disco#info";
    private static final String ITEMS = "http://jabber.org/protocol/disco#items";
    private static final String MUC = "http://jabber.org/protocol/muc";

    /** §5.2 step 5, without the line breaks the spec adds "only for the purposes of readability". */
    private static final String SIMPLE_S = "client/pc//Exodus 0.9.1<" + CAPS + "<" + INFO + "<" + ITEMS + "<" + MUC + "<";

    /** §5.3 step 9, likewise. */
    private static final String COMPLEX_S = "client/pc/el/Ψ 0.11<client/pc/en/Psi 0.11<" + CAPS + "<" + INFO + "<"
            + ITEMS + "<" + MUC + "<urn:xmpp:dataforms:softwareinfo<"
            + "ip_version<ipv4<ipv6<os<Mac<os_version<10.5.1<software<Psi<software_version<0.11<";

    private static Element example(String id) {
        return SpecExamples.parse(EXAMPLES.get(id));
    }

    @Test
    void simpleGenerationExample_5_2() {
        // The entity of §5.2, built as our LocalFeatures would hold it (features in any order).
        DiscoInfo exodus = new DiscoInfo(null, List.of(new LocalFeatures.Identity("client", "pc", "Exodus 0.9.1", null)),
                List.of(MUC, INFO, CAPS, ITEMS), List.of());
        assertThat(VerificationString.input(exodus)).isEqualTo(SIMPLE_S);
        assertThat(VerificationString.compute(exodus, "sha-1")).isEqualTo("QgayPKawpkPSDYmwT/WM94uAlu0=");
    }

    @Test
    void simpleGenerationExample_fromRomeosResponseIn1_2_isVerified() throws Exception {
        Caps caps = Caps.find(example("1.2a")).orElseThrow();
        assertThat(caps).isEqualTo(Caps.of("sha-1", "http://code.google.com/p/exodus", "QgayPKawpkPSDYmwT/WM94uAlu0="));
        // Juliet's query (§1.2) is what we build for these caps.
        Element query = example("1.2b");
        assertThat(DiscoInfo.request(Jid.of("romeo@montague.lit/orchard"), caps.discoNode()).toBuilder()
                .attribute("id", "disco1").attribute("from", "juliet@capulet.lit/chamber").build())
                .isEqualTo(withoutIndentation(query));
        DiscoInfo answer = DiscoInfo.fromResponse(example("1.2c"));
        assertThat(answer.node()).isEqualTo(caps.discoNode());
        assertThat(VerificationString.input(answer)).isEqualTo(SIMPLE_S);

        CapsVerification v = CapsVerifier.check(Jid.of("romeo@montague.lit/orchard"), caps, answer);
        assertThat(v.status()).isEqualTo(CapsVerification.Status.VERIFIED);
        assertThat(v.computedVer()).isEqualTo("QgayPKawpkPSDYmwT/WM94uAlu0=");
        assertThat(v.findings()).isEmpty();
    }

    @Test
    void complexGenerationExample_5_3() throws Exception {
        DiscoInfo benvolio = DiscoInfo.fromResponse(example("5.3"));
        assertThat(benvolio.identities()).containsExactly(
                new LocalFeatures.Identity("client", "pc", "Psi 0.11", "en"),
                new LocalFeatures.Identity("client", "pc", "Ψ 0.11", "el"));
        DataForm form = benvolio.form("urn:xmpp:dataforms:softwareinfo").orElseThrow();
        assertThat(form.field("ip_version").orElseThrow().values()).containsExactly("ipv4", "ipv6");
        assertThat(form.hasHiddenFormType()).isTrue();

        assertThat(VerificationString.input(benvolio)).isEqualTo(COMPLEX_S);
        assertThat(VerificationString.compute(benvolio, "sha-1")).isEqualTo("q07IKJEyjvHSyhy//CH0CxmKi8w=");

        Caps caps = Caps.find(example("1.2e")).orElseThrow();
        assertThat(caps.discoNode()).isEqualTo(benvolio.node());
        CapsVerification v = CapsVerifier.check(Jid.of("benvolio@capulet.lit/230193"), caps, benvolio);
        assertThat(v.status()).isEqualTo(CapsVerification.Status.VERIFIED);
        assertThat(v.findings()).isEmpty();
    }

    @Test
    void complexGenerationExample_builtAsLocalFeatures_givesTheSameVer() {
        // The same entity described with our own API, fields and values in another order.
        LocalFeatures psi = LocalFeatures.detached();
        psi.setIdentities(List.of(new LocalFeatures.Identity("client", "pc", "Ψ 0.11", "el"),
                new LocalFeatures.Identity("client", "pc", "Psi 0.11", "en")));
        psi.addFeature(MUC);
        psi.addFeature(ITEMS);
        psi.addFeature(CAPS);
        psi.addForm(DataForm.result("urn:xmpp:dataforms:softwareinfo")
                .field("software_version", "0.11").field("software", "Psi").field("os_version", "10.5.1")
                .field("os", "Mac").typedField("ip_version", "text-multi", "ipv6", "ipv4").build());
        assertThat(VerificationString.compute(psi.info(), "sha-1")).isEqualTo("q07IKJEyjvHSyhy//CH0CxmKi8w=");
    }

    @Test
    void theBardsVerIsNotBenvoliosNorRomeos() throws Exception {
        // §1.2: a ver never seen must be queried; the cache knows only what was verified.
        CapsCache cache = new CapsCache();
        cache.put(CapsVerifier.check(null, Caps.find(example("1.2a")).orElseThrow(),
                DiscoInfo.fromResponse(example("1.2c"))));
        assertThat(cache.get(Caps.find(example("1.2d")).orElseThrow())).isPresent(); // the Nurse: same ver
        assertThat(cache.get(Caps.find(example("1.2e")).orElseThrow())).isEmpty();
        assertThat(cache.get(Caps.find(example("1.2f")).orElseThrow())).isEmpty();
    }

    @Test
    void example1_presenceWithCaps_isWhatWeBuild() throws Exception {
        Element presence = example("1");
        Caps caps = Caps.find(presence).orElseThrow();
        assertThat(caps.isLegacy()).isFalse();
        assertThat(caps.toElement()).isEqualTo(withoutIndentation(presence.child("c", Caps.NAMESPACE)));
    }

    @Test
    void example2_aRecomputedVerIsAnotherCacheKey() throws Exception {
        Caps before = Caps.find(example("1")).orElseThrow();
        Caps after = Caps.find(example("2")).orElseThrow();
        assertThat(after.node()).isEqualTo(before.node());
        assertThat(after.ver()).isEqualTo("66/0NaeaBKkwk85efJTGmU47vXI=").isNotEqualTo(before.ver());
        assertThat(after.discoNode()).isEqualTo("http://code.google.com/p/exodus#66/0NaeaBKkwk85efJTGmU47vXI=");
    }

    @Test
    void example3_theDiscoRequestForTheCapsNode() throws Exception {
        Element ex = example("3");
        Caps caps = Caps.find(example("1")).orElseThrow();
        assertThat(DiscoInfo.request(Jid.of("romeo@montague.lit/orchard"), caps.discoNode()).toBuilder()
                .attribute("id", "disco1").attribute("from", "juliet@capulet.lit/balcony").build())
                .isEqualTo(withoutIndentation(ex));
    }

    /**
     * The response of §6.2 Example 4 lacks the name "Exodus 0.9.1" and the caps feature that
     * §5.2 hashed into the very ver its node names: a processing entity must find it invalid
     * (§5.4 rule 3.9). The spec's own example is a ready-made wrong ver.
     */
    @Test
    void example4_theResponseDoesNotMatchItsOwnVer_andIsDetected() throws Exception {
        DiscoInfo answer = DiscoInfo.fromResponse(example("4"));
        Caps caps = Caps.find(example("1")).orElseThrow();
        assertThat(answer.node()).isEqualTo(caps.discoNode());
        CapsVerification v = CapsVerifier.check(Jid.of("romeo@montague.lit/orchard"), caps, answer);
        assertThat(v.status()).isEqualTo(CapsVerification.Status.MISMATCH);
        assertThat(v.computedVer()).isEqualTo("tVNsbgGAIor+Bf4SfvUzGLEOJj0=");
        assertThat(v.describe()).contains("announced QgayPKawpkPSDYmwT/WM94uAlu0=", "recomputed tVNsbgGAIor+Bf4SfvUzGLEOJj0=");
    }

    @Test
    void example5_capsInStreamFeatures() throws Exception {
        Element features = example("5");
        assertThat(features.name()).isEqualTo("features");
        Caps caps = Caps.find(features).orElseThrow();
        assertThat(caps).isEqualTo(Caps.of("sha-1", "http://jabberd.org", "ItBTI0XLDFvVxZ72NQElAzKS9sU="));
    }

    @Test
    void examples6to9_supportIsTheCapsFeature_andCapsOptimizeForServers() throws Exception {
        assertThat(DiscoInfo.request(Jid.of("juliet@capulet.lit/balcony"), null).toBuilder().attribute("id", "disco2")
                .attribute("from", "romeo@montague.lit/orchard").build()).isEqualTo(withoutIndentation(example("6")));
        // The "..." of Examples 7 and 9 is text between features: ignored.
        assertThat(DiscoInfo.fromResponse(example("7")).features()).containsExactly(EntityCapabilities.NAMESPACE);
        assertThat(DiscoInfo.request(Jid.of("capulet.lit"), null).toBuilder().attribute("id", "disco3")
                .attribute("from", "juliet@capulet.lit/balcony").build()).isEqualTo(withoutIndentation(example("8")));
        assertThat(DiscoInfo.fromResponse(example("9")).features()).containsExactly(EntityCapabilities.OPTIMIZE);
    }

    @Test
    void theResourceHoldsTheIntroductionTheComplexExampleAndNineExamples() {
        assertThat(EXAMPLES.keySet()).containsExactly("1.2a", "1.2b", "1.2c", "1.2d", "1.2e", "1.2f", "5.3",
                "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(Iq.isIq(example("5.3"))).isTrue();
    }
}
