package org.xmppcert.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xmppcert.harness.run.Fixtures.judgement;
import static org.xmppcert.harness.run.Fixtures.req;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xmppcert.reports.model.Status;
import org.xmppcert.reports.model.Verdict;
import org.xmppcert.scenarios.catalog.Level;
import org.xmppcert.scenarios.catalog.Requirement;
import org.xmppcert.scenarios.catalog.SpecLevel;

/** One test per rule of the design's "Verdict aggregation". */
class VerdictCalculatorTest {

    private static Status status(Level level, Status... judged) {
        return VerdictCalculator.requirementStatus(level, java.util.Arrays.stream(judged)
                .map(s -> judgement("r", s)).toList());
    }

    @Test
    void anyFailIsAFail() {
        assertThat(status(Level.MUST, Status.PASS, Status.FAIL, Status.ERROR)).isEqualTo(Status.FAIL);
        assertThat(status(Level.MUST_NOT, Status.FAIL)).isEqualTo(Status.FAIL);
    }

    @Test
    void aFailOfAShouldIsAWarn() {
        assertThat(status(Level.SHOULD, Status.PASS, Status.FAIL)).isEqualTo(Status.WARN);
        assertThat(status(Level.SHOULD_NOT, Status.FAIL, Status.ERROR)).isEqualTo(Status.WARN);
    }

    @Test
    void elseAnyErrorIsAnError() {
        assertThat(status(Level.MUST, Status.PASS, Status.ERROR, Status.WARN)).isEqualTo(Status.ERROR);
    }

    @Test
    void elseAnyWarnIsAWarn() {
        assertThat(status(Level.MUST, Status.PASS, Status.WARN, Status.NOT_APPLICABLE)).isEqualTo(Status.WARN);
    }

    @Test
    void elseAnyPassIsAPass() {
        assertThat(status(Level.MUST, Status.NOT_APPLICABLE, Status.PASS)).isEqualTo(Status.PASS);
    }

    @Test
    void allNotApplicableIsNotApplicable() {
        assertThat(status(Level.MAY, Status.NOT_APPLICABLE, Status.NOT_APPLICABLE)).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void noJudgementIsNotTested() {
        assertThat(status(Level.MUST)).isEqualTo(Status.NOT_TESTED);
    }

    @Test
    void aRecommendedSpecEntirelyNotApplicableIsAbsent() {
        assertThat(VerdictCalculator.recommendedAbsent(SpecLevel.RECOMMENDED,
                List.of(Status.NOT_APPLICABLE, Status.NOT_TESTED, Status.NOT_APPLICABLE))).isTrue();
        assertThat(VerdictCalculator.recommendedAbsent(SpecLevel.RECOMMENDED,
                List.of(Status.NOT_APPLICABLE, Status.PASS))).isFalse();
        assertThat(VerdictCalculator.recommendedAbsent(SpecLevel.RECOMMENDED, List.of(Status.NOT_TESTED)))
                .as("nothing judged is not absence").isFalse();
        assertThat(VerdictCalculator.recommendedAbsent(SpecLevel.REQUIRED, List.of(Status.NOT_APPLICABLE)))
                .isFalse();
    }

    private static Verdict verdict(Object... reqAndStatus) {
        Map<Requirement, Status> m = new LinkedHashMap<>();
        for (int i = 0; i < reqAndStatus.length; i += 2) {
            m.put((Requirement) reqAndStatus[i], (Status) reqAndStatus[i + 1]);
        }
        return VerdictCalculator.verdict(Fixtures.PROFILE, m);
    }

    @Test
    void compliantWhenEveryJudgedMustOfARequiredSpecPassesOrIsNotApplicable() {
        assertThat(verdict(req("a", "RFC 3920", Level.MUST), Status.PASS,
                req("b", "RFC 3921", Level.MUST_NOT), Status.NOT_APPLICABLE,
                req("c", "RFC 3920", Level.MUST), Status.NOT_TESTED)).isEqualTo(Verdict.COMPLIANT);
    }

    @Test
    void aFailOrAnErrorOfAMustIsNotCompliant() {
        assertThat(verdict(req("a", "RFC 3920", Level.MUST), Status.PASS, req("b", "RFC 3920", Level.MUST),
                Status.FAIL)).isEqualTo(Verdict.NOT_COMPLIANT);
        assertThat(verdict(req("a", "RFC 3920", Level.MUST), Status.PASS, req("b", "RFC 3921", Level.MUST_NOT),
                Status.ERROR)).isEqualTo(Verdict.NOT_COMPLIANT);
    }

    @Test
    void shouldsAndRecommendedSpecsDoNotDecideTheVerdict() {
        assertThat(verdict(req("a", "RFC 3920", Level.MUST), Status.PASS,
                req("b", "RFC 3920", Level.SHOULD), Status.WARN,
                req("c", "RFC 3920", Level.MAY), Status.ERROR,
                req("d", "XEP-0138", Level.MUST), Status.FAIL)).isEqualTo(Verdict.COMPLIANT);
    }

    @Test
    void nothingJudgedCertifiesNothing() {
        assertThat(verdict(req("a", "RFC 3920", Level.MUST), Status.NOT_TESTED)).isEqualTo(Verdict.NOT_COMPLIANT);
    }
}
