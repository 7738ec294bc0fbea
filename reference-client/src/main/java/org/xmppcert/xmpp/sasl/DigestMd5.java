package org.xmppcert.xmpp.sasl;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * DIGEST-MD5 (RFC 2831 §2.1, initial authentication only) as XMPP uses it: digest-uri
 * {@code xmpp/<domain>} (RFC 6120 §6.6 service name; RFC 3920 §6.5 step 6), {@code qop=auth}
 * only, {@code nc=00000001}, and the server's {@code rspauth} verified whether it comes as a
 * second challenge (answered with an empty response, RFC 3920 §6.5 steps 7-8) or with
 * {@code <success/>} (RFC 6120 §6.3.10). RFC 6120 §13.8.1 keeps it for backward compatibility.
 *
 * <p>Written by hand. The JDK has a DIGEST-MD5 client ({@code Sasl.createSaslClient}), but it
 * draws a 30-byte cnonce from SecureRandom that cannot be fixed, so RFC 2831 §4's example
 * exchange cannot be reproduced with it, and it hides the steps a compliance harness needs to
 * see. The JDK's DIGEST-MD5 <em>server</em> is used in the tests to cross-check this class.
 *
 * <p>Realms (RFC 2831 §2.1.1 "realm"; RFC 6120 §6.3.9): none offered — no realm directive and
 * an empty realm-value in A1, since the client MUST NOT assume a realm exists; one — used;
 * several — the one equal to the domain if any, else the first.
 *
 * <p>Charsets (RFC 2831 §2.1.2.1): with {@code charset=utf-8} from the server, username and
 * password go out in UTF-8 and, where every character is in ISO 8859-1, are converted to
 * ISO 8859-1 before hashing. The same conversion is applied to the realm, as RFC 2831 §8's
 * sample conversion is in common implementations (Cyrus SASL, the JDK); the RFC's sentence
 * names only username and password. Without {@code charset}, both must be ISO 8859-1.
 */
public final class DigestMd5 implements SaslMechanism {

    /** RFC 2831 §2.1.1: "The size of a digest-challenge MUST be less than 2048 bytes." */
    static final int MAX_CHALLENGE_OCTETS = 2048;
    /** RFC 2831 §2.1.2: "The size of a digest-response MUST be less than 4096 bytes." */
    static final int MAX_RESPONSE_OCTETS = 4096;

    private static final String NONCE_COUNT = "00000001";
    private static final String QOP = "auth";
    private static final Set<String> AT_MOST_ONCE = Set.of("nonce", "qop", "stale", "maxbuf", "charset", "algorithm", "cipher");
    private static final SecureRandom RANDOM = new SecureRandom();

    private enum State { NEW, AWAITING_RSPAUTH, SERVER_VERIFIED, COMPLETE, FAILED }

    private final SaslCredentials credentials;
    private final String serviceType;
    private final Supplier<String> cnonceSupplier;
    private State state = State.NEW;
    private String expectedRspauth;
    private byte[] verifiedFinal;

    /** DIGEST-MD5 for XMPP: digest-uri {@code xmpp/<domain>}. */
    public DigestMd5(SaslCredentials credentials) {
        this(credentials, "xmpp", DigestMd5::randomCnonce);
    }

