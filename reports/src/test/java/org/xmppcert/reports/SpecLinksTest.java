package org.xmppcert.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpecLinksTest {
    @Test
    void rfcSectionsAndAppendices() {
        assertThat(SpecLinks.url("RFC 3920", "9.2.3")).isEqualTo("https://www.rfc-editor.org/rfc/rfc3920#section-9.2.3");
        assertThat(SpecLinks.url("rfc6120", "\u00a7 4.7.1")).isEqualTo("https://www.rfc-editor.org/rfc/rfc6120#section-4.7.1");
        assertThat(SpecLinks.url("RFC 3921", "A.1")).isEqualTo("https://www.rfc-editor.org/rfc/rfc3921#appendix-A.1");
        assertThat(SpecLinks.url("RFC 3921", "7.3 paragraph 2")).isEqualTo("https://www.rfc-editor.org/rfc/rfc3921#section-7.3");
        assertThat(SpecLinks.url("RFC 3921", null)).isEqualTo("https://www.rfc-editor.org/rfc/rfc3921");
        assertThat(SpecLinks.url("RFC 3921", "\"><script>")).isEqualTo("https://www.rfc-editor.org/rfc/rfc3921");
    }

    @Test
    void xepPagesAndUnknowns() {
        assertThat(SpecLinks.url("XEP-0030", "3.1")).isEqualTo("https://xmpp.org/extensions/xep-0030.html");
        assertThat(SpecLinks.url("XEP 115", "5")).isEqualTo("https://xmpp.org/extensions/xep-0115.html");
        assertThat(SpecLinks.url("Something else", "1")).isNull();
        assertThat(SpecLinks.url(null, "1")).isNull();
    }
}
