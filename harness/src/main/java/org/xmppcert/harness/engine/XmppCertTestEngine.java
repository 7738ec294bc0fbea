package org.xmppcert.harness.engine;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apiguardian.api.API;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClasspathResourceSelector;
import org.junit.platform.engine.discovery.ClasspathRootSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.xmppcert.harness.run.Preflight;
import org.xmppcert.reports.model.Software;
import org.xmppcert.reports.model.Target;
import org.xmppcert.scenarios.catalog.Profile;
import org.xmppcert.scenarios.catalog.ProfileSpec;
import org.xmppcert.scenarios.catalog.Subject;
import org.xmppcert.scenarios.spi.ScenarioDefinition;

/**
 * The {@code xmppcert} JUnit Platform engine: the scenarios of a profile as tests, profile →
 * specification → scenario, against the server named by the configuration parameters
 * ({@link Constants}). Runs the same under the {@code server} command, Surefire, the Console
 * Launcher or an IDE.
 *
 * <p>Discovery answers a unique-id selector of this engine (the whole tree, a profile, a spec or
 * one scenario), a class-path root (the Console Launcher's {@code --scan-classpath}, an IDE's "run
 * all") and a class-path resource naming a scenario file or a directory of them; class and
 * method selectors are other engines' business. Then {@link Constants#ONLY} filters by id.
 */
@API(status = EXPERIMENTAL)
public final class XmppCertTestEngine implements TestEngine {
    private final ScenarioSource source;
    private final Backend.Factory backends;

    /** The engine the Platform loads: the shipped scenarios against the network. */
    public XmppCertTestEngine() {
        this(null, NetworkBackend::new);
    }

    /** An engine over other scenarios or another backend (tests). */
    public XmppCertTestEngine(ScenarioSource source, Backend.Factory backends) {
        this.source = source;
        this.backends = backends;
    }

    @Override
    public String getId() {
        return Constants.ENGINE_ID;
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineDescriptor engine = new EngineDescriptor(uniqueId, "xmppcert");
        Predicate<ScenarioDescriptor> selected = selection(request, uniqueId);
        if (selected == null) {
            return engine; // nothing of ours asked for: do not even load the catalog
        }
        String profileId = request.getConfigurationParameters().get(Constants.PROFILE)
                .orElse(Constants.DEFAULT_PROFILE);
        Glob only = request.getConfigurationParameters().get(Constants.ONLY).filter(s -> !s.isBlank())
                .map(Glob::of).orElse(null);
        ScenarioSource scenarios = source();
        Profile profile = scenarios.profile(profileId);
        ProfileDescriptor profileDescriptor = new ProfileDescriptor(uniqueId, profile);
        Map<String, SpecDescriptor> specs = new LinkedHashMap<>();
        for (ProfileSpec spec : profile.specs()) {
            specs.put(spec.spec(), new SpecDescriptor(profileDescriptor.getUniqueId(), spec));
        }
        for (ScenarioDefinition s : scenarios.scenarios()) {
            SpecDescriptor spec = specs.get(s.spec());
            if (spec == null || s.subject() != Subject.SERVER || only != null && !only.matches(s.id())) {
                continue;
            }
            ScenarioDescriptor d = new ScenarioDescriptor(spec.getUniqueId(), s);
            if (selected.test(d)) {
                spec.addChild(d);
            }
        }
        specs.values().stream().filter(s -> !s.getChildren().isEmpty()).forEach(profileDescriptor::addChild);
        if (!profileDescriptor.getChildren().isEmpty()) {
            engine.addChild(profileDescriptor);
        }
        return engine;
    }

    /** Which scenarios the request selects, or {@code null} when it selects nothing of ours. */
    private static Predicate<ScenarioDescriptor> selection(EngineDiscoveryRequest request, UniqueId engineId) {
        if (!request.getSelectorsByType(ClasspathRootSelector.class).isEmpty()) {
            return d -> true;
        }
        List<UniqueId> ids = new ArrayList<>();
        for (UniqueIdSelector s : request.getSelectorsByType(UniqueIdSelector.class)) {
            if (s.getUniqueId().hasPrefix(engineId)) {
                ids.add(s.getUniqueId());
            }
        }
        List<String> resources = request.getSelectorsByType(ClasspathResourceSelector.class).stream()
                .map(r -> r.getClasspathResourceName().replaceFirst("^/", "").replaceFirst("/$", "")).toList();
        if (ids.isEmpty() && resources.isEmpty()) {
            return null;
        }
        return d -> ids.stream().anyMatch(id -> d.getUniqueId().hasPrefix(id))
                || resources.stream().anyMatch(r -> inResource(d.scenario().source(), r));
    }

