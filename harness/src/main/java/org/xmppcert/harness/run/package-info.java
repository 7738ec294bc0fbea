/**
 * Running scenarios against a server: the target ({@code Target}), accounts per scenario
 * ({@code RegisteringAccountProvider}: XEP-0077 fresh accounts; {@code PoolAccountProvider}:
 * given accounts, restored after use), the check before the first scenario ({@code Preflight},
 * XEP-0092 for the server's software), and the aggregation of results into the report
 * ({@code VerdictCalculator}, {@code ReportBuilder}; a scenario's own result is
 * {@code ScenarioOutcome.toResult}) by the rules of the harness design's "Verdict aggregation".
 */
package org.xmppcert.harness.run;
