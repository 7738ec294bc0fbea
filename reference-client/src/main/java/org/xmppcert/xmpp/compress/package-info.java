/**
 * XEP-0138 Stream Compression (zlib), negotiated after SASL per XEP-0170.
 *
 * <p>XEP-0170 §2.2 recommends the order TLS, SASL, stream compression, resource binding:
 * compressing only after authentication keeps an unauthenticated peer from making the
 * server spend memory on compression state. XEP-0138 §4 makes zlib (RFC 1950) the one
 * mandatory method; {@code lzw} (XEP-0229) is recognised by name and not implemented.
 *
 * <p>What lives here:
 * <ul>
 *   <li>{@link org.xmppcert.xmpp.compress.CompressionNegotiation}: which method to ask for,
 *       given the {@code <compression/>} stream feature (XEP-0138 §2);</li>
 *   <li>{@link org.xmppcert.xmpp.compress.CompressionFailure}: a {@code <failure/>} answer
 *       (XEP-0138 §2, Examples 3, 4 and 7);</li>
 *   <li>{@link org.xmppcert.xmpp.compress.ZlibCompressionFilter}: the MINA filter that
 *       compresses and inflates the bytes of the new stream once {@code <compressed/>} was
 *       received.</li>
 * </ul>
 *
 * <p>Sending {@code <compress/>}, reading the answer and restarting the stream belong to the
 * session layer; this package only supplies the pieces it needs.
 */
package org.xmppcert.xmpp.compress;
