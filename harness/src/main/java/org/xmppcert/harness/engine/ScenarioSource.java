package org.xmppcert.harness.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;
import org.xmppcert.scenarios.catalog.Catalog;
import org.xmppcert.scenarios.catalog.Profile;
import org.xmppcert.scenarios.catalog.Requirement;
import org.xmppcert.scenarios.catalog.Subject;
import org.xmppcert.scenarios.lang.ScenarioLibrary;
import org.xmppcert.scenarios.spi.ScenarioDefinition;

/**
 * Where the engine finds what it discovers: the catalog (profiles, requirements) and the
 * scenarios. {@link #shipped()} is xmppcert's own; tests give small ones.
 */
@API(status = INTERNAL)
public interface ScenarioSource {

    /** The profile by id, or an {@link IllegalArgumentException} naming the known ones. */
    Profile profile(String id);

    /** The catalog entries of the profile for this subject, in catalog order. */
    List<Requirement> inScope(Profile profile, Subject subject);

    /** Every scenario, in library order. */
    List<ScenarioDefinition> scenarios();

    /**
     * The catalog and scenario library shipped with xmppcert, loaded once.
     *
     * @throws IllegalStateException when they do not load (a broken data file: a bug of the build)
     */
    static ScenarioSource shipped() {
        return Shipped.get();
    }

    /** A source over a catalog and a scenario list. */
    static ScenarioSource of(Catalog catalog, List<ScenarioDefinition> scenarios) {
        return new ScenarioSource() {
            @Override
            public Profile profile(String id) {
                return catalog.profile(id).orElseThrow(() -> new IllegalArgumentException("unknown profile '" + id
                        + "'; known: " + catalog.profiles().stream().map(Profile::id).toList()));
            }

            @Override
            public List<Requirement> inScope(Profile profile, Subject subject) {
                return catalog.inProfile(profile).stream().filter(r -> r.subject() == subject).toList();
            }

            @Override
            public List<ScenarioDefinition> scenarios() {
                return scenarios;
            }
        };
    }

    /** Lazily loaded, once per class loader: the catalog and the scenario library. */
    final class Shipped {
        private static ScenarioSource loaded;

        private Shipped() {
        }

        static synchronized ScenarioSource get() {
            if (loaded == null) {
                loaded = load(); // a failure is thrown each time, not cached as a broken class
            }
            return loaded;
        }

        private static ScenarioSource load() {
            Catalog catalog = Catalog.load();
            return of(catalog, ScenarioLibrary.load(catalog));
        }
    }
}
