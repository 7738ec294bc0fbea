package org.xmppcert.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xmppcert.harness.run.Fixtures.judgement;
import static org.xmppcert.harness.run.Fixtures.req;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xmppcert.reports.model.Judgement;
import org.xmppcert.reports.model.Report;
import org.xmppcert.reports.model.RequirementResult;
import org.xmppcert.reports.model.ScenarioResult;
import org.xmppcert.reports.model.Status;
import org.xmppcert.reports.model.Target;
import org.xmppcert.reports.model.Verdict;
import org.xmppcert.scenarios.catalog.Level;
import org.xmppcert.scenarios.catalog.Requirement;

class ReportBuilderTest {
    private static final List<Requirement> IN_SCOPE = List.of(
            req("R1-must", "RFC 3920", Level.MUST),
            req("R1-should", "RFC 3920", Level.SHOULD),
            req("R2-must", "RFC 3921", Level.MUST),
            req("R2-untested", "RFC 3921", Level.MUST),
            req("C-may", "XEP-0138", Level.MAY),
            req("C-should", "XEP-0138", Level.SHOULD));

    private static ScenarioResult scenario(String id, Judgement... js) {
        return new ScenarioResult(id, "title " + id, "RFC 3920", org.xmppcert.scenarios.run.ScenarioOutcome.worst(List.of(js)), 5,
                java.util.Arrays.stream(js).map(Judgement::requirement).toList(), null, List.of(js), List.of());
    }

    private static Report build(ScenarioResult... results) {
        return new ReportBuilder(Fixtures.PROFILE, IN_SCOPE).version("1.0")
                .target(new Target("server", "example.com", "127.0.0.1", 5222, null))
                .timing(Instant.parse("2026-01-01T00:00:00Z"), 1234).complete(true)
                .addAll(List.of(results)).build();
    }

    private static RequirementResult get(Report r, String id) {
        return r.requirements().stream().filter(q -> q.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void everyRequirementInScopeWithItsStatusAndTheScenariosThatJudgedIt() {
        Report r = build(
                scenario("s1", judgement("R1-must", Status.PASS), judgement("R1-should", Status.FAIL)),
                scenario("s2", judgement("R1-must", Status.PASS), judgement("R2-must", Status.PASS)),
                scenario("s3", judgement("C-may", Status.NOT_APPLICABLE), judgement("C-should", Status.NOT_APPLICABLE)),
                scenario("s4", judgement("not-in-scope", Status.FAIL)));
        assertThat(r.requirements()).extracting(RequirementResult::id).containsExactly("R1-must", "R1-should",
                "R2-must", "R2-untested", "C-may", "C-should");
        assertThat(get(r, "R1-must").scenarios()).containsExactly("s1", "s2");
        assertThat(get(r, "R1-must").status()).isEqualTo(Status.PASS);
        assertThat(get(r, "R1-should").status()).as("a FAIL of a SHOULD").isEqualTo(Status.WARN);
        assertThat(get(r, "R2-untested").status()).isEqualTo(Status.NOT_TESTED);
        assertThat(get(r, "R2-untested").scenarios()).isEmpty();
        assertThat(get(r, "C-may").status()).as("RECOMMENDED spec entirely absent").isEqualTo(Status.WARN);
        assertThat(get(r, "C-should").status()).isEqualTo(Status.WARN);
        assertThat(get(r, "R1-must").level()).isEqualTo("MUST");
        assertThat(get(r, "R1-must").subject()).isEqualTo("server");
        assertThat(r.counts()).containsEntry(Status.PASS, 2).containsEntry(Status.WARN, 3)
                .containsEntry(Status.NOT_TESTED, 1).containsEntry(Status.FAIL, 0).hasSize(Status.values().length);
        assertThat(r.verdict()).isEqualTo(Verdict.COMPLIANT);
        assertThat(r.scenarios()).hasSize(4);
        assertThat(r.tool()).isEqualTo("xmppcert");
        assertThat(r.durationMs()).isEqualTo(1234);
        assertThat(r.target().domain()).isEqualTo("example.com");
        assertThat(r.profile()).isEqualTo("test-profile");
    }

    @Test
    void aRecommendedSpecPartlyPresentKeepsItsStatuses() {
        Report r = build(scenario("s", judgement("R1-must", Status.PASS), judgement("C-may", Status.PASS),
                judgement("C-should", Status.NOT_APPLICABLE)));
        assertThat(get(r, "C-should").status()).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void aFailedMustIsNotCompliant() {
        Report r = build(scenario("s", judgement("R1-must", Status.PASS), judgement("R2-must", Status.FAIL)));
        assertThat(r.verdict()).isEqualTo(Verdict.NOT_COMPLIANT);
        assertThat(r.counts()).containsEntry(Status.FAIL, 1);
    }
}
