package org.xmppcert.reports;

import java.util.ArrayList;
import java.util.List;
import org.xmppcert.reports.model.WireEntry;

/**
 * The part of a transcript a human-readable writer renders. The model caps transcripts when
 * they are captured; this is a second, per-writer bound so that one flooding scenario cannot
 * make report.html or junit.xml unusable: the first and last entries are kept, and every
 * offending entry in between (up to a bound), with a count of what was left out. Linear in the
 * transcript's length.
 *
 * @param lines what to render, in order (the last entry is always kept, so nothing is omitted after it)
 */
public record TranscriptWindow(List<Line> lines) {
    /** Entries rendered per scenario by default. */
    public static final int DEFAULT_MAX_ENTRIES = 1000;
    /** Characters rendered per entry by default. */
    public static final int DEFAULT_MAX_CHARS = 64 * 1024;
    private static final int MAX_OFFENDING_IN_GAP = 50;

    public TranscriptWindow {
        lines = List.copyOf(lines);
    }

    /**
     * One entry to render.
     *
     * @param entry the entry
     * @param omittedBefore how many entries between the previous line and this one were left out
     */
    public record Line(WireEntry entry, int omittedBefore) {
    }

    /** The window of at most about {@code max} entries (plus offending ones) of {@code entries}. */
    public static TranscriptWindow of(List<WireEntry> entries, int max) {
        int n = entries.size();
        List<Line> lines = new ArrayList<>(Math.min(n, max + MAX_OFFENDING_IN_GAP));
        if (n <= max) {
            for (WireEntry e : entries) {
                lines.add(new Line(e, 0));
            }
            return new TranscriptWindow(lines);
        }
        int head = Math.max(1, max / 2);
        int tailStart = n - Math.max(1, max - head);
        for (int i = 0; i < head; i++) {
            lines.add(new Line(entries.get(i), 0));
        }
        int skipped = 0;
        int offendingKept = 0;
        for (int i = head; i < tailStart; i++) {
            WireEntry e = entries.get(i);
            if (e.offending() && offendingKept < MAX_OFFENDING_IN_GAP) {
                lines.add(new Line(e, skipped));
                skipped = 0;
                offendingKept++;
            } else {
                skipped++;
            }
        }
        for (int i = tailStart; i < n; i++) {
            lines.add(new Line(entries.get(i), i == tailStart ? skipped : 0));
        }
        return new TranscriptWindow(lines);
    }

    /**
     * The window as plain text, one line per entry ({@code time actor DIRECTION text}, an
     * offending entry marked {@code >>>}): what junit.xml's system-out and the Allure
     * attachment carry.
     */
    public String toPlainText(int maxChars) {
        StringBuilder b = new StringBuilder();
        for (Line l : lines) {
            if (l.omittedBefore() > 0) {
                b.append("    \u2026 ").append(l.omittedBefore()).append(" entries omitted \u2026\n");
            }
            WireEntry e = l.entry();
            b.append(e.offending() ? ">>> " : "    ")
                    .append(e.time() == null ? "-" : e.time().toString()).append(' ')
                    .append(ReportText.clean(e.actor() == null ? "-" : e.actor())).append(' ')
                    .append(ReportText.clean(e.direction())).append(' ')
                    .append(ReportText.cap(e.text(), maxChars));
            if (e.offending()) {
                b.append("   <<< offending");
            }
            b.append('\n');
        }
        return b.toString();
    }
}
