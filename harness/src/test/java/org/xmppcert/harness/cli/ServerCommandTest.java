package org.xmppcert.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xmppcert.harness.engine.Constants;
import picocli.CommandLine;

/** The options of {@code server} as the engine's configuration parameters; usage errors in-process. */
class ServerCommandTest {

    private static Map<String, String> parameters(String... args) {
        ServerCommand command = new ServerCommand();
        new CommandLine(command).parseArgs(args);
        return command.parameters();
    }

    @Test
    void optionsBecomeTheEnginesParameters() {
        Map<String, String> p = parameters("--domain", "example.com", "--host", "10.0.0.1", "--port", "5223",
                "--account", "alice:pw:1", "--account", "bob@example.com:pw2", "--insecure", "--only", "roster-*",
                "--parallel", "6", "--deadline", "2m", "--reply-timeout", "3s");
        assertThat(p).containsEntry(Constants.DOMAIN, "example.com").containsEntry(Constants.HOST, "10.0.0.1")
                .containsEntry(Constants.PORT, "5223").containsEntry(Constants.ACCOUNTS, "alice:pw:1,bob@example.com:pw2")
                .containsEntry(Constants.INSECURE, "true").containsEntry(Constants.ONLY, "roster-*")
                .containsEntry(Constants.PARALLEL, "6").containsEntry(Constants.DEADLINE, "PT2M")
                .containsEntry(Constants.REPLY_TIMEOUT, "PT3S").containsEntry(Constants.PROFILE, "basic-client-2008")
                .doesNotContainKey(Constants.REGISTER);
    }

    @Test
    void theDefaults() {
        Map<String, String> p = parameters("--domain", "example.com", "--register");
        assertThat(p).containsEntry(Constants.REGISTER, "true").containsEntry(Constants.PARALLEL, "4")
                .containsEntry(Constants.REPLY_TIMEOUT, "PT10S").doesNotContainKeys(Constants.HOST, Constants.PORT,
                        Constants.DEADLINE, Constants.ONLY, Constants.CAFILE, Constants.ACCOUNTS);
    }

    @Test
    void badValuesNameTheOption() {
        assertThatThrownBy(() -> parameters("--domain", "d", "--register", "--parallel", "0"))
                .hasMessageContaining("--parallel");
        assertThatThrownBy(() -> parameters("--domain", "d", "--register", "--port", "0"))
                .hasMessageContaining("--port");
        assertThatThrownBy(() -> parameters("--domain", "d", "--account", "a:b,c:d"))
                .hasMessageContaining("one account per option");
        assertThatThrownBy(() -> parameters("--domain", "d", "--account", "secretless"))
                .hasMessageContaining("user:password");
        assertThatThrownBy(() -> parameters("--domain", "d", "--register", "--cafile", "/no/such.pem"))
                .hasMessageContaining("--cafile");
    }

    @Test
    void usageErrorsExitWith2WithoutTouchingTheNetwork() {
        StringWriter err = new StringWriter();
        CommandLine cl = XmppCert.commandLine();
        cl.setErr(new PrintWriter(err));
        cl.getSubcommands().get("server").setErr(new PrintWriter(err));
        assertThat(cl.execute("server", "--domain", "d")).isEqualTo(2);
        assertThat(cl.execute("server", "--domain", "d", "--register", "--parallel", "x")).isEqualTo(2);
        assertThat(cl.execute("server", "--domain", "d", "--register", "--insecure", "--cafile", "f")).isEqualTo(2);
        assertThat(cl.execute("server", "--domain", "d", "--register", "--deadline", "0s")).isEqualTo(2);
        assertThat(err.toString()).contains("xmppcert: ");
    }
}
