/**
 * Roster management (RFC 3921 §7, restated and extended by RFC 6121 §2): the roster get, set
 * and push as values ({@link org.xmppcert.xmpp.roster.RosterItem},
 * {@link org.xmppcert.xmpp.roster.RosterQuery}, {@link org.xmppcert.xmpp.roster.RosterPush}) and
 * the requests that carry them ({@link org.xmppcert.xmpp.roster.RosterRequests}), roster
 * versioning (RFC 6121 §2.6), and the {@link org.xmppcert.xmpp.roster.Roster} manager: a local
 * copy of the roster kept up to date by results and pushes, which acknowledges authorized pushes
 * and refuses the others (RFC 6121 §2.1.6).
 */
package org.xmppcert.xmpp.roster;
