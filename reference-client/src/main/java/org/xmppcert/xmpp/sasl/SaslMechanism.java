package org.xmppcert.xmpp.sasl;

import java.util.Optional;

/**
 * The client side of one SASL authentication attempt (RFC 4422 §3 and §5), as XMPP profiles
 * it (RFC 6120 §6.4; RFC 3920 §6.2). One instance per attempt; not thread-safe.
 *
 * <p>How the session layer drives it:
 * <ol>
 *   <li>Send {@code <auth mechanism='}{@link #name()}{@code '>}. If {@link #initialResponse()}
 *       is present, its bytes are the character data, through
 *       {@link SaslPayloads#encodeInitialResponse} ({@code =} when empty, RFC 6120 §6.4.2);
 *       if absent, the element has no character data. Calling {@code initialResponse()}
 *       tells the mechanism that the response travels with {@code <auth/>}. A caller that
 *       wants the longer exchange of RFC 4422 §3 (no initial response, then an empty first
 *       challenge) simply does not call it.</li>
 *   <li>For each {@code <challenge/>}: send a {@code <response/>} carrying
 *       {@link #evaluateChallenge} of {@link SaslPayloads#decode}'s bytes, encoded by
 *       {@link SaslPayloads#encodeResponse}. An empty result is an empty {@code <response/>};
 *       that is also how a mechanism acknowledges additional data the server sent as a final
 *       challenge instead of with {@code <success/>} (RFC 4422 §5 item 2b; RFC 6120 §6.3.10
 *       makes clients support both).</li>
 *   <li>On {@code <success/>}: call {@link #verifySuccess} with its decoded character data
 *       (zero bytes when it has none). Only when that returns is the attempt a success: a
 *       missing or wrong SCRAM server signature or DIGEST-MD5 {@code rspauth} throws, and for
 *       a compliance run that is a FAIL of the server, not a pass.</li>
 *   <li>On {@code <failure/>}: the attempt is over; build a {@link SaslFailure} and discard
 *       the mechanism. To abort, send {@code <abort/>} and discard it likewise.</li>
 * </ol>
 *
 * <p>A {@link SaslException} leaves the mechanism unusable. Thrown by
 * {@code evaluateChallenge}, the session sends {@code <abort/>} (RFC 6120 §6.4.4). Thrown by
 * {@code verifySuccess}, the server already considers the client authenticated but the client
 * does not trust the server (RFC 5802 §5: "it might have to drop the connection"): the
 * session must not restart the stream, and closes it. Calling a method out of order is a
 * programming error: {@link IllegalStateException}.
 */
public interface SaslMechanism {

    /** The registered mechanism name (RFC 4422 §3.1), e.g. {@code SCRAM-SHA-1}. */
    String name();

    /**
     * The initial response to put in {@code <auth/>}: empty when the mechanism has none
     * (DIGEST-MD5), present and possibly zero-length otherwise. Present-but-empty is not the
     * same as absent (RFC 6120 §6.4.2). Call it at most once, and only if it will be sent.
     */
    Optional<byte[]> initialResponse();

    /**
     * The response to a server challenge.
     *
     * @param challenge the decoded challenge, zero bytes if it had no data
     * @return the response, zero bytes for an empty {@code <response/>}
     */
    byte[] evaluateChallenge(byte[] challenge) throws SaslException;

    /**
     * Checks the server's {@code <success/>} and its additional data, if any (RFC 6120
     * §6.4.6, §6.3.10 item 2): a mechanism that authenticates the server verifies its proof
     * here, unless the proof came earlier as a final challenge.
     *
     * @param additionalData the decoded character data, zero bytes if it had none
     */
    void verifySuccess(byte[] additionalData) throws SaslException;

    /** Whether {@link #verifySuccess} has accepted the server's success. */
    boolean isComplete();
}
