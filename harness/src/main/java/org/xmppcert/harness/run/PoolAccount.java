package org.xmppcert.harness.run;

import java.util.Arrays;

/**
 * An account given by the user ({@code --account user:password}): a localpart (or a bare JID of
 * the target's domain) and its password. {@link #toString()} never shows the password.
 */
public record PoolAccount(String user, char[] password) {

    /**
     * Reads {@code user:password}; the password may contain colons, the user may not.
     *
     * @throws IllegalArgumentException with a message that never repeats the password
     */
    public static PoolAccount parse(String spec, String domain) {
        int colon = spec.indexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) {
            throw new IllegalArgumentException("an account is user:password (the password after the first ':')");
        }
        String user = spec.substring(0, colon).strip();
        int at = user.indexOf('@');
        if (at >= 0) {
            String d = user.substring(at + 1);
            if (domain != null && !d.equalsIgnoreCase(domain)) {
                throw new IllegalArgumentException("the account " + user + " is not of the domain " + domain);
            }
            user = user.substring(0, at);
        }
        if (user.isEmpty()) {
            throw new IllegalArgumentException("an account needs a user name before ':'");
        }
        return new PoolAccount(user, spec.substring(colon + 1).toCharArray());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PoolAccount p && p.user.equals(user) && Arrays.equals(p.password, password);
    }

    @Override
    public int hashCode() {
        return user.hashCode();
    }

    @Override
    public String toString() {
        return "PoolAccount[" + user + "]";
    }
}
