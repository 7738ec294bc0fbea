package org.xmppcert.harness.run;

/** The accounts a scenario needs cannot be had: registration refused, pool too small, login refused. */
public final class AccountsUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    /** With a message naming the scenario and why; never a password. */
    public AccountsUnavailableException(String message) {
        super(message);
    }

    /** With a message naming the scenario and why, and the failure behind it; never a password. */
    public AccountsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
