package org.xmppcert.xmpp.message;

import java.util.Objects;

/**
 * The {@code <thread/>} of a message (RFC 6121 §5.2.5, RFC 3921 §2.1.2.3): an opaque identifier
 * of a conversation, compared only exactly (so the text is kept as received, whitespace
 * included), and the optional {@code parent} attribute of RFC 6121 naming the thread it is an
 * offshoot of. RFC 3921 did not allow any attribute on {@code <thread/>}.
 *
 * @param id the character data of the element
 * @param parent the {@code parent} attribute, or {@code null}
 */
public record MessageThread(String id, String parent) {
    public MessageThread {
        Objects.requireNonNull(id, "id");
    }

    /** A thread without a parent. */
    public static MessageThread of(String id) {
        return new MessageThread(id, null);
    }
}
