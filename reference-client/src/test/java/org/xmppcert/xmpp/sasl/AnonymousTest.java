package org.xmppcert.xmpp.sasl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** ANONYMOUS, RFC 4505 as RFC 6120 §6.5.8 restates its limit. */
class AnonymousTest {

    @Test
    void withoutTraceSendsAnEmptyInitialResponse() {
        Anonymous anonymous = new Anonymous();

        assertThat(anonymous.name()).isEqualTo("ANONYMOUS");
        assertThat(anonymous.initialResponse().orElseThrow()).isEmpty();
    }

    @Test
    void sendsTheTraceAsUtf8() {
        assertThat(new Anonymous("sirhc@example.net").initialResponse().orElseThrow())
                .isEqualTo("sirhc@example.net".getBytes(UTF_8));
    }

    @Test
    void acceptsUpTo255CharactersAsRfc6120Section6_5_8Says() {
        String longest = "é".repeat(255);

        assertThat(new Anonymous(longest).initialResponse().orElseThrow()).hasSize(510);
        assertThatThrownBy(() -> new Anonymous("é".repeat(256))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Anonymous("")).isInstanceOf(IllegalArgumentException.class);
    }
}
