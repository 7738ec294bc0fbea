package org.xmppcert.xmpp.subscription;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.xmppcert.xmpp.roster.Ask;
import org.xmppcert.xmpp.roster.RosterItem;
import org.xmppcert.xmpp.roster.Subscription;

/**
 * The nine subscription states between a user and a contact, from the user's side (RFC 3921
 * §9.1, RFC 6121 Appendix A.1), and how the user's server handles each subscription stanza in
 * each state: outbound (RFC 3921 §9.2, RFC 6121 A.2) and inbound (RFC 3921 §9.3, RFC 6121 A.3).
 * A pure value: the rules are transcribed from the RFC 6121 tables, so that a harness can predict
 * what a server must do and what the user's client will see.
 *
 * <p>RFC 3921 and RFC 6121 give the same new states. They differ in that RFC 6121 adds
 * pre-approval (an outbound {@code subscribed} in None, None + Pending Out or To, §3.4) and
 * tables for outbound {@code subscribe} and {@code unsubscribe}, which RFC 3921 §9.2 only says
 * MUST be routed "without exception"; and RFC 3921's "no" columns became "S.N." (SHOULD NOT) or
 * "M.N." (MUST NOT) in RFC 6121, which is the level given here.
 *
 * <p>The client sees a state through its roster: {@code subscription} and {@code ask}
 * ({@link #subscription()}, {@link #ask()}). "Pending In" is not visible there, and an entity in
 * None or None + Pending In may have no roster item at all (A.1, note to state 3):
 * {@link #consistentWith} says which states a roster item (or its absence) allows.
 */
public enum SubscriptionState {
    /** 1. Neither subscribed, nothing pending. */
    NONE(Subscription.NONE, false, false),
    /** 2. The user asked for a subscription, not answered yet. */
    NONE_PENDING_OUT(Subscription.NONE, true, false),
    /** 3. The contact asked for a subscription, not answered yet. */
    NONE_PENDING_IN(Subscription.NONE, false, true),
    /** 4. Both asked, neither answered ("None + Pending Out+In"; RFC 3921: "Out/In"). */
    NONE_PENDING_OUT_IN(Subscription.NONE, true, true),
    /** 5. The user is subscribed to the contact. */
    TO(Subscription.TO, false, false),
    /** 6. The user is subscribed to the contact, who asked for a subscription. */
    TO_PENDING_IN(Subscription.TO, false, true),
    /** 7. The contact is subscribed to the user. */
    FROM(Subscription.FROM, false, false),
    /** 8. The contact is subscribed to the user, who asked for a subscription. */
    FROM_PENDING_OUT(Subscription.FROM, true, false),
    /** 9. Mutual subscription. */
    BOTH(Subscription.BOTH, false, false);

    private final Subscription subscription;
    private final boolean pendingOut;
    private final boolean pendingIn;

    SubscriptionState(Subscription subscription, boolean pendingOut, boolean pendingIn) {
        this.subscription = subscription;
        this.pendingOut = pendingOut;
        this.pendingIn = pendingIn;
    }

    /** The state with these parts. */
    public static SubscriptionState of(Subscription subscription, boolean pendingOut, boolean pendingIn) {
        for (SubscriptionState s : values()) {
            if (s.subscription == subscription && s.pendingOut == pendingOut && s.pendingIn == pendingIn) {
                return s;
            }
        }
        throw new IllegalArgumentException("no subscription state " + subscription + (pendingOut ? " + Pending Out" : "")
                + (pendingIn ? " + Pending In" : "") + " (RFC 6121 A.1)");
    }

    /** The primary state, which the roster's {@code subscription} shows (RFC 6121 A.1). */
    public Subscription subscription() {
        return subscription;
    }

    /** {@link Ask#SUBSCRIBE} in the "Pending Out" states, which the roster's {@code ask} shows; else {@code null}. */
    public Ask ask() {
        return pendingOut ? Ask.SUBSCRIBE : null;
    }

    /** Whether a request of the user is unanswered ("Pending Out"). */
    public boolean pendingOut() {
        return pendingOut;
    }

