package org.xmppcert.harness.run;

import java.util.List;
import org.xmppcert.reports.model.Judgement;
import org.xmppcert.reports.model.Status;
import org.xmppcert.scenarios.catalog.Level;
import org.xmppcert.scenarios.catalog.Profile;
import org.xmppcert.scenarios.catalog.ProfileSpec;
import org.xmppcert.scenarios.catalog.Requirement;
import org.xmppcert.scenarios.catalog.SpecLevel;
import org.xmppcert.scenarios.catalog.Subject;

/** A small catalog for the aggregation tests: two REQUIRED specs, one RECOMMENDED. */
public final class Fixtures {
    public static final Profile PROFILE = new Profile("test-profile", "Test Profile", "here", List.of(
            new ProfileSpec("RFC 3920", "RFC 6120", SpecLevel.REQUIRED),
            new ProfileSpec("RFC 3921", "RFC 6121", SpecLevel.REQUIRED),
            new ProfileSpec("XEP-0138", null, SpecLevel.RECOMMENDED)));

    private Fixtures() {
    }

    public static Requirement req(String id, String spec, Level level) {
        return new Requirement(id, spec, "1.2", null, level, Subject.SERVER, "summary of " + id, List.of(), null);
    }

    public static Judgement judgement(String id, Status status) {
        return new Judgement(id, status, status + " of " + id, null, null);
    }
}
