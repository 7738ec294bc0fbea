package org.xmppcert.reports.model;

/**
 * What one expectation of a scenario concluded about one requirement.
 *
 * @param requirement the catalog id judged
 * @param status PASS, FAIL, WARN, NOT_APPLICABLE or ERROR
 * @param message what was expected and what happened, in words
 * @param expected the stanza the scenario expected (a pattern), or {@code null}
 * @param observed the stanza that shows the verdict (the offending one for a FAIL), or {@code null}
 */
public record Judgement(String requirement, Status status, String message, String expected, String observed) {
}
