package org.xmppcert.xmpp.transport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Orders SRV records for connection attempts as RFC 2782 prescribes ("Usage rules"): by
 * ascending priority, and within one priority by a weighted random draw in which records of
 * weight 0 get a small chance and are placed first in the list before the draw.
 *
 * <p>Hand-written: dnsjava returns the records but leaves the selection to the caller.
 */
public final class SrvOrdering {
    private SrvOrdering() {
    }

    /** The records in the order to try them. */
    public static List<SrvRecord> order(List<SrvRecord> records, Random random) {
        Map<Integer, List<SrvRecord>> byPriority = new TreeMap<>();
        for (SrvRecord r : records) {
            byPriority.computeIfAbsent(r.priority(), p -> new ArrayList<>()).add(r);
        }
        List<SrvRecord> out = new ArrayList<>(records.size());
        for (List<SrvRecord> group : byPriority.values()) {
            out.addAll(weightedShuffle(group, random));
        }
        return out;
    }

    private static List<SrvRecord> weightedShuffle(List<SrvRecord> group, Random random) {
        List<SrvRecord> pending = new ArrayList<>(group);
        pending.sort(Comparator.comparingInt(SrvRecord::weight)); // weight 0 first, as RFC 2782 says
        List<SrvRecord> out = new ArrayList<>(group.size());
        while (!pending.isEmpty()) {
            int total = 0;
            for (SrvRecord r : pending) {
                total += r.weight();
            }
            int pick = total == 0 ? 0 : random.nextInt(total + 1);
            int running = 0;
            for (int i = 0; i < pending.size(); i++) {
                running += pending.get(i).weight();
                if (running >= pick) {
                    out.add(pending.remove(i));
                    break;
                }
            }
        }
        return out;
    }
}
