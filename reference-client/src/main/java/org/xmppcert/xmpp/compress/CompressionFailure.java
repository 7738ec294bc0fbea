package org.xmppcert.xmpp.compress;

import java.util.Objects;
import java.util.Optional;

/**
 * The receiving entity answered {@code <compress/>} with {@code <failure/>} (XEP-0138 §2
 * Examples 3 and 4), or closed the compressed stream with {@code <processing-failed/>}
 * (Example 7).
 *
 * <p>A negotiation failure is not fatal: XEP-0138 §2 says it SHOULD NOT result in a stream
 * error and the initiating entity may retry. That is why this is a checked exception the
 * session layer must decide about, not a stream-ending error.
 */
public final class CompressionFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final CompressionFailureCondition condition;
    private final String elementName;
    private final String text;

    /**
     * A failure whose condition element had this name; unknown names are kept as they were.
     *
     * @param elementName local name of the child of {@code <failure/>}
     * @param text the optional {@code <text/>} (XEP-0138 §10.2), or {@code null}
     */
    public CompressionFailure(String elementName, String text) {
        super(describe(elementName, text));
        this.elementName = Objects.requireNonNull(elementName, "elementName");
        this.condition = CompressionFailureCondition.fromElementName(elementName);
        this.text = text;
    }

    /**
     * A failure with one of the conditions of XEP-0138 §2.
     *
     * @throws IllegalArgumentException for {@link CompressionFailureCondition#UNKNOWN}: use
     *     the constructor that takes the element name instead
     */
    public CompressionFailure(CompressionFailureCondition condition, String text) {
        this(knownName(condition), text);
    }

    public CompressionFailureCondition condition() {
        return condition;
    }

    /** The local name of the condition element as received, also for {@code UNKNOWN}. */
    public String elementName() {
        return elementName;
    }

    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    private static String knownName(CompressionFailureCondition condition) {
        if (Objects.requireNonNull(condition, "condition") == CompressionFailureCondition.UNKNOWN) {
            throw new IllegalArgumentException("UNKNOWN needs the element name that was received");
        }
        return condition.elementName();
    }

    private static String describe(String elementName, String text) {
        String base = "compression failure <" + elementName + "/>";
        return text == null ? base : base + ": " + text;
    }
}
