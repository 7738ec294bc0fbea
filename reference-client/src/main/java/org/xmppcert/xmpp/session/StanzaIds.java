package org.xmppcert.xmpp.session;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stanza ids unique within a session (RFC 6120 §8.1.3), with a random prefix so that ids of
 * parallel sessions never collide in a shared transcript, e.g. {@code xc-4f9a1c2e-17}.
 */
final class StanzaIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final String prefix = String.format("xc-%08x-", RANDOM.nextInt());
    private final AtomicLong counter = new AtomicLong();

    String next() {
        return prefix + counter.incrementAndGet();
    }
}
