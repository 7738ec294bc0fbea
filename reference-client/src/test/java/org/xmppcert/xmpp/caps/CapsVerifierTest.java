package org.xmppcert.xmpp.caps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xmppcert.xmpp.disco.DataForm;
import org.xmppcert.xmpp.disco.DiscoInfo;
import org.xmppcert.xmpp.disco.LocalFeatures;
import org.xmppcert.xmpp.disco.SpecExamples;
import org.xmppcert.xmpp.jid.Jid;

/** The §5.4 processing rules one by one, and the details of the §5.1 generation method. */
class CapsVerifierTest {

    private static final Jid PEER = Jid.of("romeo@montague.lit/orchard");
    private static final LocalFeatures.Identity PC = new LocalFeatures.Identity("client", "pc", "X", null);
    private static final String NODE = "http://example.org/client";

    private static DiscoInfo info(List<LocalFeatures.Identity> ids, List<String> features, List<DataForm> forms) {
        return new DiscoInfo(null, ids, features, forms);
    }

    private static Caps capsFor(DiscoInfo info) {
        return Caps.of("sha-1", NODE, VerificationString.compute(info, "sha-1"));
    }

    private static DataForm form(String formType, String formTypeType, DataForm.Field... more) {
        List<DataForm.Field> fields = new ArrayList<>();
        fields.add(new DataForm.Field("FORM_TYPE", formTypeType, null, List.of(formType)));
        fields.addAll(List.of(more));
        return new DataForm("result", fields);
    }

