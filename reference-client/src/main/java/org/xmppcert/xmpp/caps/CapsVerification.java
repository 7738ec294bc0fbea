package org.xmppcert.xmpp.caps;

import java.util.List;
import java.util.Objects;
import org.xmppcert.xmpp.disco.DiscoInfo;
import org.xmppcert.xmpp.jid.Jid;

/**
 * What processing an entity's caps gave (XEP-0115 §5.4), for a harness to turn into a verdict.
 *
 * @param entity the generating entity that was asked (or whose caps were checked)
 * @param caps the caps it announced
 * @param status the outcome
 * @param info the disco#info the outcome is based on: what the entity answered, or the cached
 *     verified answer; {@code null} when nothing was asked (legacy)
 * @param computedVer the {@code ver} recomputed from {@code info}, or {@code null} when none was
 *     (legacy, unsupported hash, ill-formed response)
 * @param fromCache whether {@code info} came from the cache of verified {@code ver}s, without a query
 * @param findings why the status is what it is, each citing its rule (ill-formed parts, ignored
 *     forms, legacy format)
 */
public record CapsVerification(Jid entity, Caps caps, Status status, DiscoInfo info, String computedVer,
        boolean fromCache, List<String> findings) {

    /** The outcome of §5.4. */
    public enum Status {
        /** The recomputed {@code ver} matches (§5.4 rule 3.8): valid, and cacheable for every JID. */
        VERIFIED,
        /** The recomputed {@code ver} differs (§5.4 rule 3.9): invalid, never cached. */
        MISMATCH,
        /** The response breaks §5.4 rules 3.3–3.5 (duplicates): "the entire response" is ill-formed. */
        ILL_FORMED,
        /**
         * The hash function is not supported (§5.4 step 2): the info holds for this JID only, not
         * for the {@code ver}.
         */
        UNSUPPORTED_HASH,
        /**
         * No {@code hash} attribute: the legacy format (§13), whose {@code ver} is an opaque
         * version. It cannot be verified, so it is never cached as verified.
         */
        LEGACY
    }

    public CapsVerification {
        Objects.requireNonNull(caps, "caps");
        Objects.requireNonNull(status, "status");
        findings = List.copyOf(findings);
    }

    /** Whether the {@code ver} was verified, now or earlier (cache). */
    public boolean isVerified() {
        return status == Status.VERIFIED;
    }

    /** One line for a report. */
    public String describe() {
        String head = status + " " + caps.discoNode() + (entity == null ? "" : " of " + entity)
                + (fromCache ? " (cached)" : "");
        if (computedVer != null && status == Status.MISMATCH) {
            head += ": announced " + caps.ver() + ", recomputed " + computedVer;
        }
        return findings.isEmpty() ? head : head + "; " + String.join("; ", findings);
    }
}
