package org.xmppcert.harness.cli;

import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.bind.BindException;
import org.xmppcert.xmpp.bind.SessionEstablishmentException;
import org.xmppcert.xmpp.negotiation.AuthenticationException;
import org.xmppcert.xmpp.negotiation.NegotiationException;
import org.xmppcert.xmpp.negotiation.TlsNegotiationException;
import org.xmppcert.xmpp.session.ConnectFailedException;
import org.xmppcert.xmpp.session.ConnectionLostException;
import org.xmppcert.xmpp.session.MalformedStreamException;
import org.xmppcert.xmpp.session.ProtocolViolationException;
import org.xmppcert.xmpp.session.ResponseTimeoutException;
import org.xmppcert.xmpp.session.StreamErrorException;

/**
 * Why a session could not be opened, in the words of the command line: a short reason
 * ({@code connection refused}, {@code certificate rejected}, …), a message, and the exit code.
 *
 * @param reason a short, stable phrase naming the kind of failure
 * @param message the details (never a password or SASL data: the exceptions guarantee that)
 * @param exitCode the process exit code for it
 */
record Failure(String reason, String message, ExitCode exitCode) {

    /** One line naming the reason first, without repeating it when the message already does. */
    String line() {
        return message == null ? reason : message.startsWith(reason) ? message : reason + ": " + message;
    }

    static Failure of(XmppException e) {
        String m = e.getMessage();
        if (e instanceof ConnectFailedException c) {
            return switch (c.reason()) {
                case REFUSED -> new Failure("connection refused", m, ExitCode.UNREACHABLE);
                case TIMEOUT -> new Failure("timeout", m, ExitCode.UNREACHABLE);
                case UNKNOWN_HOST -> new Failure("unknown host", m, ExitCode.UNREACHABLE);
                case SERVICE_NOT_AVAILABLE -> new Failure("no XMPP service", m, ExitCode.UNREACHABLE);
                case NETWORK -> new Failure("network error", m, ExitCode.UNREACHABLE);
            };
        }
        if (e instanceof TlsNegotiationException t) {
            return t.kind() == TlsNegotiationException.Kind.CERTIFICATE_REJECTED
                    ? new Failure("certificate rejected", m, ExitCode.TLS)
                    : new Failure("TLS failure", m, ExitCode.TLS);
        }
        if (e instanceof AuthenticationException) {
            return new Failure("authentication failed", m, ExitCode.AUTHENTICATION);
        }
        if (e instanceof ResponseTimeoutException) {
            return new Failure("timeout", m, ExitCode.TIMEOUT);
        }
        if (e instanceof StreamErrorException) {
            return new Failure("stream error", m, ExitCode.PROTOCOL);
        }
        if (e instanceof MalformedStreamException) {
            return new Failure("malformed stream", m, ExitCode.PROTOCOL);
        }
        if (e instanceof BindException) {
            return new Failure("resource binding failed", m, ExitCode.PROTOCOL);
        }
        if (e instanceof SessionEstablishmentException) {
            return new Failure("session establishment failed", m, ExitCode.PROTOCOL);
        }
        if (e instanceof ConnectionLostException) {
            return new Failure("connection lost", m, ExitCode.PROTOCOL);
        }
        if (e instanceof NegotiationException || e instanceof ProtocolViolationException) {
            return new Failure("protocol violation", m, ExitCode.PROTOCOL);
        }
        return new Failure("error", m, ExitCode.PROTOCOL);
    }
}
