package org.xmppcert.harness.engine;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.platform.engine.reporting.ReportEntry;
import org.xmppcert.reports.model.ScenarioResult;
import org.xmppcert.reports.model.Target;

/**
 * How outcomes travel from the engine to whoever listens (the {@code server} command, Surefire, an
 * IDE): JUnit Platform {@link ReportEntry report entries}, the Platform's own channel for data a
 * test publishes, with one key each and JSON values of the report model. So any launcher, in this
 * process or another, gets the full result (judgements, transcript) without a side registry.
 *
 * <ul>
 *   <li>{@value #SCENARIO} on a scenario: its {@link ScenarioResult};
 *   <li>{@value #TARGET} on the engine: the {@link Target}, with the server's software (XEP-0092);
 *   <li>{@value #UNUSABLE} on the engine: why no scenario could run (target unreachable, accounts
 *       unusable);
 *   <li>{@value #COMPLETE} on the engine, at the end: {@code true}, or {@code false} when the
 *       deadline passed or the run was stopped before every scenario started.
 * </ul>
 */
@API(status = EXPERIMENTAL)
public final class OutcomeChannel {
    public static final String SCENARIO = "xmppcert.scenario";
    public static final String TARGET = "xmppcert.target";
    public static final String UNUSABLE = "xmppcert.unusable";
    public static final String COMPLETE = "xmppcert.complete";

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private OutcomeChannel() {
    }

    static ReportEntry scenario(ScenarioResult result) {
        return ReportEntry.from(SCENARIO, json(result));
    }

    static ReportEntry target(Target target) {
        return ReportEntry.from(TARGET, json(target));
    }

    static ReportEntry unusable(String message) {
        return ReportEntry.from(UNUSABLE, message);
    }

    static ReportEntry complete(boolean complete) {
        return ReportEntry.from(COMPLETE, String.valueOf(complete));
    }

    /** The scenario result an entry carries, if it carries one. */
    public static Optional<ScenarioResult> scenarioOf(ReportEntry entry) {
        return value(entry, SCENARIO).map(v -> read(v, ScenarioResult.class));
    }

    /** The target an entry carries, if it carries one. */
    public static Optional<Target> targetOf(ReportEntry entry) {
        return value(entry, TARGET).map(v -> read(v, Target.class));
    }

    /** The raw value under a key, if the entry has it. */
    public static Optional<String> value(ReportEntry entry, String key) {
        Map<String, String> kv = entry.getKeyValuePairs();
        return Optional.ofNullable(kv.get(key));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot decode a " + type.getSimpleName() + " report entry", e);
        }
    }
}
