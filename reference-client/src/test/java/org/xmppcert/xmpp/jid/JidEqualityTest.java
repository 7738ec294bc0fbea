package org.xmppcert.xmpp.jid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JIDs compare by their prepared parts, octet for octet (RFC 3920 §3.2-§3.4). */
class JidEqualityTest {

    @ParameterizedTest(name = "{0} == {1}")
    @CsvSource({
        "Alice@LocalHost/Res, alice@localhost/Res",
        "ALICE@EXAMPLE.COM, alice@example.com",
        "alice@example.com., alice@example.com",
        "alice@xn--mller-kva.example, alice@m\u00FCller.example",
        "al\u00ADice@example.com/r\u200Bes, alice@example.com/res",
        "\uFF21lice@example.com, alice@example.com",
        "alice@example.com/\uFF32es, alice@example.com/Res",
    })
    void equalAfterPreparation(String a, String b) {
        assertThat(Jid.of(a)).isEqualTo(Jid.of(b)).hasSameHashCodeAs(Jid.of(b));
        assertThat(Jid.of(a).toString()).isEqualTo(Jid.of(b).toString());
    }

    @ParameterizedTest(name = "{0} != {1}")
    @CsvSource({
        "alice@localhost/Res, alice@localhost/res", // Resourceprep keeps case
        "alice@localhost/Res, alice@localhost",
        "alice@localhost, localhost",
        "alice@localhost, alice@localhost.example",
        "foo\\5cbar@example.com, foo\\bar@example.com", // XEP-0106 §7: displayed alike, not equal
    })
    void differentAfterPreparation(String a, String b) {
        assertThat(Jid.of(a)).isNotEqualTo(Jid.of(b));
    }

    @Test
    void equalsIsWellBehaved() {
        Jid jid = Jid.of("alice@example.com/r");
        assertThat(jid).isEqualTo(jid).isNotEqualTo(null).isNotEqualTo("alice@example.com/r");
        assertThat(jid.bare()).isEqualTo(Jid.of("alice@example.com"));
        assertThat(Jid.of("alice", "example.com", "r")).isEqualTo(jid);
    }

    @Test
    void preparationGivesTheSameResultsFromManyThreads() throws Exception {
        List<String> inputs = IntStream.range(0, 200)
                .mapToObj(i -> "Us\u00E9r" + i + "@M\u00DCLLER" + (i % 7) + ".example./R\u00E9s\u2163" + i)
                .collect(Collectors.toList());
        List<Jid> expected = inputs.stream().map(Jid::of).collect(Collectors.toList());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<List<Jid>> task = () -> inputs.stream().map(Jid::of).collect(Collectors.toList());
            List<Future<List<Jid>>> results = pool.invokeAll(List.of(task, task, task, task, task, task, task, task),
                    30, TimeUnit.SECONDS);
            for (Future<List<Jid>> result : results) {
                assertThat(result.get()).containsExactlyElementsOf(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
