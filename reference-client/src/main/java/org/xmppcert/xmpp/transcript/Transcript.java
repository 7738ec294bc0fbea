package org.xmppcert.xmpp.transcript;

import java.util.ArrayList;
import java.util.List;

/**
 * A bounded, thread-safe recording of transcript entries: at most {@code maxEntries} entries of
 * at most {@code maxEntryChars} characters each. Past the bounds entries are counted, not kept,
 * so memory stays flat whatever the peer sends.
 */
public final class Transcript implements TranscriptListener {

    /** Enough for any scenario; a flood past it is summarised. */
    public static final int DEFAULT_MAX_ENTRIES = 5_000;
    /** A 16 KiB preview of an element is evidence enough. */
    public static final int DEFAULT_MAX_ENTRY_CHARS = 16 * 1024;

    private final int maxEntries;
    private final int maxEntryChars;
    private final List<TranscriptEntry> entries = new ArrayList<>();
    private long omitted;

    public Transcript() {
        this(DEFAULT_MAX_ENTRIES, DEFAULT_MAX_ENTRY_CHARS);
    }

    public Transcript(int maxEntries, int maxEntryChars) {
        this.maxEntries = maxEntries;
        this.maxEntryChars = maxEntryChars;
    }

    @Override
    public synchronized void onEntry(TranscriptEntry entry) {
        if (entries.size() >= maxEntries) {
            omitted++;
            return;
        }
        String text = entry.text();
        if (text.length() > maxEntryChars) {
            text = text.substring(0, maxEntryChars) + "… [" + (text.length() - maxEntryChars) + " more characters]";
            entry = new TranscriptEntry(entry.time(), entry.direction(), text);
        }
        entries.add(entry);
    }

    /** The entries kept so far, in order. */
    public synchronized List<TranscriptEntry> entries() {
        return List.copyOf(entries);
    }

    /** How many entries arrived after the bound was reached. */
    public synchronized long omitted() {
        return omitted;
    }

    /** One line per entry, with a note about omitted entries at the end. */
    public synchronized String render() {
        StringBuilder sb = new StringBuilder();
        for (TranscriptEntry e : entries) {
            sb.append(e).append('\n');
        }
        if (omitted > 0) {
            sb.append("… ").append(omitted).append(" more entries omitted\n");
        }
        return sb.toString();
    }
}
