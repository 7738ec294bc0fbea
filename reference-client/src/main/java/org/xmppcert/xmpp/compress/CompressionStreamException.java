package org.xmppcert.xmpp.compress;

import java.io.IOException;

/**
 * The compressed stream from the peer cannot be inflated: corrupt zlib data, a preset
 * dictionary XEP-0138 never defines, or data after the peer ended its zlib stream.
 *
 * <p>{@link ZlibCompressionFilter} fires this through {@code exceptionCaught} once and then
 * ignores whatever the peer sends. It does not close the session: XEP-0138 §2 (Example 7)
 * says the entity that detects the error SHOULD send a stream error carrying
 * {@code <processing-failed/>} and close the stream, and the outbound direction still
 * compresses, so the session layer can do exactly that.
 */
public final class CompressionStreamException extends IOException {

    private static final long serialVersionUID = 1L;

    static final String PREFIX = "zlib data error from peer: ";

    CompressionStreamException(String detail) {
        super(PREFIX + detail);
    }

    CompressionStreamException(String detail, Throwable cause) {
        super(PREFIX + detail, cause);
    }

    /** The condition to report in the stream error, per XEP-0138 §2 Example 7. */
    public CompressionFailureCondition failureCondition() {
        return CompressionFailureCondition.PROCESSING_FAILED;
    }
}
