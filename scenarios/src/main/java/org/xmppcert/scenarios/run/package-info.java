/**
 * Running one scenario against a target: {@link org.xmppcert.scenarios.run.ScenarioExecution}, the
 * {@link org.xmppcert.scenarios.spi.ScenarioContext} that opens the sessions, collects the
 * transcript and the judgements and closes everything, and its
 * {@link org.xmppcert.scenarios.run.ScenarioOutcome}.
 */
package org.xmppcert.scenarios.run;
