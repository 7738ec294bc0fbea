package org.xmppcert.harness.run;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppcert.scenarios.spi.Account;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.negotiation.SessionNegotiator;
import org.xmppcert.xmpp.register.InBandRegistration;
import org.xmppcert.xmpp.session.SessionOptions;
import org.xmppcert.xmpp.session.XmppClient;
import org.xmppcert.xmpp.session.XmppSession;

/**
 * Fresh accounts for every scenario, made with XEP-0077 in-band registration (§3.1, on the
 * stream after TLS, before authentication) and removed after it (§3.2). Names are random
 * ({@code xc-} and 12 hex digits), passwords are 24 random bytes: strong, and never logged.
 * The accounts of one scenario are registered, and removed, in parallel; removal runs in the
 * background after the scenario and {@link #close()} waits for it (bounded).
 */
public final class RegisteringAccountProvider implements AccountProvider {
    private static final Logger LOG = LoggerFactory.getLogger(RegisteringAccountProvider.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Target target;
    private final XmppClient client;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "xmppcert-accounts");
        t.setDaemon(true);
        return t;
    });

    /** Background removals not finished yet, for {@link #close()} to wait for. */
    private final Set<CompletableFuture<Void>> pending = ConcurrentHashMap.newKeySet();

    /** Accounts on this target, made and removed over sessions of this client (the caller closes it). */
    public RegisteringAccountProvider(Target target, XmppClient client) {
        this.target = target;
        this.client = client;
    }

    @Override
    public Lease lease(String scenarioId, List<String> names) throws AccountsUnavailableException,
            InterruptedException {
        List<CompletableFuture<Account>> made = new ArrayList<>();
        for (String name : names) {
            made.add(CompletableFuture.supplyAsync(() -> register(name), workers));
        }
        List<Account> accounts = new ArrayList<>();
        AccountsUnavailableException failure = null;
        long deadline = System.nanoTime() + stepBound().toNanos();
        try {
            for (CompletableFuture<Account> f : made) {
                try {
                    accounts.add(f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null
                            ? c.getCause() : e.getCause();
                    if (failure == null) {
                        failure = new AccountsUnavailableException("cannot register an account for " + scenarioId
                                + " (XEP-0077): " + cause.getMessage(), cause);
                    }
                } catch (TimeoutException e) {
                    // Registered later after all: removed then, so no account is left behind on the server.
                    f.thenAccept(late -> removeAll(List.of(late)));
                    if (failure == null) {
                        failure = new AccountsUnavailableException("cannot register an account for " + scenarioId
                                + " (XEP-0077): no answer within " + stepBound().toMillis() + " ms");
                    }
                }
            }
        } catch (InterruptedException e) {
            made.forEach(f -> f.thenAccept(late -> removeAll(List.of(late))));
            throw e;
        }
        if (failure != null) {
            removeAll(accounts);
            throw failure;
        }
        // Removal runs in the background: the next scenario need not wait for this one's clean-up.
        return AccountProvider.Lease.of(accounts, () -> {
            CompletableFuture<Void> removal = CompletableFuture.runAsync(() -> removeAll(accounts), workers);
            pending.add(removal);
            removal.whenComplete((v, e) -> pending.remove(removal));
        });
    }

    /**
     * The bound on registering, or removing, one batch of accounts: each is a connection, a
     * stream, STARTTLS (or a login) and two IQ round trips, each bounded by the reply timeout.
     */
    private Duration stepBound() {
        return target.replyTimeout().multipliedBy(8);
    }

    /** Registers one account with a random name and password (XEP-0077 §3.1). */
    Account register(String name) {
        String user = "xc-" + HexFormat.of().formatHex(bytes(6));
        char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(24)).toCharArray();
        Jid jid = target.jid(user);
        SessionOptions.Builder options = SessionOptions.builder();
        SessionNegotiator n = new SessionNegotiator(client, target.config(jid, password, options).build());
        XmppSession session = null;
        try {
            n.connect();
            n.openStream("initial");
            n.startTls();
            session = n.session();
            InBandRegistration.register(session, user, password, target.replyTimeout());
            return new Account(name, jid, password);
        } catch (XmppException e) {
            throw new CompletionException(e);
        } finally {
            if (session != null) {
                session.close(target.replyTimeout());
            } else if (n.session() != null) {
                n.session().abort();
            }
        }
    }

    private void removeAll(List<Account> accounts) {
        CompletableFuture<?>[] removals = accounts.stream()
                .map(a -> CompletableFuture.runAsync(() -> remove(a), workers))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(removals).get(stepBound().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // each removal logs its own failure
        } catch (TimeoutException e) {
            LOG.warn("some test accounts may not have been removed: no answer within {} ms", stepBound().toMillis());
        }
    }

    /** Logs in and cancels the registration (XEP-0077 §3.2); a failure is logged, not thrown. */
    private void remove(Account account) {
        try {
            XmppSession s = new SessionNegotiator(client,
                    target.config(account.jid(), account.password(), SessionOptions.builder()).build()).negotiate();
            try {
                InBandRegistration.remove(s, target.replyTimeout());
            } finally {
                s.close(target.replyTimeout());
            }
        } catch (XmppException | RuntimeException e) {
            LOG.warn("could not remove the test account {}: {}", account.jid(), e.getMessage());
        }
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** Waits (bounded) for the removals still running, then stops the workers. */
    @Override
    public void close() {
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    .get(target.replyTimeout().toMillis() * 3, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("some test accounts may not have been removed: {}", e.toString());
        }
        workers.shutdown();
        try {
            workers.awaitTermination(target.replyTimeout().toMillis() * 3, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
