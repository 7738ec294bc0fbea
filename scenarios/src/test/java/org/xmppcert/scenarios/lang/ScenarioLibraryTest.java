package org.xmppcert.scenarios.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmppcert.scenarios.catalog.Catalog;
import org.xmppcert.scenarios.it.CiScenarioRunner;
import org.xmppcert.scenarios.spi.ScenarioDefinition;

class ScenarioLibraryTest {

    @TempDir
    Path dir;

    private static String scenario(String id, String judges) {
        return "<scenario xmlns='urn:xmppcert:scenario:1' id='" + id + "' spec='RFC 3920' subject='server'>"
                + "<title>t</title><account name='alice'/><connect session='a' account='alice'/>"
                + "<expect-nothing session='a' judges='" + judges + "'/></scenario>";
    }

    private ClassLoader loader(String index, String... files) throws IOException {
        Path scenarios = Files.createDirectories(dir.resolve("scenarios/x"));
        Files.writeString(dir.resolve("scenarios/index.txt"), index);
        for (int i = 0; i < files.length; i += 2) {
            Files.writeString(scenarios.resolve(files[i]), files[i + 1]);
        }
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader()) {
            @Override
            public URL getResource(String name) {
                // the temporary index first: the test must not depend on the shipped one
                URL own = findResource(name);
                return own != null ? own : super.getResource(name);
            }

            @Override
            public java.io.InputStream getResourceAsStream(String name) {
                try {
                    URL u = getResource(name);
                    return u == null ? null : u.openStream();
                } catch (IOException e) {
                    return null;
                }
            }
        };
    }

    @Test
    void loadsIndexedFilesThenJavaScenarios() throws IOException {
        Catalog catalog = CiScenarioRunner.catalog();
        String id = catalog.all().iterator().next().id();
        List<ScenarioDefinition> all = ScenarioLibrary.load(catalog,
                loader("# comment\n\nx/one.xml\n", "one.xml", scenario("one", id)));
        assertThat(all).extracting(ScenarioDefinition::id).startsWith("one").contains("stream-header-server");
        assertThat(all.get(0)).isInstanceOf(FileScenario.class);
        assertThat(all.get(0).source()).isEqualTo("scenarios/x/one.xml");
        assertThat(all.get(0).accounts()).containsExactly("alice");
    }

    @Test
    void duplicateIdsAreRefused() throws IOException {
        assertThatThrownBy(() -> ScenarioLibrary.load(null, loader("x/one.xml\nx/two.xml\n",
                "one.xml", scenario("same", "A"), "two.xml", scenario("same", "B"))))
                .hasMessageContaining("two scenarios have the id same");
    }

    @Test
    void unknownCatalogIdsAreRefusedWithFileAndLine() throws IOException {
        assertThatThrownBy(() -> ScenarioLibrary.load(CiScenarioRunner.catalog(), loader("x/one.xml\n",
                "one.xml", scenario("one", "NO-SUCH-ID"))))
                .isInstanceOf(ScenarioParseException.class)
                .hasMessageContaining("scenarios/x/one.xml:1").hasMessageContaining("NO-SUCH-ID");
    }

    @Test
    void javaScenarioIdsMustBeInTheCatalog() throws IOException {
        ClassLoader l = loader("");
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve("org.xmppcert.scenarios.spi.JavaScenario"), UnknownIdScenario.class.getName() + "\n");
        assertThatThrownBy(() -> ScenarioLibrary.load(CiScenarioRunner.catalog(), l))
                .hasMessageContaining("unknown-id-scenario").hasMessageContaining("NO-SUCH-ID");
    }

    /** A Java scenario judging an id that is in no catalog. */
    public static final class UnknownIdScenario implements org.xmppcert.scenarios.spi.JavaScenario {
        @Override
        public String id() {
            return "unknown-id-scenario";
        }

        @Override
        public String title() {
            return "t";
        }

        @Override
        public String spec() {
            return "RFC 3920";
        }

        @Override
        public org.xmppcert.scenarios.catalog.Subject subject() {
            return org.xmppcert.scenarios.catalog.Subject.SERVER;
        }

        @Override
        public List<String> accounts() {
            return List.of();
        }

        @Override
        public List<String> judges() {
            return List.of("NO-SUCH-ID");
        }

        @Override
        public void run(org.xmppcert.scenarios.spi.ScenarioContext context) {
        }
    }
}