    /** Whether a request of the contact is unanswered ("Pending In"); not visible in the user's roster. */
    public boolean pendingIn() {
        return pendingIn;
    }

    /** Whether the user receives the contact's presence (To, To + Pending In, Both). */
    public boolean userSubscribedToContact() {
        return subscription.userSubscribedToContact();
    }

    /** Whether the contact receives the user's presence (From, From + Pending Out, Both). */
    public boolean contactSubscribedToUser() {
        return subscription.contactSubscribedToUser();
    }

    /** Whether the states differ in what the user's roster shows ({@code subscription} or {@code ask}). */
    public boolean visiblyDiffersFrom(SubscriptionState other) {
        return subscription != other.subscription || pendingOut != other.pendingOut;
    }

    /**
     * Whether the user's roster may show this state so: an item with its {@code subscription}
     * and {@code ask}, or no item at all, which only None and None + Pending In allow (RFC 6121
     * A.1: the server MUST NOT create an item for an unanswered inbound request, and "None"
     * includes a contact not in the roster).
     */
    public boolean consistentWith(Optional<RosterItem> item) {
        if (item.isEmpty()) {
            return this == NONE || this == NONE_PENDING_IN;
        }
        return item.get().subscription() == subscription && item.get().pendingOut() == pendingOut;
    }

