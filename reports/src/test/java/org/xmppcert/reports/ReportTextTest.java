package org.xmppcert.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xmppcert.reports.model.WireEntry;

class ReportTextTest {
    @Test
    void cleanReplacesWhatXmlCannotCarry() {
        String ok = "tab\t nl\n cr\r \u00e9 \uD83D\uDE00 <&>";
        assertThat(ReportText.clean(ok)).isSameAs(ok);
        assertThat(ReportText.clean("a\u0000b\u001bc\uFFFEd\uFFFF")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFD");
        assertThat(ReportText.clean("lone \uD800 high, lone \uDC00 low, end \uD83D")).isEqualTo(
                "lone \uFFFD high, lone \uFFFD low, end \uFFFD");
        assertThat(ReportText.clean(null)).isEmpty();
    }

    @Test
    void capBoundsAndNeverSplitsAPair() {
        assertThat(ReportText.cap("abc", 3)).isEqualTo("abc");
        assertThat(ReportText.cap("abcdef", 3)).isEqualTo("abc \u2026 [3 more characters]");
        assertThat(ReportText.cap("ab\uD83D\uDE00", 3)).isEqualTo("ab \u2026 [2 more characters]");
    }

    @Test
    void aWindowKeepsHeadTailAndOffendingEntries() {
        List<WireEntry> entries = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            entries.add(new WireEntry(Instant.EPOCH.plusMillis(i), "a", "IN", "e" + i, i == 500 || i == 700));
        }
        TranscriptWindow w = TranscriptWindow.of(entries, 10);
        assertThat(w.lines()).extracting(l -> l.entry().text()).containsExactly("e0", "e1", "e2", "e3", "e4", "e500",
                "e700", "e995", "e996", "e997", "e998", "e999");
        assertThat(w.lines()).extracting(TranscriptWindow.Line::omittedBefore).containsExactly(0, 0, 0, 0, 0, 495, 199,
                294, 0, 0, 0, 0);
        assertThat(TranscriptWindow.of(entries.subList(0, 10), 10).lines()).hasSize(10);
        String text = w.toPlainText(100);
        assertThat(text).contains(">>> 1970-01-01T00:00:00.500Z a IN e500   <<< offending\n",
                "    \u2026 495 entries omitted \u2026\n");
    }
}
