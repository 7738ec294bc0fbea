package org.xmppcert.xmpp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SrvOrderingTest {

    @Test
    void lowerPriorityAlwaysComesFirst() {
        List<SrvRecord> records = List.of(new SrvRecord(20, 100, 5222, "c"), new SrvRecord(10, 0, 5222, "a"),
                new SrvRecord(10, 0, 5223, "b"), new SrvRecord(30, 1, 5222, "d"));
        for (int seed = 0; seed < 50; seed++) {
            List<SrvRecord> ordered = SrvOrdering.order(records, new Random(seed));
            assertThat(ordered).extracting(SrvRecord::priority).containsExactly(10, 10, 20, 30);
        }
    }

    @Test
    void weightsShareTheFirstPlaceProportionally() {
        List<SrvRecord> records = List.of(new SrvRecord(10, 60, 5222, "heavy"), new SrvRecord(10, 20, 5222, "light"),
                new SrvRecord(10, 20, 5222, "other"));
        Map<String, Integer> first = new HashMap<>();
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            first.merge(SrvOrdering.order(records, random).get(0).target(), 1, Integer::sum);
        }
        assertThat(first.get("heavy")).isBetween(5_600, 6_400);
        assertThat(first.get("light")).isBetween(1_700, 2_300);
        assertThat(first.get("other")).isBetween(1_700, 2_300);
    }

    @Test
    void zeroWeightStillGetsTried() {
        List<SrvRecord> records = List.of(new SrvRecord(1, 0, 5222, "zero"), new SrvRecord(1, 10, 5222, "ten"));
        List<SrvRecord> ordered = SrvOrdering.order(records, new Random(1));
        assertThat(ordered).extracting(SrvRecord::target).containsExactlyInAnyOrder("zero", "ten");
    }

    @Test
    void aDotTargetMeansNoService() {
        assertThat(new SrvRecord(0, 0, 0, ".").isNoService()).isTrue();
        assertThat(new SrvRecord(0, 0, 5222, "xmpp.example.com").isNoService()).isFalse();
    }
}