    @Test
    void aWrongVerIsDetected_oneFeatureLessThanHashed() {
        DiscoInfo advertised = info(List.of(PC), List.of("a", "b"), List.of());
        Caps caps = capsFor(advertised);
        CapsVerification v = CapsVerifier.check(PEER, caps, info(List.of(PC), List.of("a"), List.of()));
        assertThat(v.status()).isEqualTo(CapsVerification.Status.MISMATCH);
        assertThat(v.isVerified()).isFalse();
        assertThat(v.computedVer()).isNotEqualTo(caps.ver());
        assertThat(v.findings()).singleElement().asString().contains("§5.4 rule 3.9");
        assertThatThrownBy(() -> new CapsCache().put(v)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWrongVerIsDetected_anotherName() {
        DiscoInfo advertised = info(List.of(PC), List.of("a"), List.of());
        DiscoInfo answered = info(List.of(new LocalFeatures.Identity("client", "pc", "Y", null)), List.of("a"), List.of());
        assertThat(CapsVerifier.check(PEER, capsFor(advertised), answered).status())
                .isEqualTo(CapsVerification.Status.MISMATCH);
    }

    @Test
    void rule3_3_aDuplicateIdentityMakesTheResponseIllFormed() {
        DiscoInfo i = info(List.of(PC, PC), List.of("a"), List.of());
        CapsVerification v = CapsVerifier.check(PEER, capsFor(i), i);
        assertThat(v.status()).isEqualTo(CapsVerification.Status.ILL_FORMED);
        assertThat(v.findings()).singleElement().asString().contains("client/pc//X", "rule 3.3");
        assertThat(v.computedVer()).isNull();
    }

    @Test
    void rule3_3_sameCategoryTypeLangWithAnotherNameIsNotADuplicateForCaps() {
        // XEP-0030 §3.1 forbids it, but §5.4 rule 3.3 counts category/type/lang/name together.
        DiscoInfo i = info(List.of(PC, new LocalFeatures.Identity("client", "pc", "Z", null)), List.of("a"), List.of());
        assertThat(CapsVerifier.check(PEER, capsFor(i), i).status()).isEqualTo(CapsVerification.Status.VERIFIED);
    }

    @Test
    void rule3_4_aDuplicateFeatureMakesTheResponseIllFormed() {
        DiscoInfo i = info(List.of(PC), List.of("a", "b", "a"), List.of());
        CapsVerification v = CapsVerifier.check(PEER, capsFor(i), i);
        assertThat(v.status()).isEqualTo(CapsVerification.Status.ILL_FORMED);
        assertThat(v.findings()).singleElement().asString().contains("feature a", "rule 3.4");
    }

    @Test
    void rule3_5_twoFormsWithOneFormTypeMakeTheResponseIllFormed() {
        DiscoInfo i = info(List.of(PC), List.of("a"), List.of(form("urn:x", "hidden"), form("urn:x", "hidden")));
        CapsVerification v = CapsVerifier.check(PEER, capsFor(i), i);
        assertThat(v.status()).isEqualTo(CapsVerification.Status.ILL_FORMED);
        assertThat(v.findings()).singleElement().asString().contains("urn:x", "rule 3.5");
    }

    @Test
    void rule3_5_aFormTypeWithTwoDifferentValuesIsIllFormed_twoEqualValuesAreNot() {
        DataForm two = new DataForm("result", List.of(new DataForm.Field("FORM_TYPE", "hidden", null,
                List.of("urn:x", "urn:y"))));
        DiscoInfo i = info(List.of(PC), List.of("a"), List.of(two));
        assertThat(CapsVerifier.check(PEER, capsFor(i), i).status()).isEqualTo(CapsVerification.Status.ILL_FORMED);

        DataForm same = new DataForm("result", List.of(new DataForm.Field("FORM_TYPE", "hidden", null,
                List.of("urn:x", "urn:x"))));
        DiscoInfo j = info(List.of(PC), List.of("a"), List.of(same));
        assertThat(CapsVerifier.check(PEER, capsFor(j), j).status()).isEqualTo(CapsVerification.Status.VERIFIED);
    }

    @Test
    void rule3_6_formsWithoutOrWithAVisibleFormTypeAreIgnored_andProcessingContinues() {
        DiscoInfo bare = info(List.of(PC), List.of("a"), List.of());
        Caps caps = capsFor(bare); // what a generator that left those forms out announces
        DataForm visible = form("urn:v", "text-single", DataForm.Field.of("k", "v"));
        DataForm none = new DataForm("result", List.of(DataForm.Field.of("k", "v")));
        CapsVerification v = CapsVerifier.check(PEER, caps, info(List.of(PC), List.of("a"), List.of(visible, none)));
        assertThat(v.status()).isEqualTo(CapsVerification.Status.VERIFIED);
        assertThat(v.findings()).hasSize(2).allSatisfy(f -> assertThat(f).contains("rule 3.6"));
    }

    @Test
    void aHiddenFormTypeFormIsHashed() {
        DiscoInfo bare = info(List.of(PC), List.of("a"), List.of());
        DiscoInfo withForm = info(List.of(PC), List.of("a"), List.of(form("urn:x", "hidden", DataForm.Field.of("k", "v"))));
        assertThat(CapsVerifier.check(PEER, capsFor(bare), withForm).status())
                .isEqualTo(CapsVerification.Status.MISMATCH);
        assertThat(VerificationString.input(withForm)).isEqualTo("client/pc//X<a<urn:x<k<v<");
    }

    @Test
    void step2_anUnsupportedHashIsNeitherValidatedNorCached() {
        DiscoInfo i = info(List.of(PC), List.of("a"), List.of());
        CapsVerification v = CapsVerifier.check(PEER, Caps.of("md5", NODE, "whatever"), i);
        assertThat(v.status()).isEqualTo(CapsVerification.Status.UNSUPPORTED_HASH);
        assertThat(v.info()).isEqualTo(i);
        assertThat(v.findings()).singleElement().asString().contains(PEER.toString(), "step 2");
        assertThat(VerificationString.isSupported("md5")).isFalse();
    }

    @Test
    void otherRegisteredHashesAreSupported() {
        DiscoInfo i = info(List.of(PC), List.of("a"), List.of());
        Caps caps = Caps.of("sha-256", NODE, VerificationString.compute(i, "sha-256"));
        assertThat(caps.ver()).hasSize(44); // 32 bytes in Base64, with padding
        assertThat(CapsVerifier.check(PEER, caps, i).status()).isEqualTo(CapsVerification.Status.VERIFIED);
    }

    @Test
    void step1_theLegacyFormatIsRecognisedAndSaidUnverifiable() throws Exception {
        Caps legacy = Caps.parse(SpecExamples.parse("<presence><c xmlns='http://jabber.org/protocol/caps'"
                + " node='http://psi-im.org/caps' ver='0.11' ext='cs ep-notify html'/></presence>")
                .child("c", Caps.NAMESPACE));
        assertThat(legacy.isLegacy()).isTrue();
        assertThat(legacy.extensions()).containsExactly("cs", "ep-notify", "html");
        CapsVerification v = CapsVerifier.check(PEER, legacy, null);
        assertThat(v.status()).isEqualTo(CapsVerification.Status.LEGACY);
        assertThat(v.findings()).singleElement().asString().contains("legacy", "cannot be verified", "ext 'cs ep-notify html'");
        assertThatThrownBy(() -> new CapsCache().put(v)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new CapsCache().get(legacy)).isEmpty();
    }

    @Test
    void identitiesSortFieldByField_notAsFormattedStrings() {
        // '-' (0x2D) sorts before '/' (0x2F): as strings "client-x/pc" would come first.
        DiscoInfo i = info(List.of(new LocalFeatures.Identity("client-x", "pc", null, null),
                new LocalFeatures.Identity("client", "pc", null, null)), List.of(), List.of());
        assertThat(VerificationString.input(i)).isEqualTo("client/pc//<client-x/pc//<");
    }

    @Test
    void sortingIsByOctetsNotByUtf16Units() {
        // U+FFFD is EF BF BD in UTF-8, U+1F600 is F0 9F 98 80: octet order puts U+FFFD first,
        // while String.compareTo puts the surrogate pair (D83D …) first.
        String replacement = "\uFFFD";
        String emoji = new String(Character.toChars(0x1F600));
        assertThat(emoji.compareTo(replacement)).isNegative();
        DiscoInfo i = info(List.of(PC), List.of(emoji, replacement), List.of());
        assertThat(VerificationString.input(i)).isEqualTo("client/pc//X<" + replacement + "<" + emoji + "<");
        // Capitals before lower case, as in octets.
        assertThat(VerificationString.input(info(List.of(PC), List.of("b", "B", "a"), List.of())))
                .isEqualTo("client/pc//X<B<a<b<");
    }

    @Test
    void aLiteralAmpLtStaysFourCharacters() throws Exception {
        // The §5.1 note: '&lt;' in a factor is literally '&', 'l', 't', ';'. On the wire that is &amp;lt;.
        DiscoInfo i = DiscoInfo.parse(SpecExamples.parse("<iq type='result' id='1'><query"
                + " xmlns='http://jabber.org/protocol/disco#info'><identity category='client' type='pc'"
                + " name='SomeClient&amp;lt;http://jabber.org/protocol/muc'/></query></iq>")
                .child("query", DiscoInfo.NAMESPACE));
        assertThat(VerificationString.input(i)).isEqualTo("client/pc//SomeClient&lt;http://jabber.org/protocol/muc<");
    }

    @Test
    void fieldsWithoutVarAreLeftOut_andFormsAreSortedByFormType() {
        DataForm b = form("urn:b", "hidden", DataForm.Field.of("z", "2", "1"), new DataForm.Field(null, "fixed", null,
                List.of("note")));
        DataForm a = form("urn:a", "hidden", DataForm.Field.of("y", "3"));
        DiscoInfo i = info(List.of(PC), List.of(), List.of(b, a));
        assertThat(VerificationString.input(i)).isEqualTo("client/pc//X<urn:a<y<3<urn:b<z<1<2<");
    }
}
