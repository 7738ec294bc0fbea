package org.xmppcert.xmpp.privacy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.xmppcert.xmpp.xml.Element;

/**
 * One rule of a privacy list (RFC 3921 §10.1): what it matches ({@link Type} and value), what it
 * does ({@link Action}), where it stands in the processing order, and which kinds of stanza it
 * applies to (all of them when none is named).
 *
 * <p>The constructor enforces what RFC 3921 §10.1 makes a MUST for a well-formed item (an
 * action; an order that is a non-negative integer fitting an unsignedInt; a value for every type
 * but fall-through; a subscription value among none, to, from, both). Deliberately broken items
 * are sent as raw elements (see {@link PrivacyIq#query(Element...)}).
 *
 * @param type what the value is; {@link Type#FALL_THROUGH} for an item without {@code type}
 * @param value the JID, group name or subscription state; {@code null} for fall-through
 * @param action allow or deny
 * @param order the position in processing order, ascending (§10.2 rule 5), unique in a list
 * @param stanzas the kinds of stanza the item applies to; empty means all (§10.13)
 */
public record PrivacyItem(Type type, String value, Action action, long order, Set<StanzaKind> stanzas) {

    /** The largest value of an unsignedInt, the XML Schema type of {@code order}. */
    public static final long MAX_ORDER = 4294967295L;

    /** The {@code type} attribute (§10.1). */
    public enum Type {
        /** Matches a JID in the order of §10.1: full, bare, domain/resource, domain. */
        JID("jid"),
        /** Matches the members of a roster group. */
        GROUP("group"),
        /** Matches contacts by subscription state; {@code none} includes entities not in the roster. */
        SUBSCRIPTION("subscription"),
        /** No {@code type}: matches everyone, the "fall-through" case. */
        FALL_THROUGH(null);

        private final String attribute;

        Type(String attribute) {
            this.attribute = attribute;
        }

        /** The attribute value, {@code null} for fall-through. */
        public String attribute() {
            return attribute;
        }

