package org.xmppcert.xmpp.roster;

/**
 * Told of every change of a {@link Roster}'s local copy. Changes from pushes are reported on the
 * I/O thread, so a listener must not block (no waiting for stanzas); those from a roster result
 * on the thread that fetched it.
 */
@FunctionalInterface
public interface RosterListener {
    void rosterChanged(RosterEvent event);
}
