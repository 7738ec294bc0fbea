package org.xmppcert.xmpp.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xmppcert.xmpp.xml.Element;

class RedactorTest {
    private static final String SASL = "urn:ietf:params:xml:ns:xmpp-sasl";

    @Test
    void saslPayloadsAreReplacedButTheirShapeStays() {
        Element auth = Element.builder("auth", SASL).attribute("mechanism", "PLAIN")
                .text("AGFsaWNlAHMzY3JldA==").build();
        Element redacted = Redactor.redact(auth);
        assertThat(redacted.attribute("mechanism")).isEqualTo("PLAIN");
        assertThat(redacted.text()).isEqualTo("[redacted: 20 characters]");
        for (String name : new String[] {"challenge", "response", "success"}) {
            assertThat(Redactor.redact(Element.builder(name, SASL).text("c2VjcmV0").build()).toXml())
                    .doesNotContain("c2VjcmV0");
        }
    }

    @Test
    void emptyPayloadsAndFailuresStayVisible() {
        Element empty = Element.builder("response", SASL).text("=").build();
        assertThat(Redactor.redact(empty)).isSameAs(empty);
        Element failure = Element.builder("failure", SASL).child(Element.of("not-authorized", SASL)).build();
        assertThat(Redactor.redact(failure)).isSameAs(failure);
    }

    @Test
    void registrationPasswordsAnywhereInAStanza() {
        Element iq = Element.builder("iq", "jabber:client").attribute("type", "set")
                .child(Element.builder("query", "jabber:iq:register")
                        .childWithText("username", "jabber:iq:register", "alice")
                        .childWithText("password", "jabber:iq:register", "s3cret-pw")
                        .child(Element.builder("x", "jabber:x:data")
                                .child(Element.builder("field", "jabber:x:data").attribute("var", "password")
                                        .childWithText("value", "jabber:x:data", "form-s3cret").build())
                                .child(Element.builder("field", "jabber:x:data").attribute("var", "username")
                                        .childWithText("value", "jabber:x:data", "alice").build())
                                .build())
                        .build())
                .build();
        String xml = Redactor.redact(iq).toXml();
        assertThat(xml).doesNotContain("s3cret-pw").doesNotContain("form-s3cret").contains("alice")
                .contains("<password>[redacted: 9 characters]</password>");
    }

    @Test
    void elementsWithoutSecretsAreReturnedAsTheyAre() {
        Element message = Element.builder("message", "jabber:client")
                .childWithText("body", "jabber:client", "my password is hunter2").build();
        assertThat(Redactor.redact(message)).isSameAs(message);
    }

    @Test
    void maskerCatchesThePasswordAndItsPlainEncodingInRawText() {
        SecretMasker masker = new SecretMasker();
        masker.addPassword("alice", "hunter22".toCharArray());
        assertThat(masker.mask("raw echo: hunter22 and AGFsaWNlAGh1bnRlcjIy and aHVudGVyMjI="))
                .isEqualTo("raw echo: [redacted] and [redacted] and [redacted]");
    }
}
