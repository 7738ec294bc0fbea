package org.xmppcert.xmpp.tls;

/**
 * Why a peer certificate fails validation (RFC 6120 §13.7.2; RFC 3920 §14.2 cases #2 and
 * #3). One certificate can have several problems; {@link CertificateVerdict} lists all of
 * them so that a report can say everything that was wrong.
 */
public enum CertificateProblem {
    /** The peer sent no certificate, although RFC 6120 §5.4.3.1 rule 2 requires one. */
    NO_CERTIFICATE("no certificate"),
    /** A certificate of the chain is past its notAfter. */
    EXPIRED("expired"),
    /** A certificate of the chain is before its notBefore. */
    NOT_YET_VALID("not yet valid"),
    /** The certificate signs itself and is not a trust anchor (RFC 3920 §14.2 case #3). */
    SELF_SIGNED_UNTRUSTED("self-signed and not trusted"),
    /** No certification path leads to a trust anchor (RFC 3920 §14.2 case #2). */
    UNTRUSTED_ISSUER("issued by an untrusted CA"),
    /** A path exists but fails PKIX validation otherwise: signature, constraints, key usage, algorithm. */
    INVALID_CHAIN("invalid certification path"),
    /** None of the certificate's identifiers matches the XMPP domain (RFC 6120 §13.7.2.1). */
    NAME_MISMATCH("name mismatch");

    private final String description;

    CertificateProblem(String description) {
        this.description = description;
    }

    /** Words for a report, e.g. {@code name mismatch}. */
    public String description() {
        return description;
    }
}
