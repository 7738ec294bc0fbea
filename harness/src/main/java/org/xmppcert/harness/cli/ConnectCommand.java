package org.xmppcert.harness.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.jid.InvalidJidException;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.negotiation.ConnectionConfig;
import org.xmppcert.xmpp.negotiation.SessionNegotiator;
import org.xmppcert.xmpp.negotiation.TlsMode;
import org.xmppcert.xmpp.sasl.MechanismSelector;
import org.xmppcert.xmpp.session.CloseOutcome;
import org.xmppcert.xmpp.session.SessionOptions;
import org.xmppcert.xmpp.session.XmppClient;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.tls.TlsClientConfig;
import org.xmppcert.xmpp.tls.TlsCredentials;
import org.xmppcert.xmpp.tls.TlsImplementation;
import org.xmppcert.xmpp.tls.TrustPolicy;
import org.xmppcert.xmpp.transcript.Transcript;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code xmppcert connect}: opens one fully negotiated session (RFC 6120 §4–§7, RFC 3921 §3)
 * and prints what was negotiated at each stage. A first diagnostic before a certification run.
 */
@Command(name = "connect",
        header = "Open one session with the reference client and show what was negotiated.",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Shows the features offered at each stage, the TLS version and cipher,",
            "the SASL mechanism, compression and the bound JID; then closes the",
            "session with the closing handshake (RFC 6120 §4.4).",
            "",
            "The password comes from --password, else the environment variable",
            "XMPPCERT_PASSWORD, else standard input (the first line; a terminal does",
            "not echo it). Passwords and SASL data never appear in the output."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:connected, negotiated and closed",
            "2:usage or configuration error",
            "3:no connection (refused, unreachable, unknown host, timeout)",
            "4:TLS failure or certificate rejected",
            "5:authentication failed",
            "6:the server ended or broke the stream (stream error, malformed XML, bind refused)",
            "7:the server did not answer within --timeout"})
