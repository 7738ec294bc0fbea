package org.xmppcert.harness.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import org.xmppcert.xmpp.tls.TrustPolicy;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The picocli mixin of {@code --cafile} and {@code --insecure} (mutually exclusive): how the
 * server's certificate is checked when TLS is negotiated (RFC 6120 §13.7.2). By default the JVM's
 * trust store decides. Shared by every command that connects to a server.
 */
final class TrustOptions {

    @ArgGroup(exclusive = true)
    private Choice choice = new Choice();

    static final class Choice {
        @Option(names = "--cafile", paramLabel = "FILE",
                description = "Trust the CA certificate(s) in this PEM file instead of the JVM's trust store.")
        Path caFile;

        @Option(names = "--insecure",
                description = "DANGER: accept ANY server certificate (for test servers only).")
        boolean insecure;
    }

    /** The PEM file of trusted CA certificates, or {@code null} for the JVM's trust store. */
    Path caFile() {
        return choice == null ? null : choice.caFile;
    }

    /** Whether any certificate is accepted. */
    boolean insecure() {
        return choice != null && choice.insecure;
    }

    /**
     * The trust policy these options ask for, for a server of this domain.
     *
     * @throws IOException or CertificateException when {@code --cafile} cannot be read
     */
    TrustPolicy policy(String domain) throws IOException, CertificateException {
        if (caFile() != null) {
            return TrustPolicy.caFile(domain, caFile());
        }
        return insecure() ? TrustPolicy.insecureAcceptAnyCertificate(domain) : TrustPolicy.jvmDefault(domain);
    }
}
