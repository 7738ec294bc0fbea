package org.xmppcert.xmpp.sasl;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.ongres.scram.client.ScramClient;
import com.ongres.scram.common.ClientFirstMessage;
import com.ongres.scram.common.exception.ScramInvalidServerSignatureException;
import java.nio.charset.CharacterCodingException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

/**
 * SCRAM-SHA-1 and SCRAM-SHA-1-PLUS (RFC 5802), XMPP's mandatory-to-implement password
 * mechanisms (RFC 6120 §13.8.1, §13.8.3), on top of the ongres scram-client library.
 *
 * <p>The GS2 channel-binding flag (RFC 5802 §6, §7 {@code gs2-cbind-flag}) is explicit, see
 * {@link ChannelBindingFlag}: {@link #plus} and {@link #nonPlus} apply RFC 5802 §6's rules,
 * {@link #of} lets a harness send any flag, e.g. {@code y} to a server that did offer -PLUS,
 * which such a server MUST refuse (RFC 5802 §6, downgrade detection).
 *
 * <p>The server is authenticated: its {@code v=} ServerSignature is checked whether it comes
 * with {@code <success/>} or as a final challenge (RFC 6120 §6.3.10, RFC 4422 §5 item 2b), and
 * a success without it is refused. ongres's messages are not passed on (some quote the
 * payload); this class writes its own details.
 */
public final class ScramSha1 implements SaslMechanism {

    /** The GS2 channel-binding flag of the client-first-message (RFC 5802 §7). */
    public enum ChannelBindingFlag {
        /** {@code n}: the client does not support channel binding. */
        NOT_SUPPORTED,
        /** {@code y}: the client supports it but believes the server does not (no -PLUS offered). */
        SUPPORTED_NOT_OFFERED,
        /** {@code p=cb-name}: channel binding is used; the mechanism is SCRAM-SHA-1-PLUS. */
        USED
    }

    /**
     * The highest iteration count this client computes. RFC 5802 sets no maximum; a hostile
     * server could name 2^31-1 and stall the run, and DESIGN.md wants every wait bounded. A
     * million PBKDF2-HMAC-SHA-1 rounds take about a second.
     */
    static final int MAX_ITERATIONS = 1_000_000;

    private static final String NAME = "SCRAM-SHA-1";
    private static final String NAME_PLUS = "SCRAM-SHA-1-PLUS";

    /** RFC 5802 §7 {@code server-error-value}s: the only server text allowed into a detail. */
    private static final Set<String> SERVER_ERROR_VALUES = Set.of("invalid-encoding",
            "extensions-not-supported", "invalid-proof", "channel-bindings-dont-match",
            "server-does-support-channel-binding", "channel-binding-not-supported",
            "unsupported-channel-binding-type", "unknown-user", "invalid-username-encoding",
            "no-resources", "other-error");

    private enum State { NEW, AWAITING_SERVER_FIRST, AWAITING_SERVER_FINAL, SERVER_VERIFIED, COMPLETE, FAILED }

    private final ChannelBindingFlag flag;
    private final ScramClient client;
    private State state = State.NEW;
    private String clientNonce;
    private int iterationCount;
    private byte[] verifiedServerFinal;

    ScramSha1(SaslCredentials credentials, ChannelBindingFlag flag, Supplier<String> nonceSupplier) {
        Objects.requireNonNull(credentials, "credentials");
        this.flag = Objects.requireNonNull(flag, "flag");
        this.client = newClient(credentials, flag, nonceSupplier);
    }

    /**
     * SCRAM-SHA-1-PLUS with flag {@code p=} and the credentials' channel binding.
     *
     * @throws IllegalArgumentException if the credentials have no channel binding or password
     */
    public static ScramSha1 plus(SaslCredentials credentials) {
        return of(credentials, ChannelBindingFlag.USED);
    }

    /**
     * SCRAM-SHA-1 with the flag RFC 5802 §6 prescribes: {@code y} when the client has a
     * channel binding but the server did not offer SCRAM-SHA-1-PLUS, {@code n} otherwise
     * (no channel binding, or the caller chose the non-PLUS variant although -PLUS was
     * offered, i.e. does not want to bind this attempt).
     *
     * @param offered the mechanism names the server offered
     */
    public static ScramSha1 nonPlus(SaslCredentials credentials, Collection<String> offered) {
        boolean bindable = credentials.channelBinding().isPresent() && !offered.contains(NAME_PLUS);
        return of(credentials, bindable ? ChannelBindingFlag.SUPPORTED_NOT_OFFERED : ChannelBindingFlag.NOT_SUPPORTED);
    }

    /** Any flag, including ones RFC 5802 §6 says a server must refuse in context. */
    public static ScramSha1 of(SaslCredentials credentials, ChannelBindingFlag flag) {
        return new ScramSha1(credentials, flag, null);
    }

