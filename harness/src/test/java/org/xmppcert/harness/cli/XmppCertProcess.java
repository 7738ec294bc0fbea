package org.xmppcert.harness.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built executable jar ({@code harness/target/xmppcert.jar}) as a user would, with a
 * generous outer bound, and captures its exit code and output.
 */
final class XmppCertProcess {
    private static final long OUTER_BOUND_SECONDS = 90;

    record Result(int exitCode, String stdout, String stderr) {
        List<String> stderrLines() {
            return stderr.isBlank() ? List.of() : List.of(stderr.strip().split("\\R"));
        }
    }

    private XmppCertProcess() {
    }

    static Result run(Map<String, String> env, String stdin, String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("xmppcert.jar", "target/xmppcert.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the executable jar is missing: " + jar + " (run mvn package)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("XMPPCERT_PASSWORD");
        pb.environment().putAll(env);
        Process p = pb.start();
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture<String> err = drain(p.getErrorStream());
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!p.waitFor(OUTER_BOUND_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("xmppcert did not end within " + OUTER_BOUND_SECONDS + " s: "
                    + String.join(" ", args));
        }
        return new Result(p.exitValue(), out.join(), err.join());
    }

    private static CompletableFuture<String> drain(InputStream s) {
        return CompletableFuture.supplyAsync(() -> {
            try (s) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                s.transferTo(b);
                return b.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "<unreadable: " + e + ">";
            }
        });
    }
}
