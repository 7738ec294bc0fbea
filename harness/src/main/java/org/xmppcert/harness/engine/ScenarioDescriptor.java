package org.xmppcert.harness.engine;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.LinkedHashSet;
import java.util.Set;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.xmppcert.scenarios.spi.ScenarioDefinition;

/**
 * One scenario, a test: it knows what to run, the runner knows how. Tagged with the requirement
 * ids it judges, so a launcher can pick scenarios by requirement ({@code --include-tag}).
 */
@API(status = EXPERIMENTAL)
public final class ScenarioDescriptor extends AbstractTestDescriptor {
    /** The unique-id segment type: {@code [scenario:iq-unknown-namespace-to-server]}. */
    public static final String SEGMENT = "scenario";

    private final ScenarioDefinition scenario;

    ScenarioDescriptor(UniqueId parent, ScenarioDefinition scenario) {
        super(parent.append(SEGMENT, scenario.id()), scenario.title(), source(scenario.source()));
        this.scenario = scenario;
    }

    public ScenarioDefinition scenario() {
        return scenario;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public Set<TestTag> getTags() {
        Set<TestTag> tags = new LinkedHashSet<>();
        for (String id : scenario.judges()) {
            if (TestTag.isValid(id)) {
                tags.add(TestTag.create(id));
            }
        }
        return tags;
    }

    @Override
    public String getLegacyReportingName() {
        return scenario.id();
    }

    /** A scenario file is a class-path resource; a Java scenario a class. */
    private static TestSource source(String source) {
        if (source == null || source.isBlank()) {
            return null;
        }
        if (source.endsWith(".xml") || source.contains("/")) {
            return ClasspathResourceSource.from(source);
        }
        return ClassSource.from(source);
    }
}
