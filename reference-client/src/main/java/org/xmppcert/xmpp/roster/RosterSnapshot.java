package org.xmppcert.xmpp.roster;

import java.util.List;
import java.util.Optional;

/**
 * A copy of the roster at one moment, with its version: what a client caches between sessions
 * to ask for changes only (RFC 6121 §2.6.2). RFC 6121 §2.6.3 asks the client to cache the
 * version of the last push it received, not the one of the result at the start of the session:
 * {@link Roster#snapshot()} does, because every push updates the version it keeps.
 *
 * @param ver the version, {@code null} when the server sent none
 * @param items the items
 */
public record RosterSnapshot(String ver, List<RosterItem> items) {
    public RosterSnapshot {
        items = List.copyOf(items);
    }

    public Optional<String> version() {
        return Optional.ofNullable(ver);
    }
}