    @Override
    public String name() {
        return flag == ChannelBindingFlag.USED ? NAME_PLUS : NAME;
    }

    public ChannelBindingFlag channelBindingFlag() {
        return flag;
    }

    /**
     * The iteration count the server announced, once its first message came. RFC 5802 §5.1:
     * servers SHOULD announce at least 4096 for SCRAM-SHA-1.
     */
    public OptionalInt iterationCount() {
        return iterationCount == 0 ? OptionalInt.empty() : OptionalInt.of(iterationCount);
    }

    @Override
    public Optional<byte[]> initialResponse() {
        requireState(State.NEW, "initialResponse");
        return Optional.of(clientFirst());
    }

    @Override
    public byte[] evaluateChallenge(byte[] challenge) throws SaslException {
        switch (state) {
            case NEW:
                if (challenge.length != 0) {
                    throw fail(SaslException.Reason.MALFORMED_CHALLENGE,
                            "SCRAM is client-first: with no initial response sent, the first challenge must be empty (RFC 4422 §5 item 2a, RFC 5802 §5.2)");
                }
                return clientFirst();
            case AWAITING_SERVER_FIRST:
                return clientFinal(text(challenge, "server-first-message"));
            case AWAITING_SERVER_FINAL:
                // RFC 4422 §5 item 2b: additional data sent as a challenge is answered empty.
                verifyServerFinal(challenge);
                state = State.SERVER_VERIFIED;
                verifiedServerFinal = challenge.clone();
                return new byte[0];
            case SERVER_VERIFIED:
                throw fail(SaslException.Reason.UNEXPECTED_SERVER_DATA,
                        "challenge after the server-final-message (RFC 5802 §5)");
            default:
                throw new IllegalStateException(name() + ".evaluateChallenge() called in state " + state);
        }
    }

    @Override
    public void verifySuccess(byte[] additionalData) throws SaslException {
        switch (state) {
            case NEW:
            case AWAITING_SERVER_FIRST:
                throw fail(SaslException.Reason.PREMATURE_SUCCESS,
                        "success before the client-final-message: the server never proved itself (RFC 5802 §5)");
            case AWAITING_SERVER_FINAL:
                if (additionalData.length == 0) {
                    throw fail(SaslException.Reason.MISSING_SERVER_PROOF,
                            "success without the server-final-message (RFC 5802 §5.2 item 2b, RFC 6120 §6.3.10)");
                }
                verifyServerFinal(additionalData);
                state = State.COMPLETE;
                return;
            case SERVER_VERIFIED:
                // The proof came as a final challenge; repeating the same data is harmless.
                if (additionalData.length != 0 && !Arrays.equals(additionalData, verifiedServerFinal)) {
                    throw fail(SaslException.Reason.UNEXPECTED_SERVER_DATA,
                            "success carries data other than the server-final-message already verified");
                }
                state = State.COMPLETE;
                return;
            default:
                throw new IllegalStateException(name() + ".verifySuccess() called in state " + state);
        }
    }

    @Override
    public boolean isComplete() {
        return state == State.COMPLETE;
    }

    @Override
    public String toString() {
        return name() + "[flag=" + flag + ", " + state + "]";
    }

    private byte[] clientFirst() {
        ClientFirstMessage first = client.clientFirstMessage();
        clientNonce = first.getClientNonce();
        state = State.AWAITING_SERVER_FIRST;
        return first.toString().getBytes(UTF_8);
    }

    private byte[] clientFinal(String serverFirst) throws SaslException {
        checkServerFirst(serverFirst);
        try {
            client.serverFirstMessage(serverFirst);
        } catch (Exception e) {
            // ScramParseException, and ongres's IllegalArgumentExceptions for empty parts.
            throw fail(SaslException.Reason.MALFORMED_CHALLENGE, "not a server-first-message (RFC 5802 §7)");
        }
        byte[] clientFinal;
        try {
            clientFinal = client.clientFinalMessage().toString().getBytes(UTF_8);
        } catch (IllegalArgumentException e) {
            // The server's parts were checked above: what is left is SASLprep of the password.
            throw fail(SaslException.Reason.UNUSABLE_CREDENTIALS,
                    "the password cannot be prepared with SASLprep (RFC 5802 §2.2, RFC 4013)");
        }
        state = State.AWAITING_SERVER_FINAL;
        return clientFinal;
    }

