package org.xmppcert.xmpp.subscription;

/**
 * What the {@link SubscriptionManager} does with a subscription request it receives. RFC 6121
 * §3.1.4 (RFC 3921 §6.2) asks an interactive client to present each request to its user unless
 * the user configured automatic approval or denial; for the reference client the "user" is the
 * scenario, which must see requests, so {@link #MANUAL} is the default.
 */
public enum SubscriptionPolicy {
    /**
     * Keep the request for the caller to {@link SubscriptionManager#approve approve} or
     * {@link SubscriptionManager#deny deny}.
     */
    MANUAL,
    /** Approve every request at once with {@code subscribed}. */
    ACCEPT_ALL,
    /** Deny every request at once with {@code unsubscribed}. */
    REJECT_ALL
}
