package org.xmppcert.xmpp.roster;

import java.util.Optional;

/**
 * The {@code ask} attribute of a roster item (RFC 3921 §8.2, RFC 6121 §2.1.2.2): the "Pending
 * Out" sub-state, a subscription request the user sent that the contact has not answered. Its
 * only defined value is {@code subscribe} (the schemas of RFC 3921 Appendix B.5 and RFC 6121
 * Appendix D). Only the server sets it: a client MUST NOT include it in a roster set.
 */
public enum Ask {
    SUBSCRIBE;

    /** The attribute value, {@code subscribe}. */
    public String value() {
        return "subscribe";
    }

    /** The value named by an attribute, empty when absent or not defined. */
    public static Optional<Ask> of(String value) {
        return "subscribe".equals(value) ? Optional.of(SUBSCRIBE) : Optional.empty();
    }
}
