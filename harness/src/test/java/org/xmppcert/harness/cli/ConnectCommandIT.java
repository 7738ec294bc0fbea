package org.xmppcert.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xmppcert.xmpp.it.CiServer;

/** {@code xmppcert connect} run as a process, against the CI Prosody and ejabberd. */
class ConnectCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CiServer prosody = CiServer.prosody();

    private List<String> target(CiServer server, String... more) {
        List<String> args = new ArrayList<>(List.of("connect", "--jid", server.user() + "@" + server.domain(),
                "--host", server.host(), "--port", String.valueOf(server.port()),
                "--cafile", server.caFile().toString()));
        args.addAll(List.of(more));
        return args;
    }

    private Map<String, String> passwordEnv(CiServer server) {
        return Map.of("XMPPCERT_PASSWORD", server.password(server.user()));
    }

    @Test
    void printsWhatWasNegotiated() throws Exception {
        XmppCertProcess.Result r = XmppCertProcess.run(passwordEnv(prosody), null,
                target(prosody).toArray(String[]::new));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("starttls (required)").contains("TLS:          TLSv1.")
                .contains("SASL:         SCRAM-SHA-1").contains("Bound JID:    " + prosody.user() + "@")
                .contains("Compression:  not offered").contains("Closed:");
        assertThat(r.stderr()).isEmpty();
    }

    @Test
    void jsonHasTheDocumentedKeys() throws Exception {
        XmppCertProcess.Result r = XmppCertProcess.run(passwordEnv(prosody), null,
                target(prosody, "--json").toArray(String[]::new));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        JsonNode json = JSON.readTree(r.stdout());
        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(json.get("tls").get("protocol").asText()).startsWith("TLSv1.");
        assertThat(json.get("tls").get("cipher").asText()).isNotBlank();
        assertThat(json.get("sasl").get("mechanism").asText()).isEqualTo("SCRAM-SHA-1");
        assertThat(json.get("compression").get("status").asText()).isEqualTo("NOT_OFFERED");
        assertThat(json.get("jid").asText()).startsWith(prosody.user() + "@" + prosody.domain() + "/");
        assertThat(json.get("features")).hasSize(3);
        assertThat(json.get("features").get(0).get("offered").get(0).asText()).isEqualTo("starttls (required)");
    }

    @Test
    void compressionAgainstEjabberd() throws Exception {
        CiServer ejabberd = CiServer.ejabberd();
        XmppCertProcess.Result r = XmppCertProcess.run(passwordEnv(ejabberd), null,
                target(ejabberd, "--json").toArray(String[]::new));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        JsonNode json = JSON.readTree(r.stdout());
        assertThat(json.get("compression").get("status").asText()).isEqualTo("ACTIVE");
        assertThat(json.get("compression").get("method").asText()).isEqualTo("zlib");
        assertThat(json.get("features")).hasSize(4);

        XmppCertProcess.Result off = XmppCertProcess.run(passwordEnv(ejabberd), null,
                target(ejabberd, "--json", "--no-compression").toArray(String[]::new));
        assertThat(JSON.readTree(off.stdout()).get("compression").get("status").asText()).isEqualTo("DISABLED");
    }

    @Test
    void thePasswordCanComeFromStandardInput() throws Exception {
        XmppCertProcess.Result r = XmppCertProcess.run(Map.of(), prosody.password(prosody.user()) + "\n",
                target(prosody).toArray(String[]::new));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
    }

    @Test
    void aWrongPasswordExitsWith5AndOneLine() throws Exception {
        XmppCertProcess.Result r = XmppCertProcess.run(Map.of("XMPPCERT_PASSWORD", "wrong-password"), null,
                target(prosody).toArray(String[]::new));
        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.stderrLines()).singleElement().asString()
                .startsWith("xmppcert connect: authentication failed").contains("not-authorized");
    }

    @Test
    void anUntrustedCertificateExitsWith4BeforeAnyCredentialIsSent() throws Exception {
        List<String> args = new ArrayList<>(List.of("connect", "--jid", prosody.user() + "@" + prosody.domain(),
                "--host", prosody.host(), "--port", String.valueOf(prosody.port()), "--transcript"));
        XmppCertProcess.Result r = XmppCertProcess.run(passwordEnv(prosody), null, args.toArray(String[]::new));
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.stderrLines()).singleElement().asString().startsWith("xmppcert connect: certificate rejected");
        assertThat(r.stdout()).contains("<proceed").doesNotContain("<auth");
    }

    @Test
    void insecureAcceptsTheSelfSignedCertificateButSaysSo() throws Exception {
        List<String> args = List.of("connect", "--jid", prosody.user() + "@" + prosody.domain(), "--host",
                prosody.host(), "--port", String.valueOf(prosody.port()), "--insecure");
        XmppCertProcess.Result r = XmppCertProcess.run(passwordEnv(prosody), null, args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("would have been rejected");
    }

    @Test
    void aRefusedConnectionExitsWith3() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        XmppCertProcess.Result r = XmppCertProcess.run(Map.of("XMPPCERT_PASSWORD", "x"), null, "connect",
                "--jid", "alice@localhost", "--host", "127.0.0.1", "--port", String.valueOf(closedPort));
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.stderrLines()).singleElement().asString().startsWith("xmppcert connect: connection refused");
    }

    @Test
    void aSilentServerExitsWith7WithinTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket ignored = silent.accept()) {
                    ignored.getInputStream().readAllBytes(); // says nothing, until the client leaves
                } catch (IOException e) {
                    // the test closes the socket
                }
            });
            acceptor.start();
            long start = System.nanoTime();
            XmppCertProcess.Result r = XmppCertProcess.run(Map.of("XMPPCERT_PASSWORD", "x"), null, "connect",
                    "--jid", "alice@localhost", "--host", "127.0.0.1", "--port", String.valueOf(silent.getLocalPort()),
                    "--timeout", "1s");
            assertThat(r.exitCode()).isEqualTo(7);
            assertThat(r.stderrLines()).singleElement().asString().startsWith("xmppcert connect: timeout")
                    .contains("stream header");
            assertThat(System.nanoTime() - start).as("bounded by --timeout plus JVM start").isLessThan(30_000_000_000L);
        }
    }

    @Test
    void usageErrorsExitWith2() throws Exception {
        assertThat(XmppCertProcess.run(Map.of(), null, "connect").exitCode()).isEqualTo(2);
        XmppCertProcess.Result badTls = XmppCertProcess.run(Map.of("XMPPCERT_PASSWORD", "x"), null, "connect",
                "--jid", "alice@localhost", "--tls", "sometimes");
        assertThat(badTls.exitCode()).isEqualTo(2);
        assertThat(badTls.stderr()).contains("--tls must be required, optional or disabled");
        XmppCertProcess.Result badJid = XmppCertProcess.run(Map.of("XMPPCERT_PASSWORD", "x"), null, "connect",
                "--jid", "al ice@@localhost");
        assertThat(badJid.exitCode()).isEqualTo(2);
        XmppCertProcess.Result noPassword = XmppCertProcess.run(Map.of(), "", "connect", "--jid", "alice@localhost",
                "--host", "127.0.0.1");
        assertThat(noPassword.exitCode()).isEqualTo(2);
        assertThat(noPassword.stderr()).contains("no password");
    }

    @Test
    void helpExplainsTheOptionsAndExitCodes() throws Exception {
        XmppCertProcess.Result r = XmppCertProcess.run(Map.of(), null, "connect", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).contains("--cafile").contains("--insecure").contains("XMPPCERT_PASSWORD")
                .contains("Exit codes:").contains("certificate rejected");
    }

    @Test
    void noSecretReachesTheOutputEvenWithTheTranscriptAndPlain() throws Exception {
        String password = prosody.password(prosody.user());
        XmppCertProcess.Result r = XmppCertProcess.run(passwordEnv(prosody), null,
                target(prosody, "--transcript", "--sasl", "PLAIN", "--json").toArray(String[]::new));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        String plain = Base64.getEncoder().encodeToString(("\0" + prosody.user() + "\0" + password)
                .getBytes(StandardCharsets.UTF_8));
        assertThat(r.stdout() + r.stderr()).contains("mechanism='PLAIN'").doesNotContain(password)
                .doesNotContain(plain);
    }
}