        /** The type for an attribute value ({@code null} is fall-through). */
        public static Type of(String attribute) {
            if (attribute == null) {
                return FALL_THROUGH;
            }
            for (Type t : values()) {
                if (attribute.equals(t.attribute)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("RFC 3921 §10.1: type must be jid, group or subscription, not '"
                    + attribute + "'");
        }
    }

    /** The {@code action} attribute (§10.1). */
    public enum Action {
        ALLOW, DENY;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Action of(String value) {
            for (Action a : values()) {
                if (a.value().equals(value)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("RFC 3921 §10.1: action must be allow or deny, not "
                    + (value == null ? "missing" : "'" + value + "'"));
        }
    }

    /** The subscription states a {@code subscription} item can name (§10.1, §7.1). */
    public enum Subscription {
        NONE, TO, FROM, BOTH;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Subscription of(String value) {
            for (Subscription s : values()) {
                if (s.value().equals(value)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("RFC 3921 §10.1: a subscription item's value must be both, to, from"
                    + " or none, not " + (value == null ? "missing" : "'" + value + "'"));
        }
    }

    /** The child elements that narrow an item to kinds of stanza (§10.1), in the order §10.1 lists them. */
    public enum StanzaKind {
        /** Incoming messages. */
        MESSAGE("message"),
        /** Incoming presence notifications (no type, or unavailable). */
        PRESENCE_IN("presence-in"),
        /** Outgoing presence notifications. */
        PRESENCE_OUT("presence-out"),
        /** Incoming IQ stanzas. */
        IQ("iq");

        private final String element;

        StanzaKind(String element) {
            this.element = element;
        }

        /** The element name, e.g. {@code presence-in}. */
        public String element() {
            return element;
        }

        public static StanzaKind of(String element) {
            for (StanzaKind k : values()) {
                if (k.element.equals(element)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("RFC 3921 §10.1: an item's child must be message, iq, presence-in or"
                    + " presence-out, not <" + element + "/>");
        }
    }

    public PrivacyItem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(stanzas, "stanzas");
        if (order < 0 || order > MAX_ORDER) {
            throw new IllegalArgumentException("RFC 3921 §10.1: order must be a non-negative integer (unsignedInt), not "
                    + order);
        }
        if (type != Type.FALL_THROUGH && value == null) {
            throw new IllegalArgumentException("RFC 3921 §10.1: an item of type " + type.attribute() + " needs a value");
        }
        if (type == Type.SUBSCRIPTION) {
            Subscription.of(value);
        }
        stanzas = stanzas.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(StanzaKind.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(stanzas));
    }

    // ---------------------------------------------------------------- factories

    /** An item matching a JID (§10.1: a full JID, bare JID, domain/resource or domain). */
    public static PrivacyItem jid(String jid, Action action, long order, StanzaKind... stanzas) {
        return new PrivacyItem(Type.JID, jid, action, order, kinds(stanzas));
    }

    /** An item matching the members of a roster group. */
    public static PrivacyItem group(String group, Action action, long order, StanzaKind... stanzas) {
        return new PrivacyItem(Type.GROUP, group, action, order, kinds(stanzas));
    }

    /** An item matching contacts by subscription state. */
    public static PrivacyItem subscription(Subscription state, Action action, long order, StanzaKind... stanzas) {
        return new PrivacyItem(Type.SUBSCRIPTION, state.value(), action, order, kinds(stanzas));
    }

    /** The fall-through item: no type, matches everyone (§10.1). */
    public static PrivacyItem fallThrough(Action action, long order, StanzaKind... stanzas) {
        return new PrivacyItem(Type.FALL_THROUGH, null, action, order, kinds(stanzas));
    }

    private static Set<StanzaKind> kinds(StanzaKind... stanzas) {
        EnumSet<StanzaKind> s = EnumSet.noneOf(StanzaKind.class);
        Collections.addAll(s, stanzas);
        return s;
    }

    // ---------------------------------------------------------------- reading

    /** Whether the item applies to this kind of stanza: it names it, or names none (all, §10.13). */
    public boolean appliesTo(StanzaKind kind) {
        return stanzas.isEmpty() || stanzas.contains(kind);
    }

    /** The subscription state of a subscription item. */
    public Subscription subscription() {
        if (type != Type.SUBSCRIPTION) {
            throw new IllegalStateException("not a subscription item: " + type);
        }
        return Subscription.of(value);
    }

    // ---------------------------------------------------------------- XML

    /** {@code <item type=… value=… action=… order=…>[<message/>]…</item>} in jabber:iq:privacy. */
    public Element toElement() {
        Element.Builder b = Element.builder("item", PrivacyIq.NAMESPACE);
        if (type.attribute() != null) {
            b.attribute("type", type.attribute());
        }
        if (value != null) {
            b.attribute("value", value);
        }
        b.attribute("action", action.value()).attribute("order", Long.toString(order));
        for (StanzaKind k : stanzas) {
            b.child(Element.of(k.element(), PrivacyIq.NAMESPACE));
        }
        return b.build();
    }

    /**
     * Reads an {@code <item/>}.
     *
     * @throws IllegalArgumentException when it breaks a rule of §10.1, with the rule cited
     */
    public static PrivacyItem parse(Element item) {
        if (!item.is("item", PrivacyIq.NAMESPACE)) {
            throw new IllegalArgumentException("not a privacy list item: " + item.qualifiedName());
        }
        String order = item.attribute("order");
        long o;
        try {
            o = Long.parseLong(Objects.requireNonNull(order));
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("RFC 3921 §10.1: order must be a non-negative integer, not "
                    + (order == null ? "missing" : "'" + order + "'"));
        }
        EnumSet<StanzaKind> kinds = EnumSet.noneOf(StanzaKind.class);
        for (Element c : item.elements()) {
            if (!c.namespace().equals(PrivacyIq.NAMESPACE)) {
                throw new IllegalArgumentException("RFC 3921 §10.1: unexpected child " + c.qualifiedName() + " in "
                        + c.namespace());
            }
            kinds.add(StanzaKind.of(c.name()));
        }
        return new PrivacyItem(Type.of(item.attribute("type")), item.attribute("value"),
                Action.of(item.attribute("action")), o, kinds);
    }
}