final class ConnectCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--jid", required = true, paramLabel = "JID",
            description = "Account to log in as, e.g. alice@example.com (a resource, if given, is requested at "
                    + "binding). Only a domain means anonymous login (SASL ANONYMOUS).")
    private String jid;

    @CommandLine.Mixin
    private AddressOptions address;

    @Option(names = "--password", paramLabel = "PASSWORD", interactive = false, arity = "1",
            description = "The password. Visible to other local users in the process list: prefer "
                    + "XMPPCERT_PASSWORD or standard input.")
    private String password;

    @CommandLine.Mixin
    private TrustOptions trust;

    @Option(names = "--tls", paramLabel = "MODE", defaultValue = "required",
            description = "STARTTLS: required (default; refuse a server without it), optional, or disabled "
                    + "(never negotiate it, to see how a server enforces TLS).")
    private String tlsMode;

    @Option(names = "--tls-version", paramLabel = "VERSION", split = ",",
            description = "Allowed TLS versions, e.g. TLSv1.2 (default: TLSv1.3,TLSv1.2).")
    private List<String> tlsVersions;

    @Option(names = "--tls-implementation", paramLabel = "IMPL", defaultValue = "jdk",
            description = "TLS implementation: jdk (default, the JVM's own) or bc (Bouncy Castle's JSSE, which "
                    + "enables the tls-unique and tls-exporter channel bindings for SCRAM-SHA-1-PLUS, "
                    + "RFC 6120 §13.9.4: tls-unique on TLS 1.2; tls-exporter on TLS 1.3 only where Bouncy Castle "
                    + "can export it, which 1.84 cannot).")
    private String tlsImplementation;

    @Option(names = "--sasl", paramLabel = "MECHANISM", split = ",",
            description = "SASL mechanisms in order of preference (default: EXTERNAL with a client certificate, "
                    + "SCRAM-SHA-1-PLUS, SCRAM-SHA-1, DIGEST-MD5, PLAIN; ANONYMOUS only for an anonymous JID).")
    private List<String> mechanisms;

    @Option(names = "--allow-plain", paramLabel = "WHEN", defaultValue = "verified-tls",
            description = "When SASL PLAIN may send the password (RFC 6120 §13.8.3): verified-tls (default), "
                    + "any-tls (also with --insecure), or cleartext (also without TLS).")
    private String plainPolicy;

    @Option(names = "--no-compression", description = "Do not negotiate XEP-0138 stream compression, even when offered.")
    private boolean noCompression;

    @Option(names = "--resource", paramLabel = "RESOURCE",
            description = "Resource to request at binding (default: the JID's, else server-generated).")
    private String resource;

    @Option(names = "--client-cert", paramLabel = "PEM",
            description = "Client certificate chain (PEM) to present in TLS, for SASL EXTERNAL (XEP-0178).")
    private Path clientCert;

    @Option(names = "--client-key", paramLabel = "PEM", description = "Private key (PEM) of --client-cert.")
    private Path clientKey;

    @Option(names = "--dns", paramLabel = "HOST[:PORT]",
            description = "DNS server for the SRV lookup, instead of the system's resolver.")
    private String dnsServer;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "Bound on each step: the TCP connection, and each answer from the server (default: 10s).")
    private Duration timeout;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    private boolean json;

    @Option(names = "--transcript",
            description = "Also print the wire transcript (SASL payloads and passwords redacted).")
    private boolean showTranscript;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConnectionConfig config;
        Transcript transcript = new Transcript();
        try {
            config = config(transcript);
        } catch (UsageException e) {
            err.println("xmppcert connect: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        ConnectOutput output = new ConnectOutput(json, out);
        try (XmppClient client = new XmppClient()) {
            SessionNegotiator negotiator = new SessionNegotiator(client, config);
            try {
                XmppSession session = negotiator.negotiate();
                CloseOutcome close = session.close(timeout);
                output.success(negotiator.report(), close, showTranscript ? transcript : null);
                return ExitCode.OK.code();
            } catch (XmppException e) {
                Failure failure = Failure.of(e);
                output.failure(negotiator.report(), failure, showTranscript ? transcript : null);
                err.println("xmppcert connect: " + failure.line());
                return failure.exitCode().code();
            }
        }
    }

    private ConnectionConfig config(Transcript transcript) throws UsageException {
        Jid account;
        try {
            account = Jid.of(jid);
        } catch (InvalidJidException e) {
            throw new UsageException("--jid: " + e.getMessage());
        }
        String host = address.host();
        Integer port = address.port();
        if (port != null && (port < 1 || port > 65535)) {
            throw new UsageException("--port must be between 1 and 65535");
        }
        ConnectionConfig.Builder b = ConnectionConfig.builder(account)
                .tlsMode(parseTlsMode())
                .plainPolicy(parsePlainPolicy())
                .compression(!noCompression)
                .sessionOptions(SessionOptions.builder().replyTimeout(timeout).connectTimeout(timeout)
                        .transcriptListener(transcript).build());
        if (host != null) {
            b.host(host, port == null ? 0 : port);
        } else if (port != null) {
            b.port(port);
        }
        if (resource != null) {
            b.resource(resource);
        }
        if (mechanisms != null) {
            b.saslMechanisms(mechanisms.stream().map(m -> m.trim().toUpperCase(Locale.ROOT)).toList());
        }
        if (dnsServer != null) {
            b.dnsServer(parseHostPort(dnsServer, 53, "--dns"));
        }
        b.tls(tlsConfig(account.domain()));
        if (account.local().isPresent() && (clientCert == null || password != null
                || System.getenv("XMPPCERT_PASSWORD") != null)) {
            b.password(readPassword());
        }
        return b.build();
    }

    private TlsClientConfig tlsConfig(String domain) throws UsageException {
        TrustPolicy policy;
        try {
            policy = trust.policy(domain);
        } catch (IOException | CertificateException e) {
            throw new UsageException("--cafile " + trust.caFile() + ": " + e.getMessage());
        }
        TlsClientConfig tls = TlsClientConfig.of(policy).withImplementation(parseTlsImplementation());
        if (tlsVersions != null && !tlsVersions.isEmpty()) {
            tls = tls.withProtocols(tlsVersions.toArray(String[]::new));
        }
        if (clientCert != null || clientKey != null) {
            if (clientCert == null || clientKey == null) {
                throw new UsageException("--client-cert and --client-key go together");
            }
            try {
                tls = tls.withClientCertificate(TlsCredentials.fromPem(clientKey, clientCert));
            } catch (IOException | GeneralSecurityException e) {
                throw new UsageException("client certificate: " + e.getMessage());
            }
        }
        return tls;
    }

    private TlsMode parseTlsMode() throws UsageException {
        return switch (tlsMode.toLowerCase(Locale.ROOT)) {
            case "required" -> TlsMode.REQUIRED;
            case "optional" -> TlsMode.OPTIONAL;
            case "disabled", "off" -> TlsMode.DISABLED;
            default -> throw new UsageException("--tls must be required, optional or disabled, not '" + tlsMode + "'");
        };
    }

    private TlsImplementation parseTlsImplementation() throws UsageException {
        return switch (tlsImplementation.toLowerCase(Locale.ROOT)) {
            case "jdk" -> TlsImplementation.JDK;
            case "bc" -> TlsImplementation.BOUNCY_CASTLE;
            default -> throw new UsageException(
                    "--tls-implementation must be jdk or bc, not '" + tlsImplementation + "'");
        };
    }

    private MechanismSelector.PlainPolicy parsePlainPolicy() throws UsageException {
        return switch (plainPolicy.toLowerCase(Locale.ROOT)) {
            case "verified-tls" -> MechanismSelector.PlainPolicy.VERIFIED_TLS_ONLY;
            case "any-tls" -> MechanismSelector.PlainPolicy.ANY_TLS;
            case "cleartext" -> MechanismSelector.PlainPolicy.ALSO_CLEARTEXT;
            default -> throw new UsageException(
                    "--allow-plain must be verified-tls, any-tls or cleartext, not '" + plainPolicy + "'");
        };
    }

    private char[] readPassword() throws UsageException {
        if (password != null) {
            return password.toCharArray();
        }
        String fromEnv = System.getenv("XMPPCERT_PASSWORD");
        if (fromEnv != null) {
            return fromEnv.toCharArray();
        }
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("Password for %s: ", jid);
            if (typed == null || typed.length == 0) {
                throw new UsageException("no password given");
            }
            return typed;
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new UsageException("no password: use --password, XMPPCERT_PASSWORD or standard input");
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw new UsageException("cannot read the password from standard input: " + e.getMessage());
        }
    }

    static InetSocketAddress parseHostPort(String value, int defaultPort, String option) throws UsageException {
        String h = value;
        int p = defaultPort;
        int colon = value.lastIndexOf(':');
        if (colon > 0 && value.indexOf(':') == colon) {
            h = value.substring(0, colon);
            try {
                p = Integer.parseInt(value.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new UsageException(option + ": bad port in '" + value + "'");
            }
        }
        return new InetSocketAddress(h, p);
    }

    /** A problem with the command line or the files it names. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }
}
