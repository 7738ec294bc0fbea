package org.xmppcert.reports.model;

/** The status of a requirement or of a scenario (DESIGN.md "Verdicts"). */
public enum Status {
    /** Observed and conforming. */
    PASS,
    /** Observed and violating, with the stanza that shows it. */
    FAIL,
    /** A SHOULD not met, or a RECOMMENDED feature absent. */
    WARN,
    /** An optional feature the target does not offer. */
    NOT_APPLICABLE,
    /** The harness could not judge (timeout, disconnect): never counted as a pass. */
    ERROR,
    /** In the catalog, no scenario judged it (yet, or in this run). */
    NOT_TESTED
}
