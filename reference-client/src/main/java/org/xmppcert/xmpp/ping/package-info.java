/**
 * XEP-0199 XMPP Ping: the responder every session can install (an {@code urn:xmpp:ping} get is
 * answered with an empty result, §4.1/§4.4, and the feature is advertised, §5), the requester
 * measuring a round trip or reporting the typed error, and the round-trip barrier with which the
 * harness closes "nothing more arrives" checks (RFC 6120 §10.1 in-order processing).
 */
package org.xmppcert.xmpp.ping;
