package org.xmppcert.xmpp.caps;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xmppcert.xmpp.disco.DataForm;
import org.xmppcert.xmpp.disco.DiscoInfo;
import org.xmppcert.xmpp.disco.LocalFeatures;

/**
 * The XEP-0115 §5.1 generation method: the string S built from a disco#info, and its hash, the
 * {@code ver}.
 *
 * <p>S is, in this order: each identity as {@code category/type/lang/name<} (an absent lang or
 * name leaves its slash: {@code client/pc//Exodus 0.9.1<}), sorted by category, then type, then
 * lang (steps 2–3); each feature followed by {@code <}, sorted (steps 4–5); then each XEP-0128
 * form sorted by its FORM_TYPE value: the FORM_TYPE value and {@code <}, then every other field
 * sorted by var, as {@code var<} followed by each of its values sorted and each followed by
 * {@code <} (steps 6–7). Every sort uses "i;octet" (RFC 4790 §9.3): the UTF-8 bytes compared
 * unsigned, which is code-point order, not Java's UTF-16 {@code compareTo}. S is hashed as UTF-8
 * (step 8) and the binary digest Base64-encoded with padding and no line breaks (step 9).
 *
 * <p>Identities are compared field by field, not as formatted strings: "by category and then by
 * type" puts {@code client/pc} before {@code client-x/pc} although {@code -} sorts before
 * {@code /}. The name breaks ties that only a malformed response has (footnote 18).
 *
 * <p>S is built from character data as parsed: a literal {@code &lt;} in a name is four
 * characters and stays so (the §5.1 note); a {@code <} in a name is one character, hashed as it is.
 *
 * <p>A form without FORM_TYPE cannot be placed in S (step 6 sorts by it) and is left out; a field
 * without var likewise (step 7.2). Which forms a <em>processing</em> entity ignores (§5.4 rule
 * 3.6) is decided by {@link CapsVerifier} before it calls {@link #compute}.
 */
public final class VerificationString {

    /** The mandatory-to-implement hash (§9.1). */
    public static final String SHA_1 = "sha-1";

    /**
     * The hash functions this implementation supports, by their IANA Hash Function Textual Name
     * (§9.1 "SHOULD be registered in the IANA … Registry"): SHA-1 (mandatory) and SHA-2. MD2 and
     * MD5 are registered too but deliberately not supported: a {@code ver} in them is treated
     * as §5.4 step 2 says, associated with the one JID and never cached.
     */
    private static final Map<String, String> ALGORITHMS = Map.of(
            "sha-1", "SHA-1",
            "sha-224", "SHA-224",
            "sha-256", "SHA-256",
            "sha-384", "SHA-384",
            "sha-512", "SHA-512");

    /** "i;octet" (RFC 4790 §9.3): UTF-8 byte order, which equals Unicode code-point order. */
    public static final Comparator<String> OCTET = VerificationString::compareOctets;

    private static final Comparator<LocalFeatures.Identity> IDENTITY_ORDER = Comparator
            .comparing(LocalFeatures.Identity::category, OCTET)
            .thenComparing(LocalFeatures.Identity::type, OCTET)
            .thenComparing(i -> i.lang() == null ? "" : i.lang(), OCTET)
            .thenComparing(i -> i.name() == null ? "" : i.name(), OCTET);

    private VerificationString() {
    }

    /** Whether the hash function (by its IANA name) is supported (§8.1, §5.4 step 2). */
    public static boolean isSupported(String hash) {
        return hash != null && ALGORITHMS.containsKey(hash);
    }

    /** The string S of §5.1 steps 1–7 for this disco#info (its node is not part of it). */
    public static String input(DiscoInfo info) {
        StringBuilder s = new StringBuilder();
        List<LocalFeatures.Identity> identities = new ArrayList<>(info.identities());
        identities.sort(IDENTITY_ORDER);
        for (LocalFeatures.Identity i : identities) {
            s.append(i.category()).append('/').append(i.type()).append('/')
                    .append(i.lang() == null ? "" : i.lang()).append('/')
                    .append(i.name() == null ? "" : i.name()).append('<');
        }
        List<String> features = new ArrayList<>(info.features());
        features.sort(OCTET);
        for (String f : features) {
            s.append(f).append('<');
        }
        List<DataForm> forms = new ArrayList<>();
        for (DataForm form : info.forms()) {
            if (form.formType().isPresent()) {
                forms.add(form);
            }
        }
        forms.sort(Comparator.comparing(f -> f.formType().orElseThrow(), OCTET));
        for (DataForm form : forms) {
            s.append(form.formType().orElseThrow()).append('<');
            List<DataForm.Field> fields = new ArrayList<>();
            for (DataForm.Field f : form.fields()) {
                if (f.var() != null && !DataForm.FORM_TYPE.equals(f.var())) {
                    fields.add(f);
                }
            }
            fields.sort(Comparator.comparing(DataForm.Field::var, OCTET));
            for (DataForm.Field f : fields) {
                s.append(f.var()).append('<');
                List<String> values = new ArrayList<>(f.values());
                values.sort(OCTET);
                for (String v : values) {
                    s.append(v).append('<');
                }
            }
        }
        return s.toString();
    }

    /**
     * The {@code ver} of this disco#info (§5.1 steps 8–9).
     *
     * @param hash the IANA name of the hash, e.g. {@link #SHA_1}
     * @throws IllegalArgumentException if the hash is not {@linkplain #isSupported supported}
     */
    public static String compute(DiscoInfo info, String hash) {
        String algorithm = Optional.ofNullable(ALGORITHMS.get(hash))
                .orElseThrow(() -> new IllegalArgumentException("unsupported caps hash: " + hash));
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(input(info).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }

    private static int compareOctets(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
