package org.xmppcert.xmpp.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.xmppcert.xmpp.xml.Element;

/**
 * A named privacy list (RFC 3921 §10.1): its items in document order. Setting a list replaces it
 * whole, never by delta (§10.1, §10.6).
 *
 * <p>Nothing list-wide is enforced, so that a harness can send a list the server must refuse
 * (duplicate orders: {@code bad-request}, §10.1); {@link #problems()} lists what breaks the rules.
 *
 * @param name the list's name
 * @param items the items as given (sent, or received)
 */
public record PrivacyList(String name, List<PrivacyItem> items) {

    public PrivacyList {
        Objects.requireNonNull(name, "name");
        items = List.copyOf(items);
    }

    public static PrivacyList of(String name, PrivacyItem... items) {
        return new PrivacyList(name, List.of(items));
    }

    /** The items in the order the server must process them: ascending {@code order} (§10.2 rule 5). */
    public List<PrivacyItem> inProcessingOrder() {
        List<PrivacyItem> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingLong(PrivacyItem::order));
        return sorted;
    }

    /** What breaks the rules of §10.1 for a list to set, one sentence each; empty when none. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (items.isEmpty()) {
            out.add("RFC 3921 §10.1: a list to add or update SHOULD contain at least one item"
                    + " (an empty one removes the list, §10.8)");
        }
        Set<Long> orders = new HashSet<>();
        for (PrivacyItem i : items) {
            if (!orders.add(i.order())) {
                out.add("RFC 3921 §10.1: order " + i.order() + " is used by more than one item");
            }
        }
        return out;
    }

    /** {@code <list name=…>items</list>} in jabber:iq:privacy. */
    public Element toElement() {
        Element.Builder b = Element.builder("list", PrivacyIq.NAMESPACE).attribute("name", name);
        for (PrivacyItem i : items) {
            b.child(i.toElement());
        }
        return b.build();
    }

    /**
     * Reads a {@code <list/>}.
     *
     * @throws IllegalArgumentException when it has no name or an item breaks §10.1
     */
    public static PrivacyList parse(Element list) {
        if (!list.is("list", PrivacyIq.NAMESPACE)) {
            throw new IllegalArgumentException("not a privacy list: " + list.qualifiedName());
        }
        String name = list.attribute("name");
        if (name == null) {
            throw new IllegalArgumentException("RFC 3921 §10.3: a <list/> without a name");
        }
        List<PrivacyItem> items = new ArrayList<>();
        for (Element i : list.elements("item", PrivacyIq.NAMESPACE)) {
            items.add(PrivacyItem.parse(i));
        }
        return new PrivacyList(name, items);
    }
}
