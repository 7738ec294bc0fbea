package org.xmppcert.xmpp.compress;

/**
 * The child of a {@code <failure xmlns='http://jabber.org/protocol/compress'/>} (XEP-0138 §2,
 * schema in §10.2).
 *
 * <p>The schema also allows a stanza error condition there (the {@code err:stanzaErrorGroup}
 * branch) and servers invent their own; both map to {@link #UNKNOWN}, and the element name
 * actually received is kept by {@link CompressionFailure#elementName()}.
 */
public enum CompressionFailureCondition {

    /** The requested method is unacceptable or unworkable (XEP-0138 §2 Example 4). */
    SETUP_FAILED("setup-failed"),

    /**
     * Compression broke after the compressed stream was established; sent inside a stream
     * error with {@code <undefined-condition/>} (XEP-0138 §2 Example 7).
     */
    PROCESSING_FAILED("processing-failed"),

    /** The receiving entity does not support the requested method (XEP-0138 §2 Example 3). */
    UNSUPPORTED_METHOD("unsupported-method"),

    /** Any other child element; see {@link CompressionFailure#elementName()} for its name. */
    UNKNOWN(null);

    private final String elementName;

    CompressionFailureCondition(String elementName) {
        this.elementName = elementName;
    }

    /**
     * The element name defined by XEP-0138 §2, e.g. {@code setup-failed}.
     *
     * @throws IllegalStateException for {@link #UNKNOWN}, which has no name of its own: ask
     *     the {@link CompressionFailure} for the name that was received
     */
    public String elementName() {
        if (elementName == null) {
            throw new IllegalStateException(
                    "UNKNOWN has no element name; CompressionFailure.elementName() keeps the one received");
        }
        return elementName;
    }

    /** The condition for a received element name; {@link #UNKNOWN} for anything not in §2. */
    public static CompressionFailureCondition fromElementName(String name) {
        for (CompressionFailureCondition condition : values()) {
            if (condition.elementName != null && condition.elementName.equals(name)) {
                return condition;
            }
        }
        return UNKNOWN;
    }
}
