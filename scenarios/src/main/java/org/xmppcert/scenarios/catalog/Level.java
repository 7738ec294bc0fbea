package org.xmppcert.scenarios.catalog;

/** The RFC 2119 keyword of a normative statement. */
public enum Level {
    MUST, MUST_NOT, SHOULD, SHOULD_NOT, MAY;

    /** Whether not meeting it is a violation (MUST, MUST NOT) rather than a warning (SHOULD…). */
    public boolean isMandatory() {
        return this == MUST || this == MUST_NOT;
    }

    /** Whether it is a recommendation (SHOULD, SHOULD NOT): not meeting it is a WARN. */
    public boolean isRecommendation() {
        return this == SHOULD || this == SHOULD_NOT;
    }

    /** As RFC 2119 writes it, e.g. {@code MUST NOT}. */
    public String keyword() {
        return name().replace('_', ' ');
    }
}
