/**
 * XEP-0115 Entity Capabilities: our own {@code ver} (§5.1, {@link
 * org.xmppcert.xmpp.caps.VerificationString}) and caps node, the {@code <c/>} element for
 * presence ({@link org.xmppcert.xmpp.caps.Caps}), and the verification of others' caps (§5.4,
 * {@link org.xmppcert.xmpp.caps.CapsVerifier}) with a bounded cache of verified {@code ver}s
 * ({@link org.xmppcert.xmpp.caps.CapsCache}); {@link org.xmppcert.xmpp.caps.EntityCapabilities}
 * ties them to a session. The legacy format (§13) is recognised, never verified.
 */
package org.xmppcert.xmpp.caps;
