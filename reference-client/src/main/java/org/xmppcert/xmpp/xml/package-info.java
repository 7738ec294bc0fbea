/**
 * XML for XMPP streams: an immutable element tree, an incremental (non-blocking) stream
 * parser that enforces XMPP's restricted XML and size limits, and a serializer.
 *
 * <p>Specifications: RFC 6120 §11 "XML Usage" (restrictions, well-formedness, UTF-8, XML 1.0),
 * RFC 3920 §11; RFC 6120 §13.12 and XEP-0205 (stanza size and depth limits as a denial-of-service
 * defence).
 */
package org.xmppcert.xmpp.xml;
