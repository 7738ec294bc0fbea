package org.xmppcert.xmpp.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake XMPP server that follows a fixed script, for tests of the client's behaviour on the
 * wire. It is deliberately built on plain blocking {@code java.net} sockets, not on MINA: the
 * code under test must not share code with its test peer.
 *
 * <p>Life cycle:
 * <ol>
 * <li>{@link #start(Script)} binds 127.0.0.1 on an ephemeral port and runs the script on its own
 * thread: it accepts one connection, then performs the steps in order.</li>
 * <li>The test connects to {@link #address()} and drives the client.</li>
 * <li>{@link #assertScriptCompleted(Duration)} waits (bounded) for the script's end and rethrows
 * the first failure, with what the client had sent so far.</li>
 * <li>{@link #close()} drops everything; use try-with-resources.</li>
 * </ol>
 *
 * <p>Every wait is bounded by the script's step timeout (5 s by default). A step that times out
 * fails the script with what was read so far, never hangs it. Everything the client sends is
 * recorded, so a test can assert on the exact bytes ({@link #received()}, {@link #receivedText()}).
 *
 * <p>The only pause that is not a wait for something is {@link Script#sendInPieces pacing}
 * between pieces of a deliberately split write, so that they reach the client as separate reads.
 */
public final class ScriptedServer implements AutoCloseable {

    /** The bound on each step unless the script says otherwise. */
    public static final Duration DEFAULT_STEP_TIMEOUT = Duration.ofSeconds(5);

    private static final int SHOWN_CHARS = 2_000;

    private final ServerSocket listener;
    private final Script script;
    private final Thread thread;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();

    private volatile Socket socket;
    private volatile String currentStep = "accepting the client's connection";
    private volatile boolean clientClosed;
    private volatile boolean clientReset;

    /** Read by the script thread only: where the next expectation starts looking (in chars). */
    private int cursor;
    /** Read by the script thread only: the groups of the latest expectation. */
    private MatchResult lastMatch;

    private ScriptedServer(Script script) throws IOException {
        this.script = script;
        this.listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.thread = new Thread(this::run, "scripted-server-" + listener.getLocalPort());
        this.thread.setDaemon(true);
    }

    /** Starts a new script: add steps, then {@link #start(Script)} it. */
    public static Script script() {
        return new Script();
    }

    /** Binds 127.0.0.1 on an ephemeral port and runs the script on its own thread. */
    public static ScriptedServer start(Script script) throws IOException {
        ScriptedServer server = new ScriptedServer(script.copy());
        server.thread.start();
        return server;
    }

    /** Where the client should connect. */
    public InetSocketAddress address() {
        return new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Every byte the client sent so far. */
    public byte[] received() {
        synchronized (received) {
            return received.toByteArray();
        }
    }

    /** Every byte the client sent so far, decoded as UTF-8 (malformed sequences replaced). */
    public String receivedText() {
        return new String(received(), StandardCharsets.UTF_8);
    }

    /** Whether the client closed the connection (read returned end of stream, or reset). */
    public boolean clientClosedConnection() {
        return clientClosed;
    }

    /** Whether the client's close came as a TCP reset rather than an orderly close. */
    public boolean clientResetConnection() {
        return clientReset;
    }

    /**
     * Waits, bounded, until the script has run to its end, and rethrows its failure if it failed.
     *
     * @throws AssertionError when a step failed or the script is still running after the bound
     */
    public void assertScriptCompleted(Duration timeout) {
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the server script did not complete within " + timeout.toMillis()
                    + " ms; it is at step: " + currentStep + "; the client sent: " + shown(receivedText()));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new AssertionError("the server script failed: " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the server script", e);
        }
    }

    /** Closes the listener and the connection; a script still running fails at its next read or write. */
    @Override
    public void close() {
        closeQuietly(listener);
        Socket s = socket;
        if (s != null) {
            closeQuietly(s);
        }
        try {
            thread.join(DEFAULT_STEP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- the script thread

    private void run() {
        try {
            listener.setSoTimeout(millis(script.stepTimeout));
            Socket s;
            try {
                s = listener.accept();
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no client connected within " + script.stepTimeout.toMillis() + " ms");
            }
            socket = s;
            s.setTcpNoDelay(true);
            try (s) {
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                int index = 0;
                for (Step step : script.steps) {
                    index++;
                    currentStep = index + "/" + script.steps.size() + " " + step.describe();
                    step.run(this, in, out);
                }
                currentStep = "completed";
            }
            done.complete(null);
        } catch (Throwable t) {
            done.completeExceptionally(t instanceof AssertionError ? t
                    : new AssertionError("at step " + currentStep + ": " + t, t));
        }
    }

    private void expect(InputStream in, Function<String, MatchResult> finder, String what) throws IOException {
        long deadline = System.nanoTime() + script.stepTimeout.toNanos();
        byte[] buffer = new byte[8192];
        while (true) {
            String text = receivedText();
            MatchResult m = finder.apply(text);
            if (m != null) {
                cursor = m.end();
                lastMatch = m;
                return;
            }
            if (clientClosed) {
                throw new AssertionError("the client closed the connection before sending " + what
                        + "; after the previous match it sent: " + shown(text.substring(cursor)));
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("the client did not send " + what + " within "
                        + script.stepTimeout.toMillis() + " ms; after the previous match it sent: "
                        + shown(text.substring(cursor)));
            }
            readOnce(in, buffer, left);
        }
    }

    private void awaitClose(InputStream in) throws IOException {
        long deadline = System.nanoTime() + script.stepTimeout.toNanos();
        byte[] buffer = new byte[8192];
        while (!clientClosed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("the client did not close the connection within "
                        + script.stepTimeout.toMillis() + " ms; after the last match it sent: "
                        + shown(receivedText().substring(cursor)));
            }
            readOnce(in, buffer, left);
        }
    }

    /** One bounded read: records what came, or notes the close; returns on timeout too. */
    private void readOnce(InputStream in, byte[] buffer, long leftNanos) throws IOException {
        socket.setSoTimeout(Math.max(1, (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(leftNanos))));
        int n;
        try {
            n = in.read(buffer);
        } catch (SocketTimeoutException e) {
            return;
        } catch (SocketException e) {
            // A reset is how a peer closes while data it did not read is still pending.
            clientClosed = true;
            clientReset = true;
            return;
        }
        if (n < 0) {
            clientClosed = true;
            return;
        }
        synchronized (received) {
            received.write(buffer, 0, n);
        }
    }

    private static void write(OutputStream out, byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    private static int millis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }

    private static String shown(String s) {
        String t = s.length() <= SHOWN_CHARS ? s : "…" + s.substring(s.length() - SHOWN_CHARS);
        return "[" + t + "]";
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing for cleanup: nothing more to do
        }
    }

    // ---------------------------------------------------------------- steps

    /** One thing the server does, in order. */
    private interface Step {
        void run(ScriptedServer server, InputStream in, OutputStream out) throws IOException;

        String describe();
    }

    /**
     * A sequence of steps. Build it, then {@link ScriptedServer#start(Script) start} it; the
     * server runs a copy, so a script may be reused as a prefix.
     */
    public static final class Script {
        private final List<Step> steps = new ArrayList<>();
        private Duration stepTimeout = DEFAULT_STEP_TIMEOUT;

        private Script() {
        }

        private Script copy() {
            Script c = new Script();
            c.steps.addAll(steps);
            c.stepTimeout = stepTimeout;
            return c;
        }

        /** The bound on each waiting step and on the client's connection. */
        public Script stepTimeout(Duration timeout) {
            this.stepTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** Reads until what the client sent, after the previous match, contains this text. */
        public Script expect(String literal) {
            Objects.requireNonNull(literal);
            steps.add(new Step() {
                @Override
                public void run(ScriptedServer server, InputStream in, OutputStream out) throws IOException {
                    server.expect(in, text -> {
                        int at = text.indexOf(literal, server.cursor);
                        if (at < 0) {
                            return null;
                        }
                        Matcher m = Pattern.compile(Pattern.quote(literal)).matcher(text);
                        return m.find(at) ? m.toMatchResult() : null;
                    }, "'" + literal + "'");
                }

                @Override
                public String describe() {
                    return "expect '" + literal + "'";
                }
            });
            return this;
        }

        /** Reads until what the client sent, after the previous match, has a match of this pattern. */
        public Script expect(Pattern pattern) {
            Objects.requireNonNull(pattern);
            steps.add(new Step() {
                @Override
                public void run(ScriptedServer server, InputStream in, OutputStream out) throws IOException {
                    server.expect(in, text -> {
                        Matcher m = pattern.matcher(text);
                        return m.find(server.cursor) ? m.toMatchResult() : null;
                    }, "/" + pattern.pattern() + "/");
                }

                @Override
                public String describe() {
                    return "expect /" + pattern.pattern() + "/";
                }
            });
            return this;
        }

        /** Sends text as UTF-8, in one write. */
        public Script send(String text) {
            return send(text.getBytes(StandardCharsets.UTF_8), "send " + abbreviate(text));
        }

        /** Sends bytes as they are, in one write: for data that is not UTF-8 or not XML. */
        public Script send(byte[] bytes) {
            return send(bytes, "send " + bytes.length + " bytes");
        }

        private Script send(byte[] bytes, String description) {
            byte[] copy = bytes.clone();
            steps.add(new Step() {
                @Override
                public void run(ScriptedServer server, InputStream in, OutputStream out) throws IOException {
                    write(out, copy);
                }

                @Override
                public String describe() {
                    return description;
                }
            });
            return this;
        }

        /**
         * Sends text computed from the latest expectation's match, e.g. an IQ result carrying the
         * id the client chose: {@code expect(Pattern.compile("id='([^']+)'"))} then
         * {@code reply(m -> "<iq type='result' id='" + m.group(1) + "'/>")}.
         */
        public Script reply(Function<MatchResult, String> answer) {
            Objects.requireNonNull(answer);
            steps.add(new Step() {
                @Override
                public void run(ScriptedServer server, InputStream in, OutputStream out) throws IOException {
                    if (server.lastMatch == null) {
                        throw new AssertionError("reply(…) needs an expect(…) before it");
                    }
                    write(out, answer.apply(server.lastMatch).getBytes(StandardCharsets.UTF_8));
                }

                @Override
                public String describe() {
                    return "reply to the last match";
                }
            });
            return this;
        }

        /**
         * Sends the UTF-8 bytes of the text in pieces cut at the given byte offsets (which may
         * fall inside a multi-byte character), flushing each and pausing between them so that
         * they reach the client as separate reads. The pause is pacing, not a wait.
         */
        public Script sendInPieces(String text, Duration pause, int... cutOffsets) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            int[] cuts = cutOffsets.clone();
            Arrays.sort(cuts);
            for (int c : cuts) {
                if (c <= 0 || c >= bytes.length) {
                    throw new IllegalArgumentException("cut " + c + " outside 1.." + (bytes.length - 1));
                }
            }
            steps.add(new Step() {
                @Override
                public void run(ScriptedServer server, InputStream in, OutputStream out) throws IOException {
                    int from = 0;
                    for (int i = 0; i <= cuts.length; i++) {
                        int to = i < cuts.length ? cuts[i] : bytes.length;
                        write(out, Arrays.copyOfRange(bytes, from, to));
                        from = to;
                        if (i < cuts.length) {
                            LockSupport.parkNanos(pause.toNanos());
                        }
                    }
                }

                @Override
                public String describe() {
                    return "send in " + (cuts.length + 1) + " pieces " + abbreviate(text);
                }
            });
            return this;
        }

        /** Sends the text in pieces of {@code pieceBytes} bytes, pausing between them. */
        public Script sendSlowly(String text, int pieceBytes, Duration pause) {
            int length = text.getBytes(StandardCharsets.UTF_8).length;
            int[] cuts = new int[(length - 1) / pieceBytes];
            for (int i = 0; i < cuts.length; i++) {
                cuts[i] = (i + 1) * pieceBytes;
            }
            return sendInPieces(text, pause, cuts);
        }

        /** Closes the TCP connection (the script's end closes it too). */
        public Script close() {
            steps.add(new Step() {
                @Override
                public void run(ScriptedServer server, InputStream in, OutputStream out) throws IOException {
                    server.socket.close();
                }

                @Override
                public String describe() {
                    return "close the connection";
                }
            });
            return this;
        }

        /**
         * Waits, bounded, until the client closes the connection (a read returns end of stream,
         * or the connection is reset), recording whatever it sends meanwhile.
         */
        public Script awaitClose() {
            steps.add(new Step() {
                @Override
                public void run(ScriptedServer server, InputStream in, OutputStream out) throws IOException {
                    server.awaitClose(in);
                }

                @Override
                public String describe() {
                    return "await the client's close";
                }
            });
            return this;
        }

        private static String abbreviate(String s) {
            return s.length() <= 80 ? s : s.substring(0, 77) + "…";
        }
    }
}
