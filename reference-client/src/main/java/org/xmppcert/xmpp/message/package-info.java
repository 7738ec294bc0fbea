/**
 * Messages (RFC 3921 §2.1 and §4, restated by RFC 6121 §5): the {@link org.xmppcert.xmpp.message.Message}
 * value with its types, language alternatives of body and subject, and thread, built and parsed
 * step by step; and {@link org.xmppcert.xmpp.message.Messages}, the per-session manager that
 * sends them, lets listeners observe them and waits, bounded, for the next one that matches.
 */
package org.xmppcert.xmpp.message;
