package org.xmppcert.xmpp.sasl;

import java.util.Optional;

/**
 * The shared shape of PLAIN, EXTERNAL and ANONYMOUS: client-first, one message, no further
 * challenge, no additional data with success (RFC 4616 §2; RFC 4422 Appendix A.1; RFC 4505).
 */
abstract class SingleMessageMechanism implements SaslMechanism {

    private enum State { NEW, SENT, COMPLETE, FAILED }

    private State state = State.NEW;

    /** The one message, built afresh on each call (the caller owns the array). */
    abstract byte[] message();

    @Override
    public final Optional<byte[]> initialResponse() {
        requireState(State.NEW, "initialResponse");
        state = State.SENT;
        return Optional.of(message());
    }

    @Override
    public final byte[] evaluateChallenge(byte[] challenge) throws SaslException {
        if (state == State.NEW) {
            // RFC 4422 §5 item 2a: without an initial response, the first challenge of a
            // client-first mechanism MUST be empty; the message answers it.
            if (challenge.length != 0) {
                throw fail(SaslException.Reason.MALFORMED_CHALLENGE, name()
                        + " is client-first: with no initial response sent, the first challenge must be empty (RFC 4422 §5 item 2a)");
            }
            state = State.SENT;
            return message();
        }
        requireState(State.SENT, "evaluateChallenge");
        throw fail(SaslException.Reason.UNEXPECTED_SERVER_DATA, name()
                + " has one message and no further challenge (RFC 4422 §5 item 2; RFC 4422 A.1, RFC 4616 §2)");
    }

    @Override
    public final void verifySuccess(byte[] additionalData) throws SaslException {
        if (state == State.NEW) {
            throw fail(SaslException.Reason.PREMATURE_SUCCESS, "success before the client sent its " + name() + " message");
        }
        requireState(State.SENT, "verifySuccess");
        if (additionalData.length != 0) {
            throw fail(SaslException.Reason.UNEXPECTED_SERVER_DATA, name()
                    + " defines no additional data with success (RFC 4422 §5 item 2b)");
        }
        state = State.COMPLETE;
    }

    @Override
    public final boolean isComplete() {
        return state == State.COMPLETE;
    }

    @Override
    public String toString() {
        return name() + "[" + state + "]";
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
}
