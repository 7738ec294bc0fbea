package org.xmppcert.harness.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.xmppcert.harness.engine.Constants;
import org.xmppcert.harness.engine.ScenarioSource;
import org.xmppcert.scenarios.catalog.Profile;
import org.xmppcert.scenarios.catalog.Requirement;
import org.xmppcert.scenarios.catalog.Subject;
import org.xmppcert.scenarios.spi.ScenarioDefinition;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code xmppcert requirements}: the catalog of a profile and which scenarios judge each entry. */
@Command(name = "requirements",
        header = "List the requirement catalog of a profile and each entry's coverage.",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Every catalog entry of the profile: its id, specification and section, RFC 2119",
            "level, who must do it (server or client), and the ids of the scenarios that judge",
            "it; an entry without one is NOT_TESTED in every report."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed", "2:usage error (unknown profile or subject)"})
final class RequirementsCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = Constants.DEFAULT_PROFILE,
            description = "The profile (default: ${DEFAULT-VALUE}).")
    private String profile;

    @Option(names = "--subject", paramLabel = "SUBJECT",
            description = "Only the entries a server or a client must meet: server or client (default: both).")
    private String subject;

    @Option(names = "--json", description = "Print a JSON array instead of a table.")
    private boolean json;

    /** One line of the listing. */
    record Entry(String id, String spec, String section, String revised, String level, String subject,
            String summary, List<String> scenarios, String notJudged) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ScenarioSource source;
        try {
            source = ScenarioSource.shipped();
        } catch (IllegalStateException e) {
            spec.commandLine().getErr().println("xmppcert requirements: the catalog or the scenario library does not load "
                    + "(a bug of this build): " + e.getMessage());
            return ExitCode.INTERNAL_ERROR.code();
        }
        Profile p;
        try {
            p = source.profile(profile);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("xmppcert requirements: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        List<Subject> subjects;
        if (subject == null) {
            subjects = List.of(Subject.SERVER, Subject.CLIENT);
        } else {
            try {
                subjects = List.of(Subject.valueOf(subject.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("xmppcert requirements: --subject is server or client, not '"
                        + subject + "'");
                return ExitCode.USAGE.code();
            }
        }
        Map<String, List<String>> coverage = new LinkedHashMap<>();
        for (ScenarioDefinition s : source.scenarios()) {
            for (String id : s.judges()) {
                coverage.computeIfAbsent(id, k -> new ArrayList<>()).add(s.id());
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (Subject sub : subjects) {
            for (Requirement r : source.inScope(p, sub)) {
                entries.add(new Entry(r.id(), r.spec(), r.section(), r.revised(), r.level().keyword(),
                        r.subject().name().toLowerCase(Locale.ROOT), r.summary(),
                        coverage.getOrDefault(r.id(), List.of()), r.notJudged()));
            }
        }
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(entries));
        } else {
            table(out, p, entries);
        }
        out.flush();
        return ExitCode.OK.code();
    }

    private static void table(PrintWriter out, Profile p, List<Entry> entries) {
        int idWidth = Math.max(2, entries.stream().mapToInt(e -> e.id().length()).max().orElse(2));
        out.printf("%s (%s): %d requirement%s%n%n", p.title(), p.definedBy(), entries.size(),
                entries.size() == 1 ? "" : "s");
        out.printf("%-" + idWidth + "s  %-10s %-8s %-10s %-7s %s%n", "id", "spec", "section", "level", "subject",
                "scenarios");
        long covered = 0;
        for (Entry e : entries) {
            out.printf("%-" + idWidth + "s  %-10s %-8s %-10s %-7s %s%n", e.id(), e.spec(), e.section(), e.level(),
                    e.subject(), !e.scenarios().isEmpty() ? String.join(" ", e.scenarios())
                            : e.notJudged() != null ? "- (not judged: " + e.notJudged() + ")" : "-");
            if (!e.scenarios().isEmpty()) {
                covered++;
            }
        }
        out.printf("%nCovered: %d of %d%n", covered, entries.size());
    }
}