    /**
     * For RFC 2831 §4's vectors, which use {@code imap} and {@code acap} and a fixed cnonce.
     *
     * @param serviceType the digest-uri serv-type
     */
    DigestMd5(SaslCredentials credentials, String serviceType, Supplier<String> cnonceSupplier) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        credentials.requireAuthcid("DIGEST-MD5");
        this.serviceType = Objects.requireNonNull(serviceType, "serviceType");
        this.cnonceSupplier = Objects.requireNonNull(cnonceSupplier, "cnonceSupplier");
    }

    @Override
    public String name() {
        return "DIGEST-MD5";
    }

    /** None: the server speaks first (RFC 2831 §2.1.1); subsequent authentication (§2.2) is not done. */
    @Override
    public Optional<byte[]> initialResponse() {
        requireState(State.NEW, "initialResponse");
        return Optional.empty();
    }

    @Override
    public byte[] evaluateChallenge(byte[] challenge) throws SaslException {
        switch (state) {
            case NEW:
                byte[] response = respond(challenge);
                state = State.AWAITING_RSPAUTH;
                return response;
            case AWAITING_RSPAUTH:
                verifyRspauth(challenge);
                state = State.SERVER_VERIFIED;
                verifiedFinal = challenge.clone();
                return new byte[0]; // RFC 3920 §6.5 step 8: an empty response
            case SERVER_VERIFIED:
                throw fail(SaslException.Reason.UNEXPECTED_SERVER_DATA, "challenge after rspauth (RFC 2831 §2.1.3)");
            default:
                throw new IllegalStateException("DIGEST-MD5.evaluateChallenge() called in state " + state);
        }
    }

    @Override
    public void verifySuccess(byte[] additionalData) throws SaslException {
        switch (state) {
            case NEW:
                throw fail(SaslException.Reason.PREMATURE_SUCCESS, "success before the digest-response (RFC 2831 §2.1)");
            case AWAITING_RSPAUTH:
                if (additionalData.length == 0) {
                    throw fail(SaslException.Reason.MISSING_SERVER_PROOF,
                            "success without rspauth, in a challenge or with success (RFC 2831 §2.1.3, RFC 6120 §6.3.10)");
                }
                verifyRspauth(additionalData);
                state = State.COMPLETE;
                return;
            case SERVER_VERIFIED:
                if (additionalData.length != 0 && !Arrays.equals(additionalData, verifiedFinal)) {
                    throw fail(SaslException.Reason.UNEXPECTED_SERVER_DATA,
                            "success carries data other than the rspauth already verified");
                }
                state = State.COMPLETE;
                return;
            default:
                throw new IllegalStateException("DIGEST-MD5.verifySuccess() called in state " + state);
        }
    }

    @Override
    public boolean isComplete() {
        return state == State.COMPLETE;
    }

    @Override
    public String toString() {
        return "DIGEST-MD5[" + state + "]";
    }

    private byte[] respond(byte[] challenge) throws SaslException {
        if (challenge.length == 0) {
            throw fail(SaslException.Reason.MALFORMED_CHALLENGE,
                    "the first challenge must be a digest-challenge, not empty (RFC 2831 §2.1.1)");
        }
        if (challenge.length >= MAX_CHALLENGE_OCTETS) {
            throw fail(SaslException.Reason.MALFORMED_CHALLENGE,
                    "digest-challenge of " + challenge.length + " bytes; it MUST be less than 2048 (RFC 2831 §2.1.1)");
        }
        List<DigestDirectives.Directive> directives = parse(challenge);
        String nonce = exactlyOnce(directives, "nonce");
        String algorithm = exactlyOnce(directives, "algorithm");
        if (!algorithm.equalsIgnoreCase("md5-sess")) {
            throw fail(SaslException.Reason.MALFORMED_CHALLENGE, "algorithm is not md5-sess (RFC 2831 §2.1.1)");
        }
        Optional<String> charset = atMostOnce(directives, "charset");
        if (charset.isPresent() && !charset.get().equalsIgnoreCase("utf-8")) {
            throw fail(SaslException.Reason.MALFORMED_CHALLENGE, "charset is not utf-8 (RFC 2831 §2.1.1)");
        }
        requireQopAuth(atMostOnce(directives, "qop"));
        boolean utf8 = charset.isPresent();
        Optional<String> realm = chooseRealm(values(directives, "realm"), utf8);

        String cnonce = cnonceSupplier.get();
        // An octet string like the others: UTF-8, so a non-Latin-1 domain is not mangled to '?'.
        String digestUri = new String((serviceType + "/" + credentials.domain()).getBytes(UTF_8), ISO_8859_1);
        byte[] username = encode(credentials.authcid().orElseThrow().toCharArray(), utf8, "username");
        Optional<String> authzid = credentials.authzid();
        byte[] ha1 = ha1(username, realm.orElse(""), utf8, nonce, cnonce, authzid);
        String response = kd(ha1, nonce, cnonce, "AUTHENTICATE:" + digestUri);
        expectedRspauth = kd(ha1, nonce, cnonce, ":" + digestUri);

        // Directive order as in RFC 2831 §4, so that its example can be compared byte for byte.
        StringBuilder out = new StringBuilder();
        if (utf8) {
            out.append("charset=utf-8,");
        }
        out.append("username=").append(DigestDirectives.quote(new String(username, ISO_8859_1)));
        realm.ifPresent(r -> out.append(",realm=").append(DigestDirectives.quote(r)));
        out.append(",nonce=").append(DigestDirectives.quote(nonce))
                .append(",nc=").append(NONCE_COUNT)
                .append(",cnonce=").append(DigestDirectives.quote(cnonce))
                .append(",digest-uri=").append(DigestDirectives.quote(digestUri))
                .append(",response=").append(response)
                .append(",qop=").append(QOP);
        authzid.ifPresent(a -> out.append(",authzid=").append(DigestDirectives.quote(new String(a.getBytes(UTF_8), ISO_8859_1))));
        byte[] digestResponse = out.toString().getBytes(ISO_8859_1);
        if (digestResponse.length >= MAX_RESPONSE_OCTETS) {
            throw fail(SaslException.Reason.UNUSABLE_CREDENTIALS,
                    "the digest-response would be " + digestResponse.length + " bytes; it MUST be less than 4096 (RFC 2831 §2.1.2)");
        }
        return digestResponse;
    }

    private void verifyRspauth(byte[] data) throws SaslException {
        String rspauth = exactlyOnce(parse(data), "rspauth");
        if (!MessageDigest.isEqual(rspauth.getBytes(ISO_8859_1), expectedRspauth.getBytes(ISO_8859_1))) {
            throw fail(SaslException.Reason.SERVER_PROOF_MISMATCH,
                    "rspauth is wrong: the server does not know the password (RFC 2831 §2.1.3)");
        }
    }

    /**
     * RFC 2831 §2.1.2.1: A1 = { H({username-value, ":", realm-value, ":", passwd}), ":", nonce,
     * ":", cnonce [, ":", authzid] }; returns H(A1).
     */
    private byte[] ha1(byte[] usernameOnWire, String realmOctets, boolean utf8, String nonce, String cnonce,
            Optional<String> authzid) throws SaslException {
        byte[] password = encode(credentials.password(), utf8, "password");
        byte[] username = utf8 ? latin1IfPossible(usernameOnWire) : usernameOnWire;
        byte[] realm = utf8 ? latin1IfPossible(realmOctets.getBytes(ISO_8859_1)) : realmOctets.getBytes(ISO_8859_1);
        byte[] hashedPassword = utf8 ? latin1IfPossible(password) : password;
        byte[] userRealmPassword = Octets.concat(username, colon(), realm, colon(), hashedPassword);
        try {
            byte[] a1 = Octets.concat(md5(userRealmPassword), colon(), nonce.getBytes(ISO_8859_1), colon(),
                    cnonce.getBytes(ISO_8859_1),
                    authzid.map(a -> Octets.concat(colon(), a.getBytes(UTF_8))).orElse(new byte[0]));
            return md5(a1);
        } finally {
            Arrays.fill(password, (byte) 0);
            Arrays.fill(hashedPassword, (byte) 0);
            Arrays.fill(userRealmPassword, (byte) 0);
        }
    }

    /** HEX(KD(HEX(H(A1)), {nonce, ":", nc, ":", cnonce, ":", qop, ":", HEX(H(A2))})) of RFC 2831 §2.1.2.1. */
    private static String kd(byte[] ha1, String nonce, String cnonce, String a2) {
        String hexHa2 = hex(md5(a2.getBytes(ISO_8859_1)));
        String value = hex(ha1) + ":" + nonce + ":" + NONCE_COUNT + ":" + cnonce + ":" + QOP + ":" + hexHa2;
        return hex(md5(value.getBytes(ISO_8859_1)));
    }

    private void requireQopAuth(Optional<String> qopOptions) throws SaslException {
        if (qopOptions.isEmpty()) {
            return; // absent defaults to "auth" (RFC 2831 §2.1.1)
        }
        // Unrecognised options MUST be ignored; only the absence of "auth" matters.
        boolean offersAuth = Arrays.stream(qopOptions.get().split(","))
                .map(option -> option.strip().toLowerCase(Locale.ROOT))
                .anyMatch(QOP::equals);
        if (!offersAuth) {
            throw fail(SaslException.Reason.UNSUPPORTED,
                    "the server does not offer qop=auth; this client implements no security layer (RFC 2831 §2.1.1)");
        }
    }

    private Optional<String> chooseRealm(List<String> realms, boolean utf8) {
        if (realms.isEmpty()) {
            return Optional.empty();
        }
        for (String realm : realms) {
            if (readable(realm, utf8).equalsIgnoreCase(credentials.domain())) {
                return Optional.of(realm);
            }
        }
        return Optional.of(realms.get(0));
    }

    private List<DigestDirectives.Directive> parse(byte[] data) throws SaslException {
        try {
            List<DigestDirectives.Directive> directives = DigestDirectives.parse(new String(data, ISO_8859_1));
            for (String name : AT_MOST_ONCE) {
                if (values(directives, name).size() > 1) {
                    throw new SaslException(SaslException.Reason.MALFORMED_CHALLENGE,
                            "directive " + name + " appears more than once (RFC 2831 §2.1.1)");
                }
            }
            return directives;
        } catch (SaslException e) {
            state = State.FAILED;
            throw e;
        }
    }

    private String exactlyOnce(List<DigestDirectives.Directive> directives, String name) throws SaslException {
        List<String> values = values(directives, name);
        if (values.size() != 1) {
            throw fail(SaslException.Reason.MALFORMED_CHALLENGE,
                    "directive " + name + " must appear exactly once, appears " + values.size() + " times (RFC 2831 §2.1)");
        }
        return values.get(0);
    }

    private static Optional<String> atMostOnce(List<DigestDirectives.Directive> directives, String name) {
        return values(directives, name).stream().findFirst();
    }

    private static List<String> values(List<DigestDirectives.Directive> directives, String name) {
        return directives.stream().filter(d -> d.name().equals(name)).map(DigestDirectives.Directive::value)
                .collect(Collectors.toList());
    }

    /** Username or password octets for the wire: UTF-8 when the server said so, else ISO 8859-1. */
    private byte[] encode(char[] chars, boolean utf8, String what) throws SaslException {
        Charset charset = utf8 ? UTF_8 : ISO_8859_1;
        try {
            return Octets.encode(chars, charset);
        } catch (CharacterCodingException e) {
            throw fail(SaslException.Reason.UNUSABLE_CREDENTIALS, what + (utf8
                    ? " is not valid Unicode"
                    : " is not ISO 8859-1 and the server did not offer charset=utf-8 (RFC 2831 §2.1.1)"));
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /** RFC 2831 §2.1.2.1 and §8: UTF-8 octets that are all ISO 8859-1 characters become ISO 8859-1. */
    private static byte[] latin1IfPossible(byte[] utf8) {
        char[] chars = null;
        try {
            chars = Octets.decode(utf8, UTF_8).toCharArray();
            return Octets.encode(chars, ISO_8859_1);
        } catch (CharacterCodingException e) {
            return utf8.clone();
        } finally {
            if (chars != null) {
                Arrays.fill(chars, '\0');
            }
        }
    }

    private static String readable(String octets, boolean utf8) {
        if (utf8) {
            try {
                return Octets.decode(octets.getBytes(ISO_8859_1), UTF_8);
            } catch (CharacterCodingException e) {
                return octets;
            }
        }
        return octets;
    }

    private static byte[] colon() {
        return new byte[] {':'};
    }

    private static byte[] md5(byte[] data) {
        try {
            return MessageDigest.getInstance("MD5").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes); // lower case, as RFC 2831 §1.1 HEX requires
    }

    private static String randomCnonce() {
        byte[] random = new byte[16]; // 128 bits; RFC 2831 §2.1.2 recommends at least 64
        RANDOM.nextBytes(random);
        return Base64.getEncoder().withoutPadding().encodeToString(random);
    }

    private SaslException fail(SaslException.Reason reason, String detail) {
        state = State.FAILED;
        return new SaslException(reason, detail);
    }

    private void requireState(State expected, String call) {
        if (state != expected) {
            throw new IllegalStateException("DIGEST-MD5." + call + "() called in state " + state);
        }
    }
}
