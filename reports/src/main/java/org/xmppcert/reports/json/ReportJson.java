package org.xmppcert.reports.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.xmppcert.reports.model.Judgement;
import org.xmppcert.reports.model.Report;
import org.xmppcert.reports.model.RequirementResult;
import org.xmppcert.reports.model.ScenarioResult;
import org.xmppcert.reports.model.Software;
import org.xmppcert.reports.model.Target;
import org.xmppcert.reports.model.WireEntry;

/**
 * The one Jackson configuration of report.json, shared by writer and reader so the two cannot
 * drift. The model stays free of Jackson annotations: the field order is given by mix-ins, in
 * the order the harness issue lists the fields (so diffs of two reports line up), times are
 * ISO-8601 instants ({@code 2026-12-07T23:29:41.123Z}), the counts are ordered by status.
 */
final class ReportJson {
    private ReportJson() {
    }

    static JsonMapper mapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                // Map.copyOf iterates in no fixed order; enum keys sort by declaration.
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                // A newer harness may add fields; an older reader still loads what it knows.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // Absent values are written as null: a reader sees every field, present or not.
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS))
                .addMixIn(Report.class, ReportOrder.class)
                .addMixIn(Target.class, TargetOrder.class)
                .addMixIn(Software.class, SoftwareOrder.class)
                .addMixIn(RequirementResult.class, RequirementOrder.class)
                .addMixIn(ScenarioResult.class, ScenarioOrder.class)
                .addMixIn(Judgement.class, JudgementOrder.class)
                .addMixIn(WireEntry.class, WireEntryOrder.class)
                .build();
    }

    @JsonPropertyOrder({"tool", "version", "profile", "target", "start", "durationMs", "complete", "verdict", "counts",
            "requirements", "scenarios"})
    private interface ReportOrder {
    }

    @JsonPropertyOrder({"mode", "domain", "host", "port", "software"})
    private interface TargetOrder {
    }

    @JsonPropertyOrder({"name", "version", "os"})
    private interface SoftwareOrder {
    }

    @JsonPropertyOrder({"id", "spec", "section", "revised", "level", "subject", "summary", "status", "scenarios",
            "notJudged"})
    private interface RequirementOrder {
    }

    @JsonPropertyOrder({"id", "title", "spec", "status", "durationMs", "requirements", "message", "judgements",
            "transcript"})
    private interface ScenarioOrder {
    }

    @JsonPropertyOrder({"requirement", "status", "message", "expected", "observed"})
    private interface JudgementOrder {
    }

    @JsonPropertyOrder({"time", "actor", "direction", "text", "offending"})
    private interface WireEntryOrder {
    }
}
