package org.xmppcert.xmpp.jid;

import java.util.Objects;

/**
 * A string is not a valid JID, or a part is not a valid JID part (RFC 3920 §3; on the
 * wire a server answers such an address with {@code <jid-malformed/>}, RFC 6120
 * §8.3.3.8).
 *
 * <p>The message names the rule that was broken and quotes the offending input: JIDs are
 * addresses, not secrets. Control and format characters in the quote are shown as
 * {@code <U+XXXX>} so that the message can go into any report as it is.
 */
public final class InvalidJidException extends IllegalArgumentException {

    /** The part that broke a rule. */
    private final JidPart part;

    InvalidJidException(JidPart part, String message) {
        this(part, message, null);
    }

    InvalidJidException(JidPart part, String message, Throwable cause) {
        super(message, cause);
        this.part = Objects.requireNonNull(part, "part");
    }

    /**
     * Which part of the JID broke a rule.
     *
     * @return the part, {@link JidPart#WHOLE} when the JID as a whole is at fault
     */
    public JidPart part() {
        return part;
    }

    /** The same failure, with the whole JID it came from put in front of the message. */
    InvalidJidException in(String jid) {
        return new InvalidJidException(part, Quoting.quote(jid) + " is not a valid JID: " + getMessage(), getCause());
    }
}
