package org.xmppcert.xmpp.stream;

import java.util.Objects;
import org.xmppcert.xmpp.xml.Element;

/**
 * A stream error (RFC 6120 §4.9.2, RFC 3920 §4.7.2): a defined condition, an optional
 * human-readable text with its language, and an optional application-specific condition.
 *
 * @param condition the defined condition, {@link StreamErrorCondition#UNKNOWN} when none matched
 * @param conditionName the element name as received (or sent), even when unknown; {@code null}
 *        when the error carried no condition element at all
 * @param text the {@code <text/>} content, or {@code null}
 * @param textLang the {@code xml:lang} of the text, or {@code null}
 * @param applicationCondition an element in another namespace, or {@code null}
 * @param element the whole {@code <stream:error/>} element
 */
public record StreamError(StreamErrorCondition condition, String conditionName, String text, String textLang,
        Element applicationCondition, Element element) {

    public StreamError {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(element, "element");
    }

    /** Whether an element is a stream error. */
    public static boolean isStreamError(Element e) {
        return e.is("error", XmppNamespaces.STREAMS);
    }

    /** Reads a received {@code <stream:error/>}. */
    public static StreamError parse(Element error) {
        ErrorElementParts parts = ErrorElementParts.of(error, XmppNamespaces.STREAM_ERRORS);
        StreamErrorCondition c = parts.conditionName() == null ? StreamErrorCondition.UNKNOWN
                : StreamErrorCondition.fromElementName(parts.conditionName());
        return new StreamError(c, parts.conditionName(), parts.text(), parts.textLang(), parts.applicationCondition(),
                error);
    }

    /** A stream error to send, with an optional English text. */
    public static StreamError of(StreamErrorCondition condition, String text) {
        if (condition == StreamErrorCondition.UNKNOWN) {
            throw new IllegalArgumentException("cannot send an unknown condition");
        }
        Element.Builder b = Element.builder("error", XmppNamespaces.STREAMS).prefix("stream")
                .child(Element.of(condition.elementName(), XmppNamespaces.STREAM_ERRORS));
        if (text != null) {
            b.child(Element.builder("text", XmppNamespaces.STREAM_ERRORS).lang("en").text(text).build());
        }
        return new StreamError(condition, condition.elementName(), text, text == null ? null : "en", null, b.build());
    }

    /** One line for a report: the condition and the text, if any. */
    public String describe() {
        String name = conditionName == null ? "(no condition)" : conditionName;
        return text == null || text.isBlank() ? name : name + ": " + text;
    }
}
