package org.xmppcert.xmpp.caps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xmppcert.xmpp.disco.DiscoInfo;
import org.xmppcert.xmpp.disco.LocalFeatures;

/** The cache of verified vers: bounded, least recently used out first, keyed by hash and ver. */
class CapsCacheTest {

    private static CapsVerification verified(String feature) {
        DiscoInfo info = new DiscoInfo(null, List.of(new LocalFeatures.Identity("client", "pc", null, null)),
                List.of(feature), List.of());
        Caps caps = Caps.of("sha-1", "http://example.org", VerificationString.compute(info, "sha-1"));
        CapsVerification v = CapsVerifier.check(null, caps, info);
        assertThat(v.isVerified()).isTrue();
        return v;
    }

    @Test
    void theLeastRecentlyUsedEntryGoesFirst() {
        CapsCache cache = new CapsCache(2);
        CapsVerification a = verified("a");
        CapsVerification b = verified("b");
        CapsVerification c = verified("c");
        cache.put(a);
        cache.put(b);
        assertThat(cache.get(a.caps())).contains(a.info()); // a is now the most recently used
        cache.put(c);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get(b.caps())).isEmpty();
        assertThat(cache.get(a.caps())).contains(a.info());
        assertThat(cache.get(c.caps())).contains(c.info());
    }

    @Test
    void theNodeDoesNotMatter_theHashDoes() {
        CapsCache cache = new CapsCache();
        CapsVerification a = verified("a");
        cache.put(a);
        assertThat(cache.get(Caps.of("sha-1", "http://other.example", a.caps().ver()))).contains(a.info());
        assertThat(cache.get(Caps.of("sha-256", a.caps().node(), a.caps().ver()))).isEmpty();
    }
}
