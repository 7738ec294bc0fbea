package org.xmppcert.harness.run;

import java.util.List;
import org.xmppcert.scenarios.spi.Account;

/**
 * Gives each scenario the accounts it declares, for it alone, and takes them back after: a
 * scenario never sees another's roster, subscriptions or privacy lists.
 */
public interface AccountProvider extends AutoCloseable {

    /**
     * Accounts for the actor names, in their order; blocks until they are available.
     *
     * @throws AccountsUnavailableException when they cannot be had (registration refused,
     *     pool too small): the scenario is an ERROR, not a FAIL of the server
     */
    Lease lease(String scenarioId, List<String> names) throws AccountsUnavailableException, InterruptedException;

    /** Accounts lent to one scenario; closing gives them back (removed, or restored). */
    interface Lease extends AutoCloseable {
        List<Account> accounts();

        /** Gives the accounts back; never throws (a failure to restore or remove is logged). */
        @Override
        void close();

        /** A lease of these accounts whose {@link #close()} runs {@code giveBack}. */
        static Lease of(List<Account> accounts, Runnable giveBack) {
            List<Account> lent = List.copyOf(accounts);
            return new Lease() {
                @Override
                public List<Account> accounts() {
                    return lent;
                }

                @Override
                public void close() {
                    giveBack.run();
                }
            };
        }
    }

    /** Releases what the provider holds; bounded. */
    @Override
    default void close() {
    }
}
