package org.xmppcert.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.xmppcert.scenarios.spi.Account;
import org.xmppcert.xmpp.tls.TrustPolicy;

/** Leasing alone (no server: the snapshot needs a client, given as null here). */
class PoolAccountProviderTest {
    private static final Target TARGET = new Target("example.com", "127.0.0.1", 5222,
            TrustPolicy.insecureAcceptAnyCertificate("example.com"), Duration.ofSeconds(1));

    private static PoolAccountProvider pool(String... specs) {
        return new PoolAccountProvider(TARGET, null, java.util.Arrays.stream(specs)
                .map(s -> PoolAccount.parse(s, "example.com")).toList());
    }

    @Test
    void aLeaseGivesDistinctAccountsUnderTheScenariosNames() throws Exception {
        PoolAccountProvider p = pool("u1:p1", "u2:p2", "u3:p3");
        try (AccountProvider.Lease lease = p.lease("s", List.of("alice", "bob"))) {
            assertThat(lease.accounts()).extracting(Account::name).containsExactly("alice", "bob");
            assertThat(lease.accounts()).extracting(a -> a.jid().toString())
                    .containsExactly("u1@example.com", "u2@example.com");
            assertThat(p.available()).isEqualTo(1);
        }
        assertThat(p.available()).isEqualTo(3);
    }

    @Test
    void aScenarioWaitsUntilEnoughAccountsAreFreeThenGetsThemAllAtOnce() throws Exception {
        PoolAccountProvider p = pool("u1:p1", "u2:p2");
        AccountProvider.Lease first = p.lease("first", List.of("alice"));
        CompletableFuture<AccountProvider.Lease> second = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            try {
                second.complete(p.lease("second", List.of("alice", "bob")));
            } catch (Exception e) {
                second.completeExceptionally(e);
            }
        });
        waiter.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (waiter.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(waiter.getState()).as("waits for a second free account").isEqualTo(Thread.State.WAITING);
        assertThat(second).isNotDone();
        assertThat(p.available()).as("all or nothing: the free one is not held").isEqualTo(1);
        first.close();
        try (AccountProvider.Lease l = second.get(5, TimeUnit.SECONDS)) {
            assertThat(l.accounts()).hasSize(2);
        }
    }

    @Test
    void aScenarioNeedingMoreAccountsThanThePoolHasIsRefusedAtOnce() {
        PoolAccountProvider p = pool("u1:p1");
        assertThatThrownBy(() -> p.lease("two-actors", List.of("alice", "bob")))
                .isInstanceOf(AccountsUnavailableException.class)
                .hasMessageContaining("two-actors needs 2 accounts, the pool has 1");
    }

    @Test
    void accountsWhoseSnapshotFailsUnexpectedlyGoBackToThePool() {
        // A closed client refuses to connect with an IllegalStateException, not an XmppException:
        // before the fix the lease threw it and kept both accounts, so the next scenario waited forever.
        org.xmppcert.xmpp.session.XmppClient closed = new org.xmppcert.xmpp.session.XmppClient();
        closed.close();
        PoolAccountProvider p = new PoolAccountProvider(TARGET, closed,
                List.of(PoolAccount.parse("u1:p1", "example.com"), PoolAccount.parse("u2:p2", "example.com")));
        assertThatThrownBy(() -> p.lease("s", List.of("alice", "bob")))
                .isInstanceOf(AccountsUnavailableException.class)
                .hasMessageContaining("cannot log in as a pool account for s");
        assertThat(p.available()).isEqualTo(2);
    }

    @Test
    void poolAccountsParseAndNeverShowThePassword() {
        PoolAccount a = PoolAccount.parse("alice@example.com:s3cr:et", "example.com");
        assertThat(a.user()).isEqualTo("alice");
        assertThat(new String(a.password())).isEqualTo("s3cr:et");
        assertThat(a.toString()).doesNotContain("s3cr");
        assertThatThrownBy(() -> PoolAccount.parse(":pw", "example.com")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PoolAccount.parse("alice:", "example.com"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
