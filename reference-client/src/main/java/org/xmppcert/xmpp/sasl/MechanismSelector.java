package org.xmppcert.xmpp.sasl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Picks the mechanism to try from the server's offer, in the client's own preference order
 * (RFC 6120 §6.3.3: the client MUST keep its own order and MUST NOT try a mechanism that is
 * not on its list), and says why, so that a report can show it. Immutable.
 *
 * <p>The default order is {@link #DEFAULT_ORDER}:
 * <ol>
 *   <li>EXTERNAL, only when the caller says a client certificate was presented (RFC 6120
 *       §6.3.4: the client SHOULD try EXTERNAL first; XEP-0178);</li>
 *   <li>SCRAM-SHA-1-PLUS, only with a channel binding from the TLS layer (RFC 6120 §13.8.3,
 *       §13.9.4: prefer the channel-binding variant);</li>
 *   <li>SCRAM-SHA-1 (RFC 6120 §13.8.1);</li>
 *   <li>DIGEST-MD5 (RFC 6120 §13.8.1 keeps it for backward compatibility);</li>
 *   <li>PLAIN, last resort (RFC 6120 §13.8.3 "MUST prefer more secure mechanisms"), and only
 *       as {@link PlainPolicy} allows: by default over TLS with a verified server certificate,
 *       since the client "MUST NOT use the PLAIN mechanism if the stream does not at a minimum
 *       have confidentiality and integrity protection via TLS with full certificate
 *       validation";</li>
 *   <li>ANONYMOUS, only when asked for ({@link #withAnonymous}, or an explicit order that
 *       lists it) or when the credentials have no password.</li>
 * </ol>
 *
 * <p>Offered names this client does not know are ignored, not errors; they appear in the
 * {@link Selection} with the reason.
 */
public final class MechanismSelector {

    /** The default preference order; see the class comment for the conditions on each. */
    public static final List<String> DEFAULT_ORDER =
            List.of("EXTERNAL", "SCRAM-SHA-1-PLUS", "SCRAM-SHA-1", "DIGEST-MD5", "PLAIN", "ANONYMOUS");

    /** RFC 4422 §3.1: 1 to 20 of A-Z, 0-9, hyphen, underscore. */
    private static final Pattern MECHANISM_NAME = Pattern.compile("[A-Z0-9_-]{1,20}");

    /** What protects the stream at the time of selection. */
    public enum StreamSecurity {
        /** No TLS. */
        NONE,
        /** TLS, without full validation of the server certificate (RFC 6120 §13.7.2.1). */
        TLS_UNVERIFIED,
        /** TLS with the server certificate fully validated (RFC 6120 §13.7.2.1). */
        TLS_VERIFIED
    }

    /** Where PLAIN may be chosen (RFC 6120 §13.8.3). */
    public enum PlainPolicy {
        /** The RFC 6120 §13.8.3 rule: only over TLS with full certificate validation. */
        VERIFIED_TLS_ONLY,
        /** Over any TLS, e.g. a test server with a self-signed certificate. */
        ANY_TLS,
        /** Even in cleartext: the caller explicitly accepts sending the password in the open. */
        ALSO_CLEARTEXT
    }

    private final List<String> order;
    private final PlainPolicy plainPolicy;
    private final boolean anonymousRequested;

    private MechanismSelector(List<String> order, PlainPolicy plainPolicy, boolean anonymousRequested) {
        this.order = order;
        this.plainPolicy = plainPolicy;
        this.anonymousRequested = anonymousRequested;
    }

    /** {@link #DEFAULT_ORDER}, PLAIN only over verified TLS, ANONYMOUS only without a password. */
    public static MechanismSelector withDefaultOrder() {
        return new MechanismSelector(DEFAULT_ORDER, PlainPolicy.VERIFIED_TLS_ONLY, false);
    }

    /**
     * An explicit order, most preferred first; mechanisms left out are never chosen. Listing
     * ANONYMOUS counts as asking for it. The conditions of the class comment still apply.
     *
     * @throws IllegalArgumentException for a name this package does not implement, or a
     *     repeated one
     */
    public static MechanismSelector withOrder(List<String> order) {
        Set<String> seen = new HashSet<>();
        for (String name : order) {
            if (!DEFAULT_ORDER.contains(name)) {
                throw new IllegalArgumentException("not a mechanism this client implements: " + name);
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("listed twice: " + name);
            }
        }
        return new MechanismSelector(List.copyOf(order), PlainPolicy.VERIFIED_TLS_ONLY, order.contains("ANONYMOUS"));
    }

    public MechanismSelector withPlainPolicy(PlainPolicy policy) {
        return new MechanismSelector(order, Objects.requireNonNull(policy, "policy"), anonymousRequested);
    }

    /** Allows ANONYMOUS even when the credentials have a password. */
    public MechanismSelector withAnonymous() {
        return new MechanismSelector(order, plainPolicy, true);
    }

    public List<String> order() {
        return order;
    }

    /**
     * @param offered the server's {@code <mechanism/>} names, in its order
     * @param credentials what the client has
     * @param security what protects the stream now
     * @param clientCertificate whether the client presented a certificate during TLS
     */
    public Selection select(Collection<String> offered, SaslCredentials credentials, StreamSecurity security,
            boolean clientCertificate) {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(security, "security");
        List<String> offer = List.copyOf(new LinkedHashSet<>(offered));
        List<String> candidates = new ArrayList<>();
        List<Selection.Consideration> considerations = new ArrayList<>();
        for (String name : order) {
            Selection.Decision decision = offer.contains(name)
                    ? eligibility(name, credentials, security, clientCertificate)
                    : Selection.Decision.NOT_OFFERED;
            if (decision == Selection.Decision.CHOSEN) {
                decision = candidates.isEmpty() ? Selection.Decision.CHOSEN : Selection.Decision.FALLBACK;
                candidates.add(name);
            }
            considerations.add(new Selection.Consideration(name, decision));
        }
        for (String name : offer) {
            if (!order.contains(name)) {
                considerations.add(new Selection.Consideration(name, ignored(name)));
            }
        }
        return new Selection(offer, candidates, considerations);
    }

    /** CHOSEN stands for "eligible" here; {@link #select} ranks the eligible ones. */
    private Selection.Decision eligibility(String name, SaslCredentials credentials, StreamSecurity security,
            boolean clientCertificate) {
        switch (name) {
            case "EXTERNAL":
                return clientCertificate ? Selection.Decision.CHOSEN : Selection.Decision.NO_CLIENT_CERTIFICATE;
            case "SCRAM-SHA-1-PLUS":
                if (!credentials.hasPassword()) {
                    return Selection.Decision.NO_PASSWORD;
                }
                return credentials.channelBinding().isPresent()
                        ? Selection.Decision.CHOSEN : Selection.Decision.NO_CHANNEL_BINDING;
            case "SCRAM-SHA-1":
            case "DIGEST-MD5":
                return credentials.hasPassword() ? Selection.Decision.CHOSEN : Selection.Decision.NO_PASSWORD;
            case "PLAIN":
                if (!credentials.hasPassword()) {
                    return Selection.Decision.NO_PASSWORD;
                }
                return plainAllowed(security);
            case "ANONYMOUS":
                return anonymousRequested || !credentials.hasPassword()
                        ? Selection.Decision.CHOSEN : Selection.Decision.ANONYMOUS_NOT_REQUESTED;
            default:
                throw new IllegalStateException("withOrder() admits only implemented names: " + name);
        }
    }

    private Selection.Decision plainAllowed(StreamSecurity security) {
        switch (security) {
            case TLS_VERIFIED:
                return Selection.Decision.CHOSEN;
            case TLS_UNVERIFIED:
                return plainPolicy == PlainPolicy.VERIFIED_TLS_ONLY
                        ? Selection.Decision.TLS_NOT_VERIFIED : Selection.Decision.CHOSEN;
            default:
                return plainPolicy == PlainPolicy.ALSO_CLEARTEXT
                        ? Selection.Decision.CHOSEN : Selection.Decision.CLEARTEXT_NOT_ALLOWED;
        }
    }

    private static Selection.Decision ignored(String name) {
        if (!MECHANISM_NAME.matcher(name).matches()) {
            return Selection.Decision.INVALID_NAME;
        }
        return DEFAULT_ORDER.contains(name) ? Selection.Decision.NOT_IN_PREFERENCE_ORDER : Selection.Decision.NOT_SUPPORTED;
    }

    @Override
    public String toString() {
        return "MechanismSelector[order=" + order + ", plain=" + plainPolicy + ", anonymous="
                + (anonymousRequested ? "requested" : "only without password") + "]";
    }
}
