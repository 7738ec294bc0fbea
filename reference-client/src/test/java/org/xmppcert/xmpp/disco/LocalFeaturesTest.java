package org.xmppcert.xmpp.disco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.xmppcert.xmpp.session.Registration;

/** What the client advertises: counted features, validated forms, change notifications. */
class LocalFeaturesTest {

    private final LocalFeatures local = LocalFeatures.detached();
    private final AtomicInteger changes = new AtomicInteger();

    {
        local.onChange(changes::incrementAndGet);
    }

    @Test
    void startsAsAClientPcThatSupportsDiscoInfo() {
        assertThat(local.identities()).containsExactly(new LocalFeatures.Identity("client", "pc", "xmppcert", null));
        assertThat(local.features()).containsExactly(LocalFeatures.DISCO_INFO);
        assertThat(local.forms()).isEmpty();
    }

    @Test
    void aFeatureHeldByTwoManagersStaysUntilBothRelease() {
        Registration a = local.addFeature("urn:xmpp:ping");
        Registration b = local.addFeature("urn:xmpp:ping");
        assertThat(changes).hasValue(1);
        a.close();
        a.close(); // closing twice is harmless and does not release b's hold
        assertThat(local.hasFeature("urn:xmpp:ping")).isTrue();
        b.close();
        assertThat(local.hasFeature("urn:xmpp:ping")).isFalse();
        assertThat(changes).hasValue(2);
    }

    @Test
    void featuresAreListedSorted() {
        local.addFeature("jabber:iq:version");
        local.addFeature("http://jabber.org/protocol/caps");
        assertThat(local.features()).containsExactly("http://jabber.org/protocol/caps", LocalFeatures.DISCO_INFO,
                "jabber:iq:version");
    }

    @Test
    void anEntityHasAtLeastOneIdentity() {
        assertThatThrownBy(() -> local.setIdentities(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formsMustBeResultsWithOneHiddenFormTypeEach() {
        DataForm good = DataForm.result("urn:example:a").field("x", "1").build();
        Registration reg = local.addForm(good);
        assertThat(changes).hasValue(1);
        // A second form with the same FORM_TYPE would make the whole response ill-formed (XEP-0115 §5.4 3.5).
        assertThatThrownBy(() -> local.addForm(DataForm.result("urn:example:a").build()))
                .isInstanceOf(IllegalArgumentException.class);
        // A FORM_TYPE that is not hidden would be ignored by a caps processor (§5.4 3.6).
        DataForm visible = new DataForm("result", List.of(new DataForm.Field("FORM_TYPE", null, null,
                List.of("urn:example:b"))));
        assertThatThrownBy(() -> local.addForm(visible)).isInstanceOf(IllegalArgumentException.class);
        DataForm none = new DataForm("result", List.of(DataForm.Field.of("x", "1")));
        assertThatThrownBy(() -> local.addForm(none)).isInstanceOf(IllegalArgumentException.class);
        DataForm twoValues = new DataForm("result", List.of(new DataForm.Field("FORM_TYPE", "hidden", null,
                List.of("urn:example:c", "urn:example:d"))));
        assertThatThrownBy(() -> local.addForm(twoValues)).isInstanceOf(IllegalArgumentException.class);
        reg.close();
        assertThat(local.forms()).isEmpty();
        assertThat(changes).hasValue(2);
    }

    @Test
    void infoIsASnapshotOfAllThree() {
        DataForm form = DataForm.result("urn:example:a").build();
        local.addForm(form);
        local.addFeature("urn:xmpp:ping");
        DiscoInfo info = local.info();
        local.addFeature("jabber:iq:version");
        assertThat(info.node()).isNull();
        assertThat(info.identities()).isEqualTo(local.identities());
        assertThat(info.features()).containsExactly(LocalFeatures.DISCO_INFO, "urn:xmpp:ping");
        assertThat(info.forms()).containsExactly(form);
    }
}
