package org.xmppcert.scenarios.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.xmppcert.reports.model.Judgement;
import org.xmppcert.reports.model.Status;

/**
 * The FAILs a CI server is known to earn, each checked by hand against the spec text and listed
 * in {@code known-deviations/<server>.txt} (test resources) with the reason. A listed FAIL is
 * accepted by the "no FAIL on a conforming server" tests only if it carries its offending stanza,
 * and a listed deviation that no longer FAILs is reported, so the list cannot turn into a skip.
 */
final class KnownDeviations {

    static final KnownDeviations PROSODY = load("known-deviations/prosody.txt");
    static final KnownDeviations EJABBERD = load("known-deviations/ejabberd.txt");

    /** The list for a CI server by its name ({@code prosody}, {@code ejabberd}). */
    static KnownDeviations of(String server) {
        return "ejabberd".equals(server) ? EJABBERD : PROSODY;
    }

    private final Set<String> pairs;

    private KnownDeviations(Set<String> pairs) {
        this.pairs = pairs;
    }

    private static KnownDeviations load(String resource) {
        Set<String> pairs = new HashSet<>();
        try (InputStream in = KnownDeviations.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return new KnownDeviations(pairs);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int cut = line.indexOf(" -- ");
                String[] ids = (cut < 0 ? line : line.substring(0, cut)).strip().split("\\s+");
                if (ids.length != 2) {
                    throw new IllegalStateException(resource + ": expected '<scenario> <requirement> -- why': " + line);
                }
                pairs.add(ids[0] + " " + ids[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new KnownDeviations(pairs);
    }

    /** Whether this judgement is a listed deviation: a FAIL, with its offending stanza. */
    boolean accepts(String scenario, Judgement j) {
        return j.status() == Status.FAIL && j.observed() != null && pairs.contains(scenario + " " + j.requirement());
    }

    /** Every deviation listed for the scenario still happens (else the list is stale). */
    void assertStillDeviates(String scenario, List<Judgement> judgements) {
        for (String pair : pairs) {
            if (pair.startsWith(scenario + " ")) {
                String requirement = pair.substring(scenario.length() + 1);
                assertThat(judgements).as("the known deviation " + pair + " still FAILs (else remove it from the list)")
                        .anyMatch(j -> j.requirement().equals(requirement) && j.status() == Status.FAIL);
            }
        }
    }
}
