package org.xmppcert.xmpp.caps;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.xmppcert.xmpp.disco.DataForm;
import org.xmppcert.xmpp.disco.DiscoInfo;
import org.xmppcert.xmpp.disco.LocalFeatures;
import org.xmppcert.xmpp.jid.Jid;

/**
 * The XEP-0115 §5.4 processing method on a disco#info already received: no network, so every
 * rule can be tested alone, and a harness can apply it to an answer it obtained its own way.
 * {@link EntityCapabilities#verify} asks, calls this and caches.
 *
 * <ol>
 * <li>No {@code hash}: legacy format (§5.4 step 1, §13): {@code LEGACY}, nothing checked.</li>
 * <li>A hash not supported: {@code UNSUPPORTED_HASH} (step 2), info kept for the JID only.</li>
 * <li>Rule 3.3: two identities with the same category/type/lang/name; rule 3.4: two features
 *     with the same var; rule 3.5: two forms with the same FORM_TYPE, or a FORM_TYPE with
 *     several different values: {@code ILL_FORMED}.</li>
 * <li>Rule 3.6: a form without FORM_TYPE, or whose FORM_TYPE is not {@code hidden}, is ignored
 *     (a finding), and processing continues without it.</li>
 * <li>Rules 3.7–3.9: recompute with {@link VerificationString}; {@code VERIFIED} or
 *     {@code MISMATCH}.</li>
 * </ol>
 */
public final class CapsVerifier {
    private CapsVerifier() {
    }

    /**
     * Processes the caps of an entity against the disco#info it returned for {@code node#ver}.
     *
     * @param entity who announced the caps (for the result only), or {@code null}
     * @param caps what it announced
     * @param info what it answered; may be {@code null} for legacy caps only
     */
    public static CapsVerification check(Jid entity, Caps caps, DiscoInfo info) {
        List<String> findings = new ArrayList<>();
        if (caps.isLegacy()) {
            findings.add("no 'hash': legacy format (XEP-0115 §5.4 step 1, §13); ver '" + caps.ver()
                    + "' is an opaque version" + (caps.ext() == null ? "" : " with ext '" + caps.ext() + "'")
                    + " and cannot be verified");
            return new CapsVerification(entity, caps, CapsVerification.Status.LEGACY, info, null, false, findings);
        }
        if (info == null) {
            throw new IllegalArgumentException("caps with a hash are checked against a disco#info");
        }
        if (!VerificationString.isSupported(caps.hash())) {
            findings.add("hash '" + caps.hash() + "' is not supported: the info holds for " + entity
                    + " only and is not cached (XEP-0115 §5.4 step 2)");
            return new CapsVerification(entity, caps, CapsVerification.Status.UNSUPPORTED_HASH, info, null, false,
                    findings);
        }
        illFormed(info, findings);
        if (!findings.isEmpty()) {
            return new CapsVerification(entity, caps, CapsVerification.Status.ILL_FORMED, info, null, false,
                    findings);
        }
        List<DataForm> kept = new ArrayList<>();
        for (DataForm form : info.forms()) {
            if (form.formTypeField().isEmpty()) {
                findings.add("a form without FORM_TYPE is ignored (XEP-0115 §5.4 rule 3.6)");
            } else if (!form.hasHiddenFormType()) {
                findings.add("form " + form.formType().orElse("(no value)")
                        + " is ignored: its FORM_TYPE is not of type hidden (XEP-0115 §5.4 rule 3.6)");
            } else {
                kept.add(form);
            }
        }
        DiscoInfo hashed = new DiscoInfo(info.node(), info.identities(), info.features(), kept);
        String computed = VerificationString.compute(hashed, caps.hash());
        CapsVerification.Status status = computed.equals(caps.ver())
                ? CapsVerification.Status.VERIFIED : CapsVerification.Status.MISMATCH;
        if (status == CapsVerification.Status.MISMATCH) {
            findings.add("the recomputed ver differs: the result is invalid and not cached (XEP-0115 §5.4 rule 3.9)");
        }
        return new CapsVerification(entity, caps, status, info, computed, false, findings);
    }

    /** Rules 3.3–3.5; adds one finding per violation. */
    private static void illFormed(DiscoInfo info, List<String> findings) {
        Set<LocalFeatures.Identity> identities = new HashSet<>();
        for (LocalFeatures.Identity i : info.identities()) {
            if (!identities.add(i)) {
                findings.add("identity " + i.category() + "/" + i.type() + "/" + (i.lang() == null ? "" : i.lang())
                        + "/" + (i.name() == null ? "" : i.name())
                        + " is listed more than once (XEP-0115 §5.4 rule 3.3)");
            }
        }
        Set<String> features = new HashSet<>();
        for (String f : info.features()) {
            if (!features.add(f)) {
                findings.add("feature " + f + " is listed more than once (XEP-0115 §5.4 rule 3.4)");
            }
        }
        Set<String> formTypes = new HashSet<>();
        for (DataForm form : info.forms()) {
            List<DataForm.Field> ft = form.fields(DataForm.FORM_TYPE);
            if (ft.isEmpty()) {
                continue;
            }
            // Several FORM_TYPE fields are several values of FORM_TYPE as far as rule 3.5 goes.
            Set<String> values = new HashSet<>();
            ft.forEach(f -> values.addAll(f.values()));
            if (values.size() > 1) {
                findings.add("a FORM_TYPE has several different values " + values + " (XEP-0115 §5.4 rule 3.5)");
            }
            form.formType().ifPresent(t -> {
                if (!formTypes.add(t)) {
                    findings.add("two forms have FORM_TYPE " + t + " (XEP-0115 §5.4 rule 3.5)");
                }
            });
        }
    }
}
