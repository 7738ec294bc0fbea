package org.xmppcert.reports.model;

import java.util.List;

/**
 * One catalog entry in scope and how the run judged it.
 *
 * @param id stable id, e.g. {@code RFC3920-9.2.3-iq-reply}
 * @param spec e.g. {@code RFC 3920}
 * @param section e.g. {@code 9.2.3}
 * @param revised where RFC 6120/6121 restates it, or that it was dropped
 * @param level {@code MUST}, {@code SHOULD} or {@code MAY}
 * @param subject {@code server} or {@code client}
 * @param summary the requirement in one line
 * @param status the aggregate of the judgements of every scenario that judged it
 * @param scenarios the ids of those scenarios
 * @param notJudged why no scenario judges it, from the catalog, or {@code null}
 */
public record RequirementResult(String id, String spec, String section, String revised, String level, String subject,
        String summary, Status status, List<String> scenarios, String notJudged) {
    public RequirementResult {
        scenarios = List.copyOf(scenarios);
    }
}