    /** The states a roster item (or its absence) allows; they differ only in "Pending In". */
    public static Set<SubscriptionState> consistentStates(Optional<RosterItem> item) {
        Set<SubscriptionState> out = EnumSet.noneOf(SubscriptionState.class);
        for (SubscriptionState s : values()) {
            if (s.consistentWith(item)) {
                out.add(s);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- outbound (A.2)

    /** What pre-approval becomes with an outbound stanza (RFC 6121 §3.4). */
    public enum PreApproval {
        /** Not touched. */
        UNCHANGED,
        /**
         * Noted: a {@code subscribed} in None, None + Pending Out or To is a pre-approval, when
         * the server supports them (A.2.3 note [1], §3.4.2 rules 3–4); not routed.
         */
        NOTED,
        /** A pre-approval, if any, is cancelled by {@code unsubscribed} (A.2.4 note [1], §3.2.2 rule 2). */
        CANCELLED
    }

    /**
     * How the user's server handles a subscription stanza the user sends in a state (RFC 6121
     * A.2, RFC 3921 §9.2).
     *
     * @param state the state before
     * @param action what the user sent
     * @param route whether the server routes it to the contact
     * @param next the state after
     * @param preApproval what happens to a pre-approval
     */
    public record OutboundRule(SubscriptionState state, SubscriptionAction action, Obligation route,
            SubscriptionState next, PreApproval preApproval) {
        public OutboundRule {
            Objects.requireNonNull(route);
            Objects.requireNonNull(next);
            Objects.requireNonNull(preApproval);
        }

        /** Whether the state changes, so that a roster push follows when it shows (RFC 6121 §3). */
        public boolean changesState() {
            return next != state;
        }
    }

    /** The rule for a stanza of this type the user sends in this state (RFC 6121 A.2 Tables 2–5). */
    public OutboundRule outbound(SubscriptionAction action) {
        return switch (action) {
            // A.2.1 Table 2: MUST route in every state; pending out is set where it was not.
            case SUBSCRIBE -> switch (this) {
                case NONE -> out(action, Obligation.MUST, NONE_PENDING_OUT);
                case NONE_PENDING_IN -> out(action, Obligation.MUST, NONE_PENDING_OUT_IN);
                case FROM -> out(action, Obligation.MUST, FROM_PENDING_OUT);
                default -> out(action, Obligation.MUST, this);
            };
            // A.2.2 Table 3: MUST route in every state.
            case UNSUBSCRIBE -> switch (this) {
                case NONE_PENDING_OUT, TO -> out(action, Obligation.MUST, NONE);
                case NONE_PENDING_OUT_IN, TO_PENDING_IN -> out(action, Obligation.MUST, NONE_PENDING_IN);
                case FROM_PENDING_OUT, BOTH -> out(action, Obligation.MUST, FROM);
                default -> out(action, Obligation.MUST, this);
            };
            // A.2.3 Table 4; RFC 3921 §9.2 Table 1 has "no state change" where RFC 6121 has pre-approval.
            case SUBSCRIBED -> switch (this) {
                case NONE, NONE_PENDING_OUT, TO ->
                        new OutboundRule(this, action, Obligation.MUST_NOT, this, PreApproval.NOTED);
                case NONE_PENDING_IN -> out(action, Obligation.MUST, FROM);
                case NONE_PENDING_OUT_IN -> out(action, Obligation.MUST, FROM_PENDING_OUT);
                case TO_PENDING_IN -> out(action, Obligation.MUST, BOTH);
                case FROM, FROM_PENDING_OUT, BOTH -> out(action, Obligation.MUST_NOT, this);
            };
            // A.2.4 Table 5; RFC 3921 §9.2 Table 2.
            case UNSUBSCRIBED -> switch (this) {
                case NONE, NONE_PENDING_OUT, TO ->
                        new OutboundRule(this, action, Obligation.SHOULD_NOT, this, PreApproval.CANCELLED);
                case NONE_PENDING_IN, FROM -> out(action, Obligation.MUST, NONE);
                case NONE_PENDING_OUT_IN, FROM_PENDING_OUT -> out(action, Obligation.MUST, NONE_PENDING_OUT);
                case TO_PENDING_IN, BOTH -> out(action, Obligation.MUST, TO);
            };
        };
    }

    private OutboundRule out(SubscriptionAction action, Obligation route, SubscriptionState next) {
        return new OutboundRule(this, action, route, next, PreApproval.UNCHANGED);
    }

    // ---------------------------------------------------------------- inbound (A.3)

    /**
     * How the user's server handles a subscription stanza from the contact in a state (RFC 6121
     * A.3, RFC 3921 §9.3).
     *
     * @param state the state before
     * @param action what the contact sent
     * @param deliver whether the server delivers it to the user's client
     * @param next the state after
     * @param autoReply what the server answers on the user's behalf, {@code null} for nothing
     * @param autoReplyObligation how strongly, {@code null} when there is no auto-reply
     */
    public record InboundRule(SubscriptionState state, SubscriptionAction action, Obligation deliver,
            SubscriptionState next, SubscriptionAction autoReply, Obligation autoReplyObligation) {
        public InboundRule {
            Objects.requireNonNull(deliver);
            Objects.requireNonNull(next);
            if ((autoReply == null) != (autoReplyObligation == null)) {
                throw new IllegalArgumentException("an auto-reply needs its obligation and the other way round");
            }
        }

        /** Whether the state changes. */
        public boolean changesState() {
            return next != state;
        }

        /**
         * Whether the user's client will see a roster push: the state changes in what the roster
         * shows. Deliveries come before that push (RFC 6121 §3.1.6 rule 1, §3.2.3 rule 1,
         * §3.3.3 rule 1).
         */
        public boolean pushesRoster() {
            return next.visiblyDiffersFrom(state);
        }
    }

    /** {@link #inbound(SubscriptionAction, boolean)} without a pre-approval. */
    public InboundRule inbound(SubscriptionAction action) {
        return inbound(action, false);
    }

    /**
     * The rule for a stanza of this type from the contact in this state (RFC 6121 A.3 Tables
     * 6–9).
     *
     * <p>With a pre-approval, an inbound {@code subscribe} in None, None + Pending Out or To is
     * not delivered and is answered with {@code subscribed}, which moves the state as an approval
     * would (to From, From + Pending Out, Both). RFC 6121 gives three levels for that auto-reply:
     * MUST in §3.4.2, SHOULD in §3.1.3 rule 2, MAY in A.3.1 note [1]. The rule carries SHOULD, the
     * level that both the section on inbound requests and the table allow, so that a server is not
     * failed on the strictest reading of a text that contradicts itself; the delivery is MUST NOT
     * as §3.4.2 alone says.
     *
     * @param preApproved whether the user pre-approved the contact (the roster's {@code approved})
     */
    public InboundRule inbound(SubscriptionAction action, boolean preApproved) {
        return switch (action) {
            // A.3.1 Table 6; RFC 3921 §9.3 Table 3.
            case SUBSCRIBE -> {
                if (preApproved && (this == NONE || this == NONE_PENDING_OUT || this == TO)) {
                    yield new InboundRule(this, action, Obligation.MUST_NOT, approvedBy(), SubscriptionAction.SUBSCRIBED,
                            Obligation.SHOULD);
                }
                yield switch (this) {
                    case NONE -> in(action, Obligation.MUST, NONE_PENDING_IN);
                    case NONE_PENDING_OUT -> in(action, Obligation.MUST, NONE_PENDING_OUT_IN);
                    case TO -> in(action, Obligation.MUST, TO_PENDING_IN);
                    case NONE_PENDING_IN, NONE_PENDING_OUT_IN, TO_PENDING_IN -> in(action, Obligation.SHOULD_NOT, this);
                    // Note [2]: the server SHOULD auto-reply with "subscribed".
                    case FROM, FROM_PENDING_OUT, BOTH -> new InboundRule(this, action, Obligation.SHOULD_NOT, this,
                            SubscriptionAction.SUBSCRIBED, Obligation.SHOULD);
                };
            }
            // A.3.2 Table 7; RFC 3921 §9.3 Table 4. Note [1]: SHOULD auto-reply with "unsubscribed".
            case UNSUBSCRIBE -> switch (this) {
                case NONE, NONE_PENDING_OUT, TO -> in(action, Obligation.SHOULD_NOT, this);
                case NONE_PENDING_IN, FROM -> inWithReply(action, NONE);
                case NONE_PENDING_OUT_IN, FROM_PENDING_OUT -> inWithReply(action, NONE_PENDING_OUT);
                case TO_PENDING_IN, BOTH -> inWithReply(action, TO);
            };
            // A.3.3 Table 8; RFC 3921 §9.3 Table 5.
            case SUBSCRIBED -> switch (this) {
                case NONE_PENDING_OUT -> in(action, Obligation.MUST, TO);
                case NONE_PENDING_OUT_IN -> in(action, Obligation.MUST, TO_PENDING_IN);
                case FROM_PENDING_OUT -> in(action, Obligation.MUST, BOTH);
                default -> in(action, Obligation.SHOULD_NOT, this);
            };
            // A.3.4 Table 9; RFC 3921 §9.3 Table 6.
            case UNSUBSCRIBED -> switch (this) {
                case NONE_PENDING_OUT, TO -> in(action, Obligation.MUST, NONE);
                case NONE_PENDING_OUT_IN, TO_PENDING_IN -> in(action, Obligation.MUST, NONE_PENDING_IN);
                case FROM_PENDING_OUT, BOTH -> in(action, Obligation.MUST, FROM);
                case NONE, NONE_PENDING_IN, FROM -> in(action, Obligation.SHOULD_NOT, this);
            };
        };
    }

    /** The state after the user's server approves the contact on a pre-approval: as if Pending In had been approved. */
    private SubscriptionState approvedBy() {
        return SubscriptionState.of(subscription == Subscription.TO ? Subscription.BOTH : Subscription.FROM,
                pendingOut, false);
    }

    private InboundRule in(SubscriptionAction action, Obligation deliver, SubscriptionState next) {
        return new InboundRule(this, action, deliver, next, null, null);
    }

    private InboundRule inWithReply(SubscriptionAction action, SubscriptionState next) {
        return new InboundRule(this, action, Obligation.MUST, next, SubscriptionAction.UNSUBSCRIBED,
                Obligation.SHOULD);
    }

    /** The name the RFCs use, e.g. {@code "None + Pending Out"}. */
    public String rfcName() {
        String base = switch (subscription) {
            case NONE -> "None";
            case TO -> "To";
            case FROM -> "From";
            case BOTH -> "Both";
            case REMOVE -> throw new IllegalStateException();
        };
        if (pendingOut && pendingIn) {
            return base + " + Pending Out+In";
        }
        return base + (pendingOut ? " + Pending Out" : "") + (pendingIn ? " + Pending In" : "");
    }
}
