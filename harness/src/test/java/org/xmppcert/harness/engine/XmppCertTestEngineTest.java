package org.xmppcert.harness.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.xmppcert.reports.model.ScenarioResult;
import org.xmppcert.reports.model.Software;
import org.xmppcert.reports.model.Status;
import org.xmppcert.scenarios.catalog.Subject;

/** The engine end to end with scenarios that judge without a network (EngineTestKit). */
class XmppCertTestEngineTest {
    private static final UniqueId ENGINE = UniqueId.forEngine(Constants.ENGINE_ID);
    private static final Software SOFTWARE = new Software("TestServer", "1.0", null);

    private static final List<TestScenarios.Scenario> MIXED = List.of(
            TestScenarios.judging("passes", "RFC 3920", "R-pass", Status.PASS),
            TestScenarios.judging("fails", "RFC 3920", "R-fail", Status.FAIL),
            TestScenarios.judging("not-applicable", "RFC 3921", "R-na", Status.NOT_APPLICABLE),
            TestScenarios.of("errs", "RFC 3921", "R-error", c -> {
                throw new IllegalStateException("the server closed the stream");
            }),
            TestScenarios.judging("warns", "XEP-0138", "R-warn", Status.WARN),
            new TestScenarios.Scenario("client-side", "RFC 3920", Subject.CLIENT, List.of(), List.of("R-pass"),
                    c -> { }),
            TestScenarios.judging("other-spec", "XEP-9999", "R-pass", Status.PASS));

    @AfterEach
    void reset() {
        RunControl.reset();
    }

    private static EngineTestKit.Builder kit(List<? extends org.xmppcert.scenarios.spi.ScenarioDefinition> scenarios,
            String unusable) {
        return EngineTestKit.engine(new XmppCertTestEngine(TestScenarios.source(scenarios),
                s -> TestScenarios.backend(SOFTWARE, unusable)));
    }

    private static EngineTestKit.Builder configured(EngineTestKit.Builder kit) {
        return kit.configurationParameter(Constants.DOMAIN, "test.example")
                .configurationParameter(Constants.REGISTER, "true");
    }

    @Test
    void discoveryBuildsProfileSpecScenarioFromTheCatalogAndTheLibrary() {
        TestDescriptor root = new XmppCertTestEngine(TestScenarios.source(MIXED), s -> null)
                .discover(LauncherDiscoveryRequestBuilder.request().selectors(selectUniqueId(ENGINE)).build(), ENGINE);
        assertThat(root.getChildren()).singleElement().satisfies(profile -> {
            assertThat(profile).isInstanceOf(ProfileDescriptor.class);
            assertThat(profile.getUniqueId()).isEqualTo(ENGINE.append("profile", "basic-client-2008"));
            assertThat(profile.getChildren()).extracting(TestDescriptor::getDisplayName)
                    .containsExactly("RFC 3920 (REQUIRED)", "RFC 3921 (REQUIRED)", "XEP-0138 (RECOMMENDED)");
        });
        assertThat(root.getDescendants()).filteredOn(d -> d instanceof ScenarioDescriptor)
                .extracting(d -> d.getUniqueId().getLastSegment().getValue())
                .as("server scenarios of the profile's specs only")
                .containsExactly("passes", "fails", "not-applicable", "errs", "warns");
        ScenarioDescriptor passes = (ScenarioDescriptor) root.findByUniqueId(ENGINE.append("profile",
                "basic-client-2008").append("spec", "RFC 3920").append("scenario", "passes")).orElseThrow();
        assertThat(passes.getType()).isEqualTo(TestDescriptor.Type.TEST);
        assertThat(passes.getDisplayName()).isEqualTo("the scenario passes");
        assertThat(passes.getTags()).extracting(t -> t.getName()).containsExactly("R-pass");
        assertThat(passes.getSource()).isPresent();
    }

    @Test
    void scenarioStatusesBecomeTestResults() {
        EngineExecutionResults r = configured(kit(MIXED, null)).selectors(selectUniqueId(ENGINE)).execute();
        r.testEvents().assertStatistics(s -> s.started(5).succeeded(2).failed(2).aborted(1).skipped(0));
        r.testEvents().assertThatEvents()
                .haveExactly(1, event(test("passes"), finishedSuccessfully()))
                .haveExactly(1, event(test("warns"), finishedSuccessfully()))
                .haveExactly(1, event(test("fails"), finishedWithFailure(instanceOf(AssertionError.class),
                        message(m -> m.startsWith("R-fail: FAIL on purpose")))))
                .haveExactly(1, event(test("errs"), finishedWithFailure(
                        message(m -> m.contains("the server closed the stream")))))
                .haveExactly(1, event(test("not-applicable"), abortedWithReason(
                        message(m -> m.contains("not applicable")))));
        r.containerEvents().assertStatistics(s -> s.started(5).succeeded(5));
    }

