package org.xmppcert.xmpp.caps;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.xmppcert.xmpp.disco.DiscoInfo;

/**
 * The verified {@code ver}s and what they stand for (XEP-0115 §8.2 "RECOMMENDED … to cache",
 * §5.4 rule 3.8 "SHOULD globally cache the result for all JabberIDs"), bounded: the least
 * recently used entry goes when it is full, so a peer announcing endless fresh {@code ver}s
 * cannot grow it without limit.
 *
 * <p>Only a {@link CapsVerification} whose status is {@code VERIFIED} can enter
 * ({@link #put}): a mismatched, ill-formed, unsupported-hash or legacy {@code ver} must never
 * be cached (§5.4 step 2, rule 3.9, §13). Keyed by hash and {@code ver}, not by node: the
 * {@code ver} alone determines the identities and features (§1.2).
 *
 * <p>Thread-safe. One per session by default ({@link EntityCapabilities#cache()}); share one
 * between sessions with {@link EntityCapabilities#useCache}.
 */
public final class CapsCache {

    /** The default number of entries. */
    public static final int DEFAULT_CAPACITY = 1_000;

    private record Key(String hash, String ver) {
    }

    private final int capacity;
    private final Map<Key, DiscoInfo> entries;

    public CapsCache() {
        this(DEFAULT_CAPACITY);
    }

    public CapsCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, DiscoInfo> eldest) {
                return size() > CapsCache.this.capacity;
            }
        };
    }

    /** The info verified for these caps' hash and ver, if any; legacy caps are never found. */
    public synchronized Optional<DiscoInfo> get(Caps caps) {
        return caps.isLegacy() ? Optional.empty() : Optional.ofNullable(entries.get(new Key(caps.hash(), caps.ver())));
    }

    /**
     * Caches a verified result.
     *
     * @throws IllegalArgumentException unless its status is {@code VERIFIED}
     */
    public synchronized void put(CapsVerification verified) {
        if (!verified.isVerified()) {
            throw new IllegalArgumentException("only a verified ver may be cached (XEP-0115 §5.4 rules 3.8–3.9), not "
                    + verified.status());
        }
        entries.put(new Key(verified.caps().hash(), verified.caps().ver()), verified.info());
    }

    /** Forgets every entry. */
    public synchronized void clear() {
        entries.clear();
    }

    public synchronized int size() {
        return entries.size();
    }

    public int capacity() {
        return capacity;
    }
}
