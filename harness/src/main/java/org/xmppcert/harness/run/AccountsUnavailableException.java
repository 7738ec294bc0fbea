package org.xmppcert.harness.run;

/** The accounts a scenario needs cannot be had: registration refused, pool too small, login refused. */
public final class AccountsUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public AccountsUnavailableException(String message) {
        super(message);
    }

    public AccountsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
