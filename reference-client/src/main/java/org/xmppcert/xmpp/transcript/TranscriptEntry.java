package org.xmppcert.xmpp.transcript;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a transcript, already redacted.
 *
 * @param time when it was sent, received or happened
 * @param direction in, out or a local event
 * @param text the XML as on the wire (redacted), or the event's description
 */
public record TranscriptEntry(Instant time, Direction direction, String text) {
    public TranscriptEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        String arrow = switch (direction) {
            case IN -> "<<";
            case OUT -> ">>";
            case EVENT -> "--";
        };
        return time + " " + arrow + " " + text;
    }
}
