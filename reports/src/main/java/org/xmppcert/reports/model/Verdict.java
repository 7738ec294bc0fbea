package org.xmppcert.reports.model;

/**
 * The profile verdict: COMPLIANT only when every MUST of a REQUIRED specification that was
 * judged is PASS and none is ERROR (DESIGN.md "Verdicts").
 */
public enum Verdict {
    COMPLIANT,
    NOT_COMPLIANT
}
