package org.xmppcert.xmpp.subscription;

/**
 * How strongly a rule binds (RFC 2119), as the state tables of RFC 6121 Appendix A write it
 * ("MUST", "S.N." for SHOULD NOT, "M.N." for MUST NOT). A harness turns a broken MUST or MUST NOT
 * into a failure and a broken SHOULD or SHOULD NOT into a warning.
 */
public enum Obligation {
    MUST, SHOULD, MAY, SHOULD_NOT, MUST_NOT;

    /** Whether the action is expected (MUST or SHOULD). */
    public boolean expected() {
        return this == MUST || this == SHOULD;
    }

    /** Whether the action is unwelcome (SHOULD NOT or MUST NOT). */
    public boolean unwelcome() {
        return this == SHOULD_NOT || this == MUST_NOT;
    }

    /** Whether breaking it is a failure rather than a warning (MUST or MUST NOT). */
    public boolean absolute() {
        return this == MUST || this == MUST_NOT;
    }
}
