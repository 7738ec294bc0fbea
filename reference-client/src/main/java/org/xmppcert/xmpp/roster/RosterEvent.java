package org.xmppcert.xmpp.roster;

import java.util.Objects;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.xml.Element;

/**
 * One change of the local roster.
 *
 * @param kind what happened
 * @param jid the contact; {@code null} for {@link Kind#LOADED}
 * @param before the item before, {@code null} when it was not in the roster (or for LOADED)
 * @param after the item after, {@code null} when it was deleted (or for LOADED)
 * @param ver the roster version after the change, {@code null} when unknown
 * @param cause the stanza that caused it: the roster result or the push
 */
public record RosterEvent(Kind kind, Jid jid, RosterItem before, RosterItem after, String ver, Element cause) {

    /** What happened. */
    public enum Kind {
        /** A roster result replaced the whole roster (RFC 6121 §2.1.4). */
        LOADED,
        /** A push brought an item that was not there. */
        ADDED,
        /** A push changed an item. */
        UPDATED,
        /** A push deleted an item ({@code subscription='remove'}). */
        REMOVED
    }

    public RosterEvent {
        Objects.requireNonNull(kind, "kind");
    }
}
