package org.xmppcert.reports.model;

import java.time.Instant;

/**
 * One line of a scenario's transcript, already redacted by the reference client.
 *
 * @param time when it happened
 * @param actor which session of the scenario, e.g. {@code alice/1}
 * @param direction {@code IN}, {@code OUT} or {@code EVENT}
 * @param text the XML or the event
 * @param offending whether this is the stanza a FAIL points at
 */
public record WireEntry(Instant time, String actor, String direction, String text, boolean offending) {
}
