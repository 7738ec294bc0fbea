package org.xmppcert.scenarios.lang;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.xmppcert.scenarios.catalog.Catalog;
import org.xmppcert.scenarios.spi.JavaScenario;
import org.xmppcert.scenarios.spi.ScenarioDefinition;

/**
 * Every scenario xmppcert ships: the files listed in {@code scenarios/index.txt} (one path
 * relative to {@code scenarios/} per line, {@code #} comments), parsed and checked against the
 * catalog, then the {@link JavaScenario}s registered for {@link ServiceLoader}. Ids are unique
 * across both; every judged id must be in the catalog.
 */
public final class ScenarioLibrary {

    /** The list of scenario files, on the classpath. */
    public static final String INDEX = "scenarios/index.txt";

    private ScenarioLibrary() {
    }

    /** The shipped scenarios, from this library's class loader. */
    public static List<ScenarioDefinition> load(Catalog catalog) {
        return load(catalog, ScenarioLibrary.class.getClassLoader());
    }

    /**
     * The scenarios visible to a class loader, in index order, Java scenarios last.
     *
     * @throws ScenarioParseException for a file that is not valid
     * @throws IllegalStateException for a duplicate id or a Java scenario judging an id not in the catalog
     */
    public static List<ScenarioDefinition> load(Catalog catalog, ClassLoader loader) {
        Map<String, ScenarioDefinition> byId = new LinkedHashMap<>();
        ScenarioParser parser = new ScenarioParser(catalog);
        for (String file : index(loader)) {
            add(byId, new FileScenario(parser.parseResource(loader, "scenarios/" + file)));
        }
        for (JavaScenario s : ServiceLoader.load(JavaScenario.class, loader)) {
            for (String id : s.judges()) {
                if (catalog != null && catalog.requirement(id).isEmpty()) {
                    throw new IllegalStateException("the Java scenario " + s.id() + " (" + s.source() + ") judges " + id
                            + ", which is not in the requirement catalog");
                }
            }
            add(byId, s);
        }
        return List.copyOf(byId.values());
    }

    private static void add(Map<String, ScenarioDefinition> byId, ScenarioDefinition s) {
        ScenarioDefinition before = byId.putIfAbsent(s.id(), s);
        if (before != null) {
            throw new IllegalStateException("two scenarios have the id " + s.id() + ": " + before.source() + " and " + s.source());
        }
    }

    private static List<String> index(ClassLoader loader) {
        List<String> files = new ArrayList<>();
        InputStream in = loader.getResourceAsStream(INDEX);
        if (in == null) {
            return files;
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    files.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + INDEX, e);
        }
        return files;
    }
}
