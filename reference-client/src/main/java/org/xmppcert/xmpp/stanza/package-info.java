/**
 * Stanza-level building blocks shared by every protocol: stanza errors (RFC 6120 §8.3,
 * RFC 3920 §9.3).
 */
package org.xmppcert.xmpp.stanza;
