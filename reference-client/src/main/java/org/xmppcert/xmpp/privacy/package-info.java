/**
 * Privacy lists (RFC 3921 §10, later XEP-0016; RFC 6121 dropped them): the typed model
 * ({@link org.xmppcert.xmpp.privacy.PrivacyList}, {@link org.xmppcert.xmpp.privacy.PrivacyItem}),
 * the IQ stanzas of every use case built and read step by step
 * ({@link org.xmppcert.xmpp.privacy.PrivacyIq}), and the per-session manager
 * {@link org.xmppcert.xmpp.privacy.PrivacyLists} which also acknowledges the server's privacy
 * list pushes (§10.2 rule 10, §10.6).
 */
package org.xmppcert.xmpp.privacy;
