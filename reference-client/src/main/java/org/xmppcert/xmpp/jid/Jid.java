package org.xmppcert.xmpp.jid;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * A JID, {@code [localpart@]domainpart[/resourcepart]} (RFC 3920 §3.1), held in its
 * prepared form: the localpart after Nodeprep (RFC 3920 Appendix A), the domainpart after
 * Nameprep and IDNA ToASCII (RFC 3920 §3.2, RFC 3491, RFC 3490), the resourcepart after
 * Resourceprep (RFC 3920 Appendix B). Immutable and thread-safe.
 *
 * <p>Two JIDs are equal when their prepared parts are equal octet for octet, which is
 * the comparison RFC 3920 §3.2–§3.4 prescribe: {@code Alice@LocalHost/Res} equals
 * {@code alice@localhost/Res}, but not {@code alice@localhost/res}, because Resourceprep
 * keeps case.
 *
 * <p>The optional parts are returned as {@link Optional}s ({@link #local()},
 * {@link #resource()}); factory parameters for them are nullable, {@code null} meaning
 * "absent". An empty string is never "absent": it is an empty part, which is invalid
 * (RFC 7622 §3.3, §3.4). Every factory throws {@link InvalidJidException} for an invalid
 * JID and {@link NullPointerException} for a {@code null} where a value is required.
 *
 * <p>A localpart may carry XEP-0106 escapes ({@code d\27artagnan}); {@link #ofUnescaped}
 * makes them and {@link #unescapedLocal()} and {@link #toUnescapedString()} undo them for
 * display. Comparison always uses the escaped form (XEP-0106 §4.1 rule 5).
 */
public final class Jid {

    /** Each part is at most 1023 octets of UTF-8 after preparation (RFC 3920 §3.1, RFC 7622 §3.1). */
    private static final int MAX_PART_OCTETS = 1023;

    private final String local;
    private final String domain;
    private final String asciiDomain;
    private final String resource;
    private final String string;

    private Jid(String local, Domainpart.Prepared domain, String resource) {
        this.local = local;
        this.domain = domain.unicode();
        this.asciiDomain = domain.ascii();
        this.resource = resource;
        this.string = (local == null ? "" : local + '@') + this.domain + (resource == null ? "" : '/' + resource);
    }

    /**
     * Parses and prepares a JID.
     *
     * <p>The string is split before anything is prepared (RFC 7622 §3.1, implementation
     * note: mapping could otherwise make separators, e.g. U+FF20 FULLWIDTH COMMERCIAL AT
     * becomes {@code @}). As RFC 7622 §3.2 orders it, everything after the first
     * {@code /} is the resourcepart, then everything before the first {@code @} in what is
     * left is the localpart. So {@code a@b/c@d/e} has the localpart {@code a}, the
     * domainpart {@code b} and the resourcepart {@code c@d/e}: a resourcepart may hold
     * {@code @} and {@code /}, a localpart may hold neither (RFC 3920 Appendix A.5).
     *
     * @param jid the JID as it appears on the wire or as typed
     * @return the prepared JID
     * @throws InvalidJidException if a part is empty, fails its profile, or is longer than
     *     1023 octets once prepared; the exception names the part
     */
    public static Jid of(String jid) {
        Objects.requireNonNull(jid, "jid");
        if (jid.isEmpty()) {
            throw new InvalidJidException(JidPart.WHOLE,
                    "an empty string is not a JID: the domainpart is required (RFC 3920 §3.2)");
        }
        // Hand-written: no library splits JIDs, and the order of the two searches matters.
        int slash = jid.indexOf('/');
        String beforeResource = slash < 0 ? jid : jid.substring(0, slash);
        String resource = slash < 0 ? null : jid.substring(slash + 1);
        int at = beforeResource.indexOf('@');
        String local = at < 0 ? null : beforeResource.substring(0, at);
        String domain = at < 0 ? beforeResource : beforeResource.substring(at + 1);
        try {
            return of(local, domain, resource);
        } catch (InvalidJidException e) {
            throw e.in(jid);
        }
    }

    /**
     * Prepares a JID from its parts, which are not split further: a {@code @} in
     * {@code local} or a {@code /} in {@code domain} is an error, not a separator.
     *
     * @param local the localpart, or {@code null} for none
     * @param domain the domainpart, required
     * @param resource the resourcepart, or {@code null} for none
     * @return the prepared JID
     * @throws InvalidJidException if a part is invalid (RFC 3920 §3.2–§3.4)
     */
    public static Jid of(String local, String domain, String resource) {
        Objects.requireNonNull(domain, "domain");
        String preparedLocal = local == null ? null : prepareLocal(local);
        Domainpart.Prepared preparedDomain = requireLength(JidPart.DOMAIN, "domainpart", domain,
                Domainpart.prepare(domain));
        String preparedResource = resource == null ? null : prepareResource(resource);
        return new Jid(preparedLocal, preparedDomain, preparedResource);
    }

    /**
     * Like {@link #of(String)}, for input that may be anything, such as an attribute a
     * peer sent.
     *
     * @param jid the string to parse; {@code null} gives an empty result
     * @return the prepared JID, or empty if {@code jid} is not a valid JID
     */
    public static Optional<Jid> tryParse(String jid) {
        if (jid == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(of(jid));
        } catch (InvalidJidException e) {
            return Optional.empty();
        }
    }

    /**
     * Prepares a JID whose localpart is given as a human wrote it, escaping it first as
     * XEP-0106 §4.2 requires: {@code ofUnescaped("d'artagnan", "musketeers.lit", null)} is
     * {@code d\27artagnan@musketeers.lit}.
     *
     * @param unescapedLocal the localpart in human form, or {@code null} for none
     * @param domain the domainpart, required (never escaped, XEP-0106 §2 requirement 1)
     * @param resource the resourcepart, or {@code null} for none (never escaped)
     * @return the prepared JID
     * @throws InvalidJidException if the localpart cannot be escaped (it starts or ends with
     *     a space, XEP-0106 §4.1 rule 6), if Nodeprep would change its escape sequences (so
     *     that it would be displayed differently), or if a part is invalid once escaped
     */
    public static Jid ofUnescaped(String unescapedLocal, String domain, String resource) {
        String escaped = null;
        if (unescapedLocal != null) {
            try {
                escaped = JidEscaping.escape(unescapedLocal);
            } catch (IllegalArgumentException e) {
                throw new InvalidJidException(JidPart.LOCAL, e.getMessage(), e);
            }
        }
        Jid jid = of(escaped, domain, resource);
        if (escaped != null && JidEscaping.countSequences(escaped) != JidEscaping.countSequences(jid.local)) {
            // NFKC can make an escape out of compatibility characters (U+FF3C FULLWIDTH
            // REVERSE SOLIDUS then "2f"): the JID would be displayed as something never typed.
            throw new InvalidJidException(JidPart.LOCAL, "localpart " + Quoting.quote(unescapedLocal)
                    + " turns into different XEP-0106 escape sequences under Nodeprep (" + Quoting.quote(jid.local)
                    + "), so it could not be displayed as written (XEP-0106 §2 requirement 3)");
        }
        return jid;
    }

    /**
     * The prepared localpart, as sent on the wire (still XEP-0106-escaped).
     *
     * @return the localpart (RFC 3920 §3.3), or empty if there is none
     */
    public Optional<String> local() {
        return Optional.ofNullable(local);
    }

    /**
     * The localpart for display, with XEP-0106 escapes undone (XEP-0106 §4.1 rule 1).
     * Never compare or send it (rules 4 and 5).
     *
     * @return the unescaped localpart, or empty if there is none
     */
    public Optional<String> unescapedLocal() {
        return local().map(JidEscaping::unescape);
    }

    /**
     * The prepared domainpart (RFC 3920 §3.2): U-labels, without a final dot, or an IP
     * literal.
     *
     * @return the domainpart
     */
    public String domain() {
        return domain;
    }

    /**
     * The domainpart in the form DNS needs: A-labels (IDNA ToASCII, RFC 3490 §4.1), or the
     * IP literal. Equal to {@link #domain()} for an ASCII domain.
     *
     * @return the domainpart as ASCII
     */
    public String asciiDomain() {
        return asciiDomain;
    }

    /**
     * The prepared resourcepart (RFC 3920 §3.4).
     *
     * @return the resourcepart, or empty if there is none
     */
    public Optional<String> resource() {
        return Optional.ofNullable(resource);
    }

    /**
     * This JID without its resourcepart: the "bare JID" of RFC 3920 §3.3.
     *
     * @return the bare JID; this JID if it has no resourcepart
     */
    public Jid bare() {
        return resource == null ? this : new Jid(local, new Domainpart.Prepared(domain, asciiDomain), null);
    }

    /**
     * This JID with another resourcepart (RFC 3920 §3.4), for instance the one a server
     * bound (RFC 3920 §7). Use {@link #bare()} to drop it.
     *
     * @param resource the resourcepart, prepared with Resourceprep
     * @return the new JID
     * @throws InvalidJidException if the resourcepart is invalid
     */
    public Jid withResource(String resource) {
        Objects.requireNonNull(resource, "resource");
        return new Jid(local, new Domainpart.Prepared(domain, asciiDomain), prepareResource(resource));
    }

    /**
     * Whether this JID has no resourcepart ({@code local@domain} or {@code domain},
     * RFC 3920 §3.3).
     *
     * @return {@code true} if there is no resourcepart
     */
    public boolean isBare() {
        return resource == null;
    }

    /**
     * Whether this JID is a mere domainpart, with neither localpart nor resourcepart
     * (RFC 3920 §3.2: "a mere domain identifier is a valid JID"), such as a server's.
     *
     * @return {@code true} if there is only a domainpart
     */
    public boolean isDomainOnly() {
        return local == null && resource == null;
    }

    /**
     * The JID for display: the localpart unescaped (XEP-0106 §4.1 rule 1), where only
     * the ten sequences of XEP-0106 §3.3 are undone and anything else that looks like an
     * escape is shown as it is (XEP-0106 §4.3).
     *
     * @return the display form; never to be sent or compared
     */
    public String toUnescapedString() {
        return (local == null ? "" : JidEscaping.unescape(local) + '@') + domain
                + (resource == null ? "" : '/' + resource);
    }

    /**
     * The prepared JID in its wire form, {@code local@domain/resource}.
     *
     * @return the JID as it is to be sent
     */
    @Override
    public String toString() {
        return string;
    }

    /**
     * Whether {@code o} is a JID with the same prepared parts, compared octet for octet
     * (RFC 3920 §3.2-§3.4; RFC 7622 §3.2.3). Escaped localparts are compared escaped
     * (XEP-0106 §4.1 rule 5).
     *
     * @param o the object to compare with
     * @return {@code true} if both are the same JID
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Jid)) {
            return false;
        }
        Jid other = (Jid) o;
        return Objects.equals(local, other.local) && domain.equals(other.domain)
                && Objects.equals(resource, other.resource);
    }

    /**
     * A hash of the prepared parts, consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return string.hashCode();
    }

    private static String prepareLocal(String local) {
        if (local.isEmpty()) {
            throw new InvalidJidException(JidPart.LOCAL,
                    "the localpart is empty; without a localpart there is no '@' (RFC 7622 §3.3)");
        }
        return requireLength(JidPart.LOCAL, "localpart", local, Stringprep.nodeprep(local));
    }

    private static String prepareResource(String resource) {
        if (resource.isEmpty()) {
            throw new InvalidJidException(JidPart.RESOURCE,
                    "the resourcepart is empty; without a resourcepart there is no '/' (RFC 7622 §3.4)");
        }
        return requireLength(JidPart.RESOURCE, "resourcepart", resource, Stringprep.resourceprep(resource));
    }

    private static Domainpart.Prepared requireLength(JidPart part, String what, String input,
            Domainpart.Prepared prepared) {
        requireLength(part, what, input, prepared.unicode());
        return prepared;
    }

    /** RFC 3920 §3.1 limits each part to 1023 bytes; RFC 7622 §3.1 counts them after preparation. */
    private static String requireLength(JidPart part, String what, String input, String prepared) {
        if (prepared.isEmpty()) {
            throw new InvalidJidException(part, what + " " + Quoting.quote(input)
                    + " is empty once prepared: each of its characters is mapped to nothing (RFC 3454 Table B.1)");
        }
        int octets = prepared.getBytes(StandardCharsets.UTF_8).length;
        if (octets > MAX_PART_OCTETS) {
            throw new InvalidJidException(part, what + " " + Quoting.quote(input) + " is " + octets
                    + " octets of UTF-8 once prepared; at most 1023 are allowed (RFC 3920 §3.1, RFC 7622 §3.1)");
        }
        return prepared;
    }
}
