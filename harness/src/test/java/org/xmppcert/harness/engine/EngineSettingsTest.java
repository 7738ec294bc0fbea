package org.xmppcert.harness.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EngineSettingsTest {

    private static EngineSettings read(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return EngineSettings.read(k -> Optional.ofNullable(m.get(k)));
    }

    @Test
    void withoutADomainNothingIsConfiguredAndTheDefaultsHold() {
        EngineSettings s = read();
        assertThat(s.configured()).isFalse();
        assertThat(s.profile()).isEqualTo(Constants.DEFAULT_PROFILE);
        assertThat(s.parallel()).isEqualTo(1);
        assertThat(s.replyTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.deadline()).isNull();
        assertThat(s.only()).isNull();
    }

    @Test
    void everyParameterIsRead() {
        EngineSettings s = read(Constants.DOMAIN, "example.com", Constants.HOST, "127.0.0.1", Constants.PORT, "5223",
                Constants.ACCOUNTS, "alice:pw:with:colons, bob@example.com:secret", Constants.INSECURE, "true",
                Constants.ONLY, "roster-*", Constants.PARALLEL, "8", Constants.DEADLINE, "PT5M",
                Constants.REPLY_TIMEOUT, "pt2s", Constants.PROFILE, "other");
        assertThat(s.configured()).isTrue();
        assertThat(s.port()).isEqualTo(5223);
        assertThat(s.accounts()).hasSize(2);
        assertThat(s.accounts().get(0).user()).isEqualTo("alice");
        assertThat(new String(s.accounts().get(0).password())).isEqualTo("pw:with:colons");
        assertThat(s.accounts().get(1).user()).isEqualTo("bob");
        assertThat(s.insecure()).isTrue();
        assertThat(s.only().matches("roster-get")).isTrue();
        assertThat(s.parallel()).isEqualTo(8);
        assertThat(s.deadline()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.replyTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.profile()).isEqualTo("other");
        assertThat(s.toString()).doesNotContain("secret").doesNotContain("colons");
    }

    @Test
    void badValuesNameTheParameterAndNeverThePassword() {
        assertThatThrownBy(() -> read(Constants.DOMAIN, "d", Constants.REGISTER, "true", Constants.PORT, "70000"))
                .hasMessageContaining(Constants.PORT);
        assertThatThrownBy(() -> read(Constants.DOMAIN, "d", Constants.REGISTER, "yes"))
                .hasMessageContaining(Constants.REGISTER);
        assertThatThrownBy(() -> read(Constants.DOMAIN, "d", Constants.REGISTER, "true", Constants.DEADLINE, "5 min"))
                .hasMessageContaining(Constants.DEADLINE);
        assertThatThrownBy(() -> read(Constants.DOMAIN, "d", Constants.REGISTER, "true", Constants.PARALLEL, "0"))
                .hasMessageContaining(Constants.PARALLEL);
        assertThatThrownBy(() -> read(Constants.DOMAIN, "d")).hasMessageContaining(Constants.REGISTER)
                .hasMessageContaining(Constants.ACCOUNTS);
        assertThatThrownBy(() -> read(Constants.DOMAIN, "d", Constants.REGISTER, "true", Constants.ACCOUNTS, "a:b"))
                .hasMessageContaining("exclude");
        assertThatThrownBy(() -> read(Constants.DOMAIN, "d", Constants.ACCOUNTS, "alice@elsewhere:topsecret"))
                .hasMessageContaining(Constants.ACCOUNTS).hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> read(Constants.DOMAIN, "d", Constants.ACCOUNTS, "nopassword"))
                .hasMessageContaining("user:password");
        assertThatThrownBy(() -> read(Constants.DOMAIN, "d", Constants.REGISTER, "true", Constants.CAFILE,
                "/no/such/file.pem")).hasMessageContaining(Constants.CAFILE);
    }
}
