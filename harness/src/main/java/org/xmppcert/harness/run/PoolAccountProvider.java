package org.xmppcert.harness.run;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppcert.scenarios.spi.Account;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.negotiation.SessionNegotiator;
import org.xmppcert.xmpp.session.SessionOptions;
import org.xmppcert.xmpp.session.XmppClient;
import org.xmppcert.xmpp.session.XmppSession;

/**
 * Accounts given by the user, lent exclusively: a scenario takes all the accounts it needs at
 * once (so two scenarios waiting for each other's accounts cannot deadlock), their rosters and
 * privacy lists are read before it and put back after it ({@link AccountState}).
 *
 * <p>A scenario that needs more accounts than the pool holds is refused at once with a message
 * saying how many it needs.
 */
public final class PoolAccountProvider implements AccountProvider {
    private static final Logger LOG = LoggerFactory.getLogger(PoolAccountProvider.class);

    private final Target target;
    private final XmppClient client;
    private final int size;
    private final Deque<PoolAccount> free;

    /** A pool without snapshots (client {@code null}): for tests of the leasing alone. */
    public PoolAccountProvider(Target target, XmppClient client, List<PoolAccount> accounts) {
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException("the account pool is empty");
        }
        this.target = target;
        this.client = client;
        this.size = accounts.size();
        this.free = new ArrayDeque<>(accounts);
    }

    @Override
    public Lease lease(String scenarioId, List<String> names) throws AccountsUnavailableException, InterruptedException {
        if (names.size() > size) {
            throw new AccountsUnavailableException(scenarioId + " needs " + names.size() + " accounts, the pool has "
                    + size + ": give more with --account, or use --register");
        }
        List<PoolAccount> taken = take(names.size());
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            PoolAccount p = taken.get(i);
            accounts.add(new Account(names.get(i), target.jid(p.user()), p.password()));
        }
        Map<Account, AccountState> states = new HashMap<>();
        try {
            for (Account a : accounts) {
                AccountState s = withSession(a, AccountState::snapshot);
                if (s != null) {
                    states.put(a, s);
                }
            }
        } catch (XmppException | RuntimeException e) {
            // Every path gives the accounts back: a lost account would block later scenarios for good.
            give(taken);
            throw new AccountsUnavailableException("cannot log in as a pool account for " + scenarioId + ": "
                    + e.getMessage(), e);
        }
        return AccountProvider.Lease.of(accounts, () -> restoreAndGive(states, taken));
    }

    /** Puts each account's state back (a failure is logged), then returns the accounts to the pool. */
    private void restoreAndGive(Map<Account, AccountState> states, List<PoolAccount> taken) {
        try {
            for (Map.Entry<Account, AccountState> e : states.entrySet()) {
                try {
                    withSession(e.getKey(), s -> {
                        e.getValue().restore(s);
                        return null;
                    });
                } catch (XmppException | RuntimeException ex) {
                    LOG.warn("could not restore the roster and privacy lists of {}: {}", e.getKey().jid(),
                            ex.getMessage());
                }
            }
        } finally {
            give(taken);
        }
    }

    private synchronized List<PoolAccount> take(int n) throws InterruptedException {
        while (free.size() < n) {
            wait(); // each lease ends, bounded by its scenario's own bounds
        }
        List<PoolAccount> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(free.removeFirst());
        }
        return out;
    }

    private synchronized void give(List<PoolAccount> accounts) {
        free.addAll(accounts);
        notifyAll();
    }

    /** How many accounts are free now. */
    public synchronized int available() {
        return free.size();
    }

    private interface SessionWork<T> {
        T apply(XmppSession session) throws XmppException;
    }

    private <T> T withSession(Account a, SessionWork<T> work) throws XmppException {
        if (client == null) {
            return null;
        }
        XmppSession s = new SessionNegotiator(client, target.config(a.jid(), a.password(), SessionOptions.builder())
                .build()).negotiate();
        try {
            return work.apply(s);
        } finally {
            s.close(target.replyTimeout());
        }
    }
}
