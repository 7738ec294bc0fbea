package org.xmppcert.xmpp.it;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A real server started by a script in {@code ci/} ({@code ci/prosody/start.sh},
 * {@code ci/ejabberd/start.sh}), read from the {@code env} file the script leaves in its state
 * directory under {@code ${xmppcert.ci.dir}}. A missing file fails the test with the command to
 * run: an integration test that silently skips would hide that nothing was tested.
 */
public record CiServer(String name, String host, int port, String domain, Path caFile,
        Map<String, String> accounts, String anonDomain, String mechanisms, String compression) {

    public static CiServer prosody() {
        return load("prosody");
    }

    public static CiServer ejabberd() {
        return load("ejabberd");
    }

    static CiServer load(String name) {
        Path dir = Path.of(System.getProperty("xmppcert.ci.dir", "/tmp/xmppcert-ci"), name);
        Path env = dir.resolve("env");
        if (!Files.isReadable(env)) {
            throw new IllegalStateException("no " + name + " for the integration tests: " + env
                    + " is missing. Start it with: sudo ci/" + name + "/start.sh");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(env, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + env, e);
        }
        Map<String, String> accounts = new LinkedHashMap<>();
        for (String pair : p.getProperty("XMPP_ACCOUNTS", "").trim().split("\\s+")) {
            int colon = pair.indexOf(':');
            if (colon > 0) {
                accounts.put(pair.substring(0, colon), pair.substring(colon + 1));
            }
        }
        return new CiServer(name, p.getProperty("XMPP_HOST"), Integer.parseInt(p.getProperty("XMPP_PORT")),
                p.getProperty("XMPP_DOMAIN"), Path.of(p.getProperty("XMPP_CAFILE")), accounts,
                p.getProperty("XMPP_ANON_DOMAIN"), p.getProperty("XMPP_MECHANISMS", ""),
                p.getProperty("XMPP_COMPRESSION", ""));
    }

    /** The first account's user name (alice by default). */
    public String user() {
        return accounts.keySet().iterator().next();
    }

    public String password(String user) {
        String pw = accounts.get(user);
        if (pw == null) {
            throw new IllegalArgumentException(name + " has no account " + user);
        }
        return pw;
    }

    /** The second account's user name (bob by default). */
    public String otherUser() {
        return accounts.keySet().stream().skip(1).findFirst()
                .orElseThrow(() -> new IllegalStateException(name + " has only one account"));
    }
}
