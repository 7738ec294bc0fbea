package org.xmppcert.reports.model;

import java.util.List;

/**
 * The outcome of one scenario.
 *
 * @param id the scenario's stable id
 * @param title a one-line description
 * @param spec the specification it belongs to, e.g. {@code RFC 3920}
 * @param status the worst status of its judgements (ERROR when it could not finish)
 * @param durationMs how long it ran
 * @param requirements the catalog ids it judges
 * @param message the summary: the first failure, or the error that stopped it
 * @param judgements one per requirement judged, in order
 * @param transcript the redacted wire transcript of all its sessions, in time order
 */
public record ScenarioResult(String id, String title, String spec, Status status, long durationMs,
        List<String> requirements, String message, List<Judgement> judgements, List<WireEntry> transcript) {
    public ScenarioResult {
        requirements = List.copyOf(requirements);
        judgements = List.copyOf(judgements);
        transcript = List.copyOf(transcript);
    }
}
