package org.xmppcert.xmpp.sasl;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A mechanism that sends canned bytes: for a harness that must put deliberately wrong data
 * on the wire (a malformed PLAIN message, a bogus SCRAM proof, an over-long ANONYMOUS token)
 * through the same session code that real mechanisms use, and then judge how the server
 * answers (typically with a {@code <failure/>} of RFC 6120 §6.5).
 *
 * <p>It verifies nothing: it records the challenges and the success data it is given, so the
 * harness can inspect them. Its {@link #toString()} shows counts, never bytes.
 */
public final class ScriptedMechanism implements SaslMechanism {

    private final String name;
    private final byte[] initialResponse;
    private final List<byte[]> responses;
    private final List<byte[]> challenges = new ArrayList<>();
    private byte[] successData;

    private ScriptedMechanism(String name, byte[] initialResponse, List<byte[]> responses) {
        this.name = Objects.requireNonNull(name, "name");
        this.initialResponse = initialResponse;
        this.responses = new ArrayList<>();
        for (byte[] response : responses) {
            this.responses.add(Objects.requireNonNull(response, "response").clone());
        }
    }

    /**
     * @param name sent as is in the {@code mechanism} attribute, even if it is not a valid
     *     RFC 4422 §3.1 name
     * @param initialResponse bytes for {@code <auth/>}
     * @param responses answers to the challenges, in order
     */
    public static ScriptedMechanism withInitialResponse(String name, byte[] initialResponse, List<byte[]> responses) {
        return new ScriptedMechanism(name, Objects.requireNonNull(initialResponse, "initialResponse").clone(), responses);
    }

    /** Like {@link #withInitialResponse} but with an {@code <auth/>} that has no data. */
    public static ScriptedMechanism withoutInitialResponse(String name, List<byte[]> responses) {
        return new ScriptedMechanism(name, null, responses);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<byte[]> initialResponse() {
        return Optional.ofNullable(initialResponse).map(byte[]::clone);
    }

    /**
     * @throws SaslException {@link SaslException.Reason#UNSUPPORTED} when the script has no
     *     response left for this challenge
     */
    @Override
    public byte[] evaluateChallenge(byte[] challenge) throws SaslException {
        challenges.add(challenge.clone());
        if (responses.isEmpty()) {
            throw new SaslException(SaslException.Reason.UNSUPPORTED,
                    "the script has no response for challenge " + challenges.size());
        }
        return responses.remove(0);
    }

    @Override
    public void verifySuccess(byte[] additionalData) {
        successData = additionalData.clone();
    }

    @Override
    public boolean isComplete() {
        return successData != null;
    }

    /** Copies of the challenges received so far. */
    public List<byte[]> challenges() {
        List<byte[]> copies = new ArrayList<>();
        for (byte[] challenge : challenges) {
            copies.add(challenge.clone());
        }
        return copies;
    }

    /** The additional data given with success, once it came. */
    public Optional<byte[]> successData() {
        return Optional.ofNullable(successData).map(byte[]::clone);
    }

    @Override
    public String toString() {
        return "ScriptedMechanism[" + name + ", " + challenges.size() + " challenges received, "
                + responses.size() + " responses left" + (isComplete() ? ", complete" : "") + "]";
    }
}
