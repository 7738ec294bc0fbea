package org.xmppcert.xmpp.tls;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of checking a certificate against the XMPP domain a client expects
 * (RFC 6120 §13.7.2.1, with the matching rules of RFC 6125 §6.4).
 *
 * @param referenceDomain the domain as the client gave it (the 'to' of its stream header)
 * @param presentedIdentifiers every identifier the certificate presents, CN-IDs included
 * @param matchedBy the identifier that matched, if any
 * @param explanation why it matched, or why nothing did, in words fit for a report
 */
public record IdentityVerification(
        String referenceDomain,
        List<PresentedIdentifier> presentedIdentifiers,
        Optional<PresentedIdentifier> matchedBy,
        String explanation) {

    public IdentityVerification {
        Objects.requireNonNull(referenceDomain, "referenceDomain");
        presentedIdentifiers = List.copyOf(presentedIdentifiers);
        Objects.requireNonNull(matchedBy, "matchedBy");
        Objects.requireNonNull(explanation, "explanation");
    }

    /** True when one presented identifier matched the reference identifiers. */
    public boolean matched() {
        return matchedBy.isPresent();
    }
}
