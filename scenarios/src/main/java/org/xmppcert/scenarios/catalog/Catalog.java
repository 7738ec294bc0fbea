package org.xmppcert.scenarios.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.databind.MapperFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The requirement catalog and the profiles, read from the class path: {@code catalog/index.txt}
 * and {@code profiles/index.txt} name the YAML files (one per specification, one per profile),
 * so that they can be listed from inside a jar. Immutable once loaded; validated on load (unique
 * ids, known profiles), so a broken data file fails the build's tests, not a certification run.
 */
public final class Catalog {

    /** One catalog file: the entries of one specification. */
    record CatalogFile(String spec, List<Requirement> requirements) {
    }

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Map<String, Requirement> requirements;
    private final Map<String, Profile> profiles;

    private Catalog(Map<String, Requirement> requirements, Map<String, Profile> profiles) {
        this.requirements = requirements;
        this.profiles = profiles;
    }

    /** The catalog shipped with xmppcert. */
    public static Catalog load() {
        return load(Catalog.class.getClassLoader());
    }

    static Catalog load(ClassLoader loader) {
        Map<String, Requirement> reqs = new LinkedHashMap<>();
        for (String file : index(loader, "catalog/index.txt")) {
            CatalogFile cf = read(loader, "catalog/" + file, CatalogFile.class);
            for (Requirement r : cf.requirements()) {
                if (!r.spec().equals(cf.spec())) {
                    throw new IllegalStateException(r.id() + " in catalog/" + file + " is of " + r.spec()
                            + ", the file is for " + cf.spec());
                }
                if (reqs.putIfAbsent(r.id(), r) != null) {
                    throw new IllegalStateException("requirement id " + r.id() + " appears twice (catalog/" + file + ")");
                }
            }
        }
        Map<String, Profile> profs = new LinkedHashMap<>();
        for (String file : index(loader, "profiles/index.txt")) {
            Profile p = read(loader, "profiles/" + file, Profile.class);
            profs.put(p.id(), p);
        }
        for (Requirement r : reqs.values()) {
            for (String p : r.profiles()) {
                if (!profs.containsKey(p)) {
                    throw new IllegalStateException(r.id() + " names the unknown profile " + p);
                }
            }
        }
        return new Catalog(Map.copyOf(reqs), Map.copyOf(profs));
    }

    /**
     * This catalog with the entries of one more catalog file (a classpath resource in the format of
     * {@code catalog/*.yaml}) that it does not have yet: ids already present are kept as they are.
     * For tests and for scenarios whose entries live outside the shipped catalog until they are
     * reconciled into it.
     */
    public Catalog plusFile(ClassLoader loader, String resource) {
        Map<String, Requirement> reqs = new LinkedHashMap<>(requirements);
        CatalogFile cf = read(loader, resource, CatalogFile.class);
        for (Requirement r : cf.requirements()) {
            reqs.putIfAbsent(r.id(), r);
        }
        return new Catalog(java.util.Collections.unmodifiableMap(reqs), profiles);
    }

    /** Every entry, in catalog order. */
    public Collection<Requirement> all() {
        return requirements.values();
    }

    public Optional<Requirement> requirement(String id) {
        return Optional.ofNullable(requirements.get(id));
    }

    public Optional<Profile> profile(String id) {
        return Optional.ofNullable(profiles.get(id));
    }

    public Collection<Profile> profiles() {
        return profiles.values();
    }

    /**
     * The entries a profile covers: those whose specification it lists, unless an entry names
     * its profiles explicitly.
     */
    public List<Requirement> inProfile(Profile profile) {
        List<Requirement> out = new ArrayList<>();
        for (Requirement r : requirements.values()) {
            boolean member = r.profiles().isEmpty() ? profile.spec(r.spec()).isPresent()
                    : r.profiles().contains(profile.id());
            if (member) {
                out.add(r);
            }
        }
        return out;
    }

    private static List<String> index(ClassLoader loader, String resource) {
        List<String> names = new ArrayList<>();
        try (InputStream in = open(loader, resource);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    names.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return names;
    }

    private static <T> T read(ClassLoader loader, String resource, Class<T> type) {
        try (InputStream in = open(loader, resource)) {
            return YAML.readValue(in, type);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    private static InputStream open(ClassLoader loader, String resource) throws IOException {
        InputStream in = loader.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("missing resource " + resource);
        }
        return in;
    }
}
