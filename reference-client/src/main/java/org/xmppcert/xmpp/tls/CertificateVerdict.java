package org.xmppcert.xmpp.tls;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the client concluded about the server's certificate (RFC 6120 §13.7.2): every
 * problem found, with its detail, and what the certificate presented. It is recorded for
 * every handshake, including under
 * {@link TrustPolicy#insecureAcceptAnyCertificate(String)}, where the problems did not stop
 * the connection but a report can still say that the certificate "would have been
 * rejected".
 *
 * @param referenceDomain the XMPP domain the certificate was checked against
 * @param subject the subject DN of the end-entity certificate; empty when none was sent
 * @param findings each problem with its detail, the most fundamental first; empty when
 *     the certificate is acceptable
 * @param identity the identity check, absent when no certificate was sent
 * @param enforced whether the trust policy aborts the handshake on a problem
 * @param trustAnchors which anchors the chain was validated against, in words
 */
public record CertificateVerdict(
        String referenceDomain,
        String subject,
        Map<CertificateProblem, String> findings,
        Optional<IdentityVerification> identity,
        boolean enforced,
        String trustAnchors) {

    public CertificateVerdict {
        Objects.requireNonNull(referenceDomain, "referenceDomain");
        Objects.requireNonNull(subject, "subject");
        // Copied into a LinkedHashMap view: Map.copyOf would lose the order of the findings.
        findings = Collections.unmodifiableMap(new LinkedHashMap<>(findings));
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(trustAnchors, "trustAnchors");
    }

    /** True when the certificate passed every check. */
    public boolean trusted() {
        return findings.isEmpty();
    }

    /** True when the handshake went on although the certificate has problems (insecure policy). */
    public boolean acceptedDespiteProblems() {
        return !trusted() && !enforced;
    }

    /** The problems, most fundamental first. */
    public List<CertificateProblem> problems() {
        return List.copyOf(findings.keySet());
    }

    /** The identifiers the certificate presented (empty when there was no certificate). */
    public List<PresentedIdentifier> presentedIdentifiers() {
        return identity.map(IdentityVerification::presentedIdentifiers).orElse(List.of());
    }

    /**
     * One sentence for a report or an exception message, e.g. {@code certificate rejected:
     * name mismatch (none of the presented identifiers …)}.
     */
    public String summary() {
        if (trusted()) {
            return "certificate accepted for " + referenceDomain + ": " + subject + ", "
                    + identity.map(IdentityVerification::explanation).orElse("");
        }
        String problems = findings.entrySet().stream()
                .map(e -> e.getKey().description() + " (" + e.getValue() + ")")
                .collect(Collectors.joining("; "));
        return enforced
                ? "certificate rejected: " + problems
                : "certificate would have been rejected: " + problems
                        + "; accepted only because the trust policy is insecureAcceptAnyCertificate";
    }

    @Override
    public String toString() {
        return "CertificateVerdict[" + summary() + "]";
    }
}
