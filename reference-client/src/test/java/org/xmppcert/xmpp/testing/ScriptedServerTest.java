package org.xmppcert.xmpp.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The fake server's own checks: a test built on it can only fail if its expectations can fail,
 * and only end if its waits are bounded.
 */
class ScriptedServerTest {

    private static final Duration BOUND = Duration.ofSeconds(5);

    @Test
    void runsStepsInOrderAndRecordsTheBytes() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ScriptedServer.script()
                .expect("hello")
                .send("world")
                .expect(Pattern.compile("id='([^']+)'"))
                .reply(m -> "echo " + m.group(1))
                .awaitClose());
                Socket s = new Socket(server.address().getAddress(), server.port())) {
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write("hello".getBytes(UTF_8));
            assertThat(new String(in.readNBytes(5), UTF_8)).isEqualTo("world");
            out.write("<x id='abc'/>".getBytes(UTF_8));
            assertThat(new String(in.readNBytes(8), UTF_8)).isEqualTo("echo abc");
            s.shutdownOutput();
            server.assertScriptCompleted(BOUND);
            assertThat(server.receivedText()).isEqualTo("hello<x id='abc'/>");
            assertThat(server.clientClosedConnection()).isTrue();
        }
    }

    @Test
    void anExpectationNotMetFailsWithWhatWasRead() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ScriptedServer.script()
                .stepTimeout(Duration.ofMillis(300))
                .expect("never"));
                Socket s = new Socket(server.address().getAddress(), server.port())) {
            s.getOutputStream().write("something else".getBytes(UTF_8));
            assertThatThrownBy(() -> server.assertScriptCompleted(BOUND))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("did not send 'never' within 300 ms")
                    .hasMessageContaining("[something else]");
        }
    }

    @Test
    void aCloseBeforeTheExpectedTextFailsAtOnce() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ScriptedServer.script().expect("never"))) {
            try (Socket s = new Socket(server.address().getAddress(), server.port())) {
                s.getOutputStream().write("partial".getBytes(UTF_8));
            }
            assertThatThrownBy(() -> server.assertScriptCompleted(BOUND))
                    .hasMessageContaining("closed the connection before sending 'never'")
                    .hasMessageContaining("[partial]");
        }
    }

    @Test
    void anUnfinishedScriptIsReportedWithItsStep() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ScriptedServer.script().expect("x").awaitClose());
                Socket s = new Socket(server.address().getAddress(), server.port())) {
            s.getOutputStream().write("x".getBytes(UTF_8));
            assertThatThrownBy(() -> server.assertScriptCompleted(Duration.ofMillis(200)))
                    .hasMessageContaining("did not complete within 200 ms")
                    .hasMessageContaining("await the client's close");
        }
    }

    @Test
    void piecesArriveComplete() throws Exception {
        String text = "<a>h\u00e9llo \u2603</a>";
        try (ScriptedServer server = ScriptedServer.start(ScriptedServer.script()
                .sendInPieces(text, Duration.ofMillis(5), 1, 6, 13)
                .awaitClose());
                Socket s = new Socket(server.address().getAddress(), server.port())) {
            byte[] expected = text.getBytes(UTF_8);
            assertThat(s.getInputStream().readNBytes(expected.length)).isEqualTo(expected);
            s.shutdownOutput();
            server.assertScriptCompleted(BOUND);
        }
    }
}