    /**
     * The checks whose failure must be told apart, before ongres parses: RFC 5802 §5.1's
     * nonce prefix, the reserved {@code m=}, a usable salt and a bounded iteration count.
     */
    private void checkServerFirst(String serverFirst) throws SaslException {
        List<String> attributes = Arrays.asList(serverFirst.split(",", -1));
        if (attributes.get(0).startsWith("m=")) {
            throw fail(SaslException.Reason.UNSUPPORTED,
                    "the server requires a mandatory extension (m=), which MUST cause failure (RFC 5802 §5.1)");
        }
        if (attributes.size() < 3 || !attributes.get(0).startsWith("r=") || !attributes.get(1).startsWith("s=")
                || !attributes.get(2).startsWith("i=")) {
            throw fail(SaslException.Reason.MALFORMED_CHALLENGE,
                    "server-first-message must start with r=, s=, i= in that order (RFC 5802 §7)");
        }
        String nonce = attributes.get(0).substring(2);
        if (!nonce.startsWith(clientNonce) || nonce.length() == clientNonce.length()) {
            throw fail(SaslException.Reason.MALFORMED_CHALLENGE,
                    "the nonce does not extend the client's nonce with the server's (RFC 5802 §5.1)");
        }
        try {
            Base64.getDecoder().decode(attributes.get(1).substring(2));
        } catch (IllegalArgumentException e) {
            throw fail(SaslException.Reason.MALFORMED_CHALLENGE, "the salt is not base 64 (RFC 5802 §7)");
        }
        String count = attributes.get(2).substring(2);
        if (!count.matches("[1-9][0-9]{0,9}")) {
            throw fail(SaslException.Reason.MALFORMED_CHALLENGE,
                    "the iteration count is not a positive number (RFC 5802 §7 posit-number)");
        }
        long iterations = Long.parseLong(count);
        if (iterations > MAX_ITERATIONS) {
            throw fail(SaslException.Reason.UNSUPPORTED,
                    "iteration count " + iterations + " is above this client's limit of " + MAX_ITERATIONS);
        }
        iterationCount = (int) iterations;
    }

    private void verifyServerFinal(byte[] data) throws SaslException {
        String serverFinal = text(data, "server-final-message");
        if (serverFinal.startsWith("e=")) {
            String value = serverFinal.substring(2).split(",", 2)[0];
            throw fail(SaslException.Reason.SERVER_ERROR, "the server ended SCRAM with e="
                    + (SERVER_ERROR_VALUES.contains(value) ? value : "(an unregistered value, meaning other-error)")
                    + " (RFC 5802 §7)");
        }
        try {
            client.serverFinalMessage(serverFinal);
        } catch (ScramInvalidServerSignatureException e) {
            throw fail(SaslException.Reason.SERVER_PROOF_MISMATCH,
                    "the ServerSignature is wrong: the client MUST consider the authentication unsuccessful (RFC 5802 §5)");
        } catch (Exception e) {
            throw fail(SaslException.Reason.MALFORMED_CHALLENGE, "not a server-final-message (RFC 5802 §7)");
        }
    }

    private String text(byte[] data, String what) throws SaslException {
        try {
            return Octets.decode(data, UTF_8);
        } catch (CharacterCodingException e) {
            throw fail(SaslException.Reason.MALFORMED_CHALLENGE, what + " is not UTF-8 (RFC 5802 §7)");
        }
    }

    private SaslException fail(SaslException.Reason reason, String detail) {
        state = State.FAILED;
        return new SaslException(reason, detail);
    }

    private void requireState(State expected, String call) {
        if (state != expected) {
            throw new IllegalStateException(name() + "." + call + "() called in state " + state);
        }
    }

    private static ScramClient newClient(SaslCredentials credentials, ChannelBindingFlag flag,
            Supplier<String> nonceSupplier) {
        String username = credentials.requireAuthcid("SCRAM-SHA-1");
        // ongres derives the flag from the mechanisms "advertised" to it and from whether a
        // channel binding is set; we pass exactly the list that yields the flag we chose.
        List<String> advertised = List.of(flag == ChannelBindingFlag.USED ? NAME_PLUS : NAME);
        char[] password = credentials.password();
        try {
            ScramClient.FinalBuildStage builder = ScramClient.builder()
                    .advertisedMechanisms(advertised)
                    .username(username)
                    .password(password);
            switch (flag) {
                case USED: {
                    ChannelBinding binding = credentials.channelBinding().orElseThrow(() ->
                            new IllegalArgumentException("SCRAM-SHA-1-PLUS needs a channel binding from the TLS layer"));
                    builder.channelBinding(binding.type(), binding.data());
                    break;
                }
                case SUPPORTED_NOT_OFFERED: {
                    // 'y' sends no binding data (RFC 5802 §7 cbind-input); ongres still wants some
                    // to pick 'y', so a placeholder stands in when the TLS layer gave none.
                    ChannelBinding binding = credentials.channelBinding()
                            .orElse(ChannelBinding.of("tls-unique", new byte[] {0}));
                    builder.channelBinding(binding.type(), binding.data());
                    break;
                }
                default:
                    break;
            }
            credentials.authzid().ifPresent(builder::authzid);
            if (nonceSupplier != null) {
                builder.nonceSupplier(nonceSupplier);
            }
            return builder.build();
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