    /** A scenario file selected by its own path or by a directory above it ({@code scenarios/roster}). */
    private static boolean inResource(String source, String resource) {
        return source != null && (source.equals(resource) || source.startsWith(resource + "/"));
    }

    private ScenarioSource source() {
        return source != null ? source : ScenarioSource.shipped();
    }

    @Override
    public void execute(ExecutionRequest request) {
        TestDescriptor engine = request.getRootTestDescriptor();
        EngineExecutionListener listener = new SynchronizedListener(request.getEngineExecutionListener());
        listener.executionStarted(engine);
        try {
            execute(request, engine, listener);
        } catch (RuntimeException | Error e) {
            // A bug of the harness: the run still ends, failed, rather than leaving the Launcher hanging.
            listener.executionFinished(engine, TestExecutionResult.failed(e));
        }
    }

    private void execute(ExecutionRequest request, TestDescriptor engine, EngineExecutionListener listener) {
        long startNanos = System.nanoTime();
        List<ScenarioDescriptor> scenarios = scenarios(engine);
        EngineSettings settings;
        try {
            settings = EngineSettings.read(request.getConfigurationParameters()::get);
        } catch (IllegalArgumentException e) {
            listener.executionFinished(engine, TestExecutionResult.failed(e));
            return;
        }
        if (!settings.configured()) {
            skipAll(engine, listener, "no target configured: set " + Constants.DOMAIN + " (and "
                    + Constants.REGISTER + " or " + Constants.ACCOUNTS + ") to run the scenarios against a server");
            listener.executionFinished(engine, TestExecutionResult.successful());
            return;
        }
        boolean complete;
        try (Backend backend = backends.open(settings)) {
            Software software;
            try {
                software = backend.preflight();
            } catch (Preflight.TargetUnusableException e) {
                listener.reportingEntryPublished(engine, OutcomeChannel.unusable(e.getMessage()));
                skipAll(engine, listener, "target unusable: " + e.getMessage());
                listener.executionFinished(engine, TestExecutionResult.failed(e));
                return;
            }
            listener.reportingEntryPublished(engine, OutcomeChannel.target(new Target("server", settings.domain(),
                    settings.host(), settings.port(), software)));
            startContainers(engine, listener);
            complete = new ScenarioExecutor(backend, listener, settings.parallel(), settings.deadline(), startNanos)
                    .runAll(scenarios);
            finishContainers(engine, listener);
        } catch (IllegalArgumentException e) {
            listener.executionFinished(engine, TestExecutionResult.failed(e));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            listener.reportingEntryPublished(engine, OutcomeChannel.complete(false));
            listener.executionFinished(engine, TestExecutionResult.aborted(e));
            return;
        }
        listener.reportingEntryPublished(engine, OutcomeChannel.complete(complete));
        listener.executionFinished(engine, TestExecutionResult.successful());
    }

    private static List<ScenarioDescriptor> scenarios(TestDescriptor engine) {
        List<ScenarioDescriptor> out = new ArrayList<>();
        engine.accept(d -> {
            if (d instanceof ScenarioDescriptor s) {
                out.add(s);
            }
        });
        return out;
    }

    /** Containers start before and finish after all their scenarios, which run in any order. */
    private static void startContainers(TestDescriptor engine, EngineExecutionListener listener) {
        for (TestDescriptor profile : engine.getChildren()) {
            listener.executionStarted(profile);
            profile.getChildren().forEach(listener::executionStarted);
        }
    }

    private static void finishContainers(TestDescriptor engine, EngineExecutionListener listener) {
        for (TestDescriptor profile : engine.getChildren()) {
            profile.getChildren().forEach(s -> listener.executionFinished(s, TestExecutionResult.successful()));
            listener.executionFinished(profile, TestExecutionResult.successful());
        }
    }

    /** Every scenario skipped with the reason, inside started containers (so each shows the reason). */
    private static void skipAll(TestDescriptor engine, EngineExecutionListener listener, String reason) {
        startContainers(engine, listener);
        for (ScenarioDescriptor s : scenarios(engine)) {
            listener.executionSkipped(s, reason);
        }
        finishContainers(engine, listener);
    }
}
