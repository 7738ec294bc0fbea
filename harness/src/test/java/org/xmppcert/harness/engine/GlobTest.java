package org.xmppcert.harness.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GlobTest {
    @Test
    void starAndQuestionMark() {
        Glob g = Glob.of("roster-*");
        assertThat(g.matches("roster-get")).isTrue();
        assertThat(g.matches("roster-")).isTrue();
        assertThat(g.matches("my-roster-get")).isFalse();
        assertThat(Glob.of("iq-?").matches("iq-1")).isTrue();
        assertThat(Glob.of("iq-?").matches("iq-12")).isFalse();
        assertThat(Glob.of("*disco*").matches("server-disco-info")).isTrue();
    }

    @Test
    void everythingElseIsLiteral() {
        assertThat(Glob.of("a.b").matches("a.b")).isTrue();
        assertThat(Glob.of("a.b").matches("axb")).isFalse();
        assertThat(Glob.of("a+(b)").matches("a+(b)")).isTrue();
    }

    @Test
    void commasSeparateAlternatives() {
        Glob g = Glob.of("roster-*, presence-*");
        assertThat(g.matches("presence-probe")).isTrue();
        assertThat(g.matches("roster-push")).isTrue();
        assertThat(g.matches("message-chat")).isFalse();
    }

    @Test
    void anEmptyGlobIsAnError() {
        assertThatThrownBy(() -> Glob.of(" , ")).isInstanceOf(IllegalArgumentException.class);
    }
}