    @Test
    void eachScenarioPublishesItsResultAndTheEngineTheTarget() {
        EngineExecutionResults r = configured(kit(MIXED, null)).selectors(selectUniqueId(ENGINE)).execute();
        List<ScenarioResult> results = r.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow())
                .flatMap(e -> OutcomeChannel.scenarioOf(e).stream()).toList();
        assertThat(results).extracting(ScenarioResult::id, ScenarioResult::status).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("passes", Status.PASS),
                org.assertj.core.groups.Tuple.tuple("fails", Status.FAIL),
                org.assertj.core.groups.Tuple.tuple("not-applicable", Status.NOT_APPLICABLE),
                org.assertj.core.groups.Tuple.tuple("errs", Status.ERROR),
                org.assertj.core.groups.Tuple.tuple("warns", Status.WARN));
        ScenarioResult errs = results.stream().filter(s -> s.id().equals("errs")).findFirst().orElseThrow();
        assertThat(errs.judgements()).singleElement().satisfies(j -> {
            assertThat(j.status()).isEqualTo(Status.ERROR);
            assertThat(j.message()).contains("not reached");
        });
        ScenarioResult passes = results.stream().filter(s -> s.id().equals("passes")).findFirst().orElseThrow();
        assertThat(passes.transcript()).isNotEmpty();
        assertThat(r.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow())
                .flatMap(e -> OutcomeChannel.targetOf(e).stream()))
                .singleElement().satisfies(t -> {
                    assertThat(t.domain()).isEqualTo("test.example");
                    assertThat(t.software()).isEqualTo(SOFTWARE);
                });
    }

    @Test
    void withoutATargetEveryScenarioIsSkippedWithTheReason() {
        EngineExecutionResults r = kit(MIXED, null).selectors(selectUniqueId(ENGINE)).execute();
        r.testEvents().assertStatistics(s -> s.skipped(5).started(0));
        r.testEvents().assertThatEvents().allMatch(e -> e.getPayload(String.class)
                .map(m -> m.contains("no target configured") && m.contains(Constants.DOMAIN)).orElse(false));
        r.allEvents().assertThatEvents().haveExactly(1, event(
                org.junit.platform.testkit.engine.EventConditions.engine(), finishedSuccessfully()));
    }

    @Test
    void anUnusableTargetRunsNothingAndSaysWhy() {
        EngineExecutionResults r = configured(kit(MIXED, "connection refused")).selectors(selectUniqueId(ENGINE))
                .execute();
        r.testEvents().assertStatistics(s -> s.skipped(5).started(0));
        assertThat(r.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow())
                .flatMap(e -> OutcomeChannel.value(e, OutcomeChannel.UNUSABLE).stream()))
                .containsExactly("connection refused");
    }

    @Test
    void aBadParameterFailsTheEngineWithItsName() {
        EngineExecutionResults r = configured(kit(MIXED, null)).configurationParameter(Constants.PARALLEL, "many")
                .selectors(selectUniqueId(ENGINE)).execute();
        r.allEvents().assertThatEvents().haveExactly(1, event(org.junit.platform.testkit.engine.EventConditions.engine(),
                finishedWithFailure(message(m -> m.contains(Constants.PARALLEL)))));
    }

    @Test
    void onlyFiltersByScenarioId() {
        EngineExecutionResults r = configured(kit(MIXED, null)).configurationParameter(Constants.ONLY, "pass*,warns")
                .selectors(selectUniqueId(ENGINE)).execute();
        r.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
    }

    @Test
    void aUniqueIdSelectsASpecOrOneScenario() {
        UniqueId spec = ENGINE.append("profile", "basic-client-2008").append("spec", "RFC 3921");
        configured(kit(MIXED, null)).selectors(selectUniqueId(spec)).execute().testEvents()
                .assertStatistics(s -> s.started(2));
        configured(kit(MIXED, null)).selectors(selectUniqueId(spec.append("scenario", "errs"))).execute()
                .testEvents().assertStatistics(s -> s.started(1).failed(1));
    }

    @Test
    void aScenarioFileOrADirectoryOfThemCanBeSelectedAsAClasspathResource() {
        configured(kit(MIXED, null)).selectors(selectClasspathResource("scenarios/test/fails.xml")).execute()
                .testEvents().assertStatistics(s -> s.started(1).failed(1));
        configured(kit(MIXED, null)).selectors(selectClasspathResource("/scenarios/test/")).execute()
                .testEvents().assertStatistics(s -> s.started(5));
        configured(kit(MIXED, null)).selectors(selectClasspathResource("scenarios/tes")).execute()
                .testEvents().assertStatistics(s -> s.started(0));
    }

    @Test
    void classSelectorsAreOtherEnginesBusiness() {
        configured(kit(MIXED, null)).selectors(selectClass(XmppCertTestEngineTest.class)).execute().allEvents()
                .assertStatistics(s -> s.started(1).finished(1));
    }

    @Test
    void scenariosRunInParallelWhenAsked() {
        CountDownLatch allRunning = new CountDownLatch(4);
        List<TestScenarios.Scenario> together = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> TestScenarios.of("together-" + i, "RFC 3920", "R-pass", c -> {
                    allRunning.countDown();
                    // passes only when the four run at the same time; bounded, never a hang
                    boolean met = allRunning.await(10, TimeUnit.SECONDS);
                    c.judge("R-pass", met ? Status.PASS : Status.FAIL, "met: " + met,
                            org.xmppcert.xmpp.xml.Element.of("iq", "jabber:client"));
                })).toList();
        configured(kit(together, null)).configurationParameter(Constants.PARALLEL, "4")
                .selectors(selectUniqueId(ENGINE)).execute().testEvents()
                .assertStatistics(s -> s.started(4).succeeded(4));
    }

    @Test
    void afterAStopNoScenarioStartsAndTheRunIsIncomplete() {
        List<TestScenarios.Scenario> stopping = List.of(
                TestScenarios.of("first", "RFC 3920", "R-pass", c -> {
                    RunControl.requestStop();
                    c.judge("R-pass", Status.PASS, "ok", org.xmppcert.xmpp.xml.Element.of("iq", "jabber:client"));
                }),
                TestScenarios.judging("second", "RFC 3920", "R-fail", Status.PASS),
                TestScenarios.judging("third", "RFC 3921", "R-na", Status.PASS));
        EngineExecutionResults r = configured(kit(stopping, null)).selectors(selectUniqueId(ENGINE)).execute();
        r.testEvents().assertStatistics(s -> s.started(1).succeeded(1).skipped(2));
        r.testEvents().assertThatEvents().haveExactly(2, event(skippedWithReason(m -> m.startsWith("not run"))));
        assertThat(r.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow())
                .flatMap(e -> OutcomeChannel.value(e, OutcomeChannel.COMPLETE).stream())).containsExactly("false");
    }

    @Test
    void pastTheDeadlineNoScenarioStarts() {
        List<TestScenarios.Scenario> slow = List.of(
                TestScenarios.of("slow", "RFC 3920", "R-pass", c -> {
                    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(60);
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait(); // outlives the 50 ms deadline, a condition and not a sleep
                    }
                    c.judge("R-pass", Status.PASS, "ok", org.xmppcert.xmpp.xml.Element.of("iq", "jabber:client"));
                }),
                TestScenarios.judging("late", "RFC 3920", "R-fail", Status.PASS));
        EngineExecutionResults r = configured(kit(slow, null)).configurationParameter(Constants.DEADLINE, "PT0.05S")
                .selectors(selectUniqueId(ENGINE)).execute();
        r.testEvents().assertThatEvents().haveExactly(1, event(test("late"),
                skippedWithReason(m -> m.contains("deadline"))));
    }

    @Test
    void theOutcomeCollectorGathersWhatTheLauncherReports() {
        List<TestScenarios.Scenario> stopping = List.of(
                TestScenarios.judging("passes", "RFC 3920", "R-pass", Status.PASS),
                TestScenarios.of("stops", "RFC 3920", "R-fail", c -> {
                    RunControl.requestStop();
                    c.judge("R-fail", Status.FAIL, "bad", org.xmppcert.xmpp.xml.Element.of("iq", "jabber:client"));
                }),
                TestScenarios.judging("never", "RFC 3921", "R-na", Status.PASS));
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder().enableTestEngineAutoRegistration(false)
                .addTestEngines(new XmppCertTestEngine(TestScenarios.source(stopping),
                        s -> TestScenarios.backend(SOFTWARE, null))).build());
        OutcomeCollector collector = new OutcomeCollector();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectUniqueId(ENGINE))
                .configurationParameters(Map.of(Constants.DOMAIN, "test.example", Constants.REGISTER, "true"))
                .build(), collector);
        assertThat(collector.planned()).isEqualTo(3);
        assertThat(collector.results()).extracting(ScenarioResult::id, ScenarioResult::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("passes", Status.PASS),
                org.assertj.core.groups.Tuple.tuple("stops", Status.FAIL),
                org.assertj.core.groups.Tuple.tuple("never", Status.NOT_TESTED));
        ScenarioResult never = collector.results().get(2);
        assertThat(never.spec()).isEqualTo("RFC 3921");
        assertThat(never.requirements()).containsExactly("R-na");
        assertThat(never.message()).startsWith("not run");
        assertThat(collector.complete()).isFalse();
        assertThat(collector.target()).hasValueSatisfying(t -> assertThat(t.software()).isEqualTo(SOFTWARE));
        assertThat(collector.unusable()).isEmpty();
    }
}
