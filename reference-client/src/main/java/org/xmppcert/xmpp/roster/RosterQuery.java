package org.xmppcert.xmpp.roster;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.xmppcert.xmpp.xml.Element;

/**
 * The {@code <query xmlns='jabber:iq:roster'/>} of a roster result (RFC 3921 §7.3, RFC 6121
 * §2.1.4): the whole roster, with its version when the server versions it (§2.1.1).
 *
 * <p>Reading is lenient, because the harness must be able to report on a roster it does not
 * like: an item that cannot be read (no or an invalid {@code jid}) is left out and described in
 * {@link #problems()}.
 *
 * @param ver the {@code ver} attribute, {@code null} when absent
 * @param items the items that could be read, in document order
 * @param problems why other items were left out; empty when every item was read
 * @param element the {@code <query/>} as received
 */
public record RosterQuery(String ver, List<RosterItem> items, List<String> problems, Element element) {

    public RosterQuery {
        items = List.copyOf(items);
        problems = List.copyOf(problems);
        Objects.requireNonNull(element, "element");
    }

    /** Reads the query of a roster result. */
    public static RosterQuery parse(Element query) {
        if (!query.is("query", Roster.NAMESPACE)) {
            throw new IllegalArgumentException("not a roster query: " + query.qualifiedName());
        }
        List<RosterItem> items = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Element child : query.elements()) {
            if (!child.is("item", Roster.NAMESPACE)) {
                problems.add("an unexpected child <" + child.name() + "/> {" + child.namespace() + "}");
                continue;
            }
            try {
                items.add(RosterItem.fromResult(child));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        return new RosterQuery(query.attribute("ver"), items, problems, query);
    }

    /** The version, empty when the server sent none. */
    public Optional<String> version() {
        return Optional.ofNullable(ver);
    }
}
