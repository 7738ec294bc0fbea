/**
 * Presence subscriptions (RFC 3921 §6, §8 and §9, restated by RFC 6121 §3 and Appendix A):
 * the nine subscription states and the server's handling of each subscription stanza as a pure
 * value ({@link org.xmppcert.xmpp.subscription.SubscriptionState}), so that a server's behaviour
 * can be judged against the tables, and the
 * {@link org.xmppcert.xmpp.subscription.SubscriptionManager} that subscribes, approves, denies,
 * cancels, unsubscribes and pre-approves (RFC 6121 §3.4), with a policy for incoming requests.
 */
package org.xmppcert.xmpp.subscription;
