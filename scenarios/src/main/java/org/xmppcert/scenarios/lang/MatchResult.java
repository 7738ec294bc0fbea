package org.xmppcert.scenarios.lang;

import java.util.Map;

/**
 * Whether a stanza matched a pattern.
 *
 * @param matched whether it did
 * @param captures the values {@code {capture:name}} remembered, when it matched (else empty)
 * @param difference when it did not match, what differed first, in words (else empty)
 */
public record MatchResult(boolean matched, Map<String, String> captures, String difference) {
    public MatchResult {
        captures = Map.copyOf(captures);
        difference = difference == null ? "" : difference;
    }

    static MatchResult match(Map<String, String> captures) {
        return new MatchResult(true, captures, "");
    }

    static MatchResult mismatch(String difference) {
        return new MatchResult(false, Map.of(), difference);
    }
}
