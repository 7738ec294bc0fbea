package org.xmppcert.harness.cli;

/**
 * The exit codes of the {@code xmppcert} commands, documented in {@code --help} and the README.
 * {@code connect} uses 0 and 2–7; {@code server} uses 0–3 (and 130 when interrupted).
 */
public enum ExitCode {
    /** The command did what it was asked. */
    OK(0),
    /** The target is not compliant (certification commands). */
    NOT_COMPLIANT(1),
    /** Bad usage or configuration: unknown option, missing password, unreadable CA file. */
    USAGE(2),
    /** No connection: refused, unreachable, unknown host, DNS says no service, connect timeout. */
    UNREACHABLE(3),
    /** STARTTLS failed: not offered while required, refused, handshake failure, certificate rejected. */
    TLS(4),
    /** SASL authentication failed, or no offered mechanism was usable. */
    AUTHENTICATION(5),
    /** The server broke off or broke the protocol: stream error, malformed XML, bind refused. */
    PROTOCOL(6),
    /** The server did not answer within the timeout. */
    TIMEOUT(7),
    /** A bug in xmppcert. */
    INTERNAL_ERROR(70);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
