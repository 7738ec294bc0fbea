package org.xmppcert.xmpp.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xmppcert.xmpp.iq.Iq;
import org.xmppcert.xmpp.iq.IqType;
import org.xmppcert.xmpp.xml.Element;

/**
 * The {@code jabber:iq:privacy} IQ stanzas of RFC 3921 §10.3–§10.8, built and read one by one,
 * for scenarios that send each request themselves and judge the raw answer. Requests carry no
 * {@code to}: they are handled by the user's server for the account (RFC 6120 §10.3.3) and get
 * an id when sent ({@link org.xmppcert.xmpp.session.XmppSession#request}).
 */
public final class PrivacyIq {

    /** The privacy lists namespace (RFC 3921 §10). */
    public static final String NAMESPACE = "jabber:iq:privacy";

    private PrivacyIq() {
    }

    /** {@code <query xmlns='jabber:iq:privacy'>children</query>}, e.g. for deliberately odd requests. */
    public static Element query(Element... children) {
        Element.Builder b = Element.builder("query", NAMESPACE);
        for (Element c : children) {
            b.child(c);
        }
        return b.build();
    }

    // ---------------------------------------------------------------- requests

    /** Asks for the names of the lists, with the active and default ones (§10.3, id getlist1). */
    public static Element getNames() {
        return Iq.get(null, query());
    }

    /**
     * Asks for lists by name (§10.3, id getlist2). One name is the normal request; several make
     * the request the server must refuse with {@code bad-request} (id getlist6).
     */
    public static Element getList(String... names) {
        List<Element> lists = new ArrayList<>();
        for (String n : names) {
            lists.add(listRef(n));
        }
        return Iq.get(null, query(lists.toArray(Element[]::new)));
    }

    /** Creates or replaces a list (§10.6, §10.7). */
    public static Element setList(PrivacyList list) {
        return Iq.set(null, query(list.toElement()));
    }

    /** Removes a list: an empty {@code <list name/>} (§10.8). */
    public static Element removeList(String name) {
        return Iq.set(null, query(listRef(name)));
    }

    /** Makes a list active for this session (§10.4), or declines any active list when {@code name} is {@code null}. */
    public static Element setActive(String name) {
        return Iq.set(null, query(named("active", name)));
    }

    /** Makes a list the default (§10.5), or declines the default list when {@code name} is {@code null}. */
    public static Element setDefault(String name) {
        return Iq.set(null, query(named("default", name)));
    }

    private static Element listRef(String name) {
        return Element.builder("list", NAMESPACE).attribute("name", name).build();
    }

    private static Element named(String element, String name) {
        Element.Builder b = Element.builder(element, NAMESPACE);
        if (name != null) {
            b.attribute("name", name);
        }
        return b.build();
    }

    // ---------------------------------------------------------------- responses and pushes

    /**
     * Reads the names of the lists from a result (§10.3, result to getlist1).
     *
     * @throws IllegalArgumentException when the result has no query, or a list without name
     */
    public static PrivacyListNames parseNames(Element result) {
        Element q = requireQuery(result);
        Element active = q.child("active", NAMESPACE);
        Element def = q.child("default", NAMESPACE);
        List<String> names = new ArrayList<>();
        for (Element l : q.elements("list", NAMESPACE)) {
            String n = l.attribute("name");
            if (n == null) {
                throw new IllegalArgumentException("RFC 3921 §10.3: a <list/> without a name in " + result.toXml());
            }
            names.add(n);
        }
        return new PrivacyListNames(active == null ? null : active.attribute("name"),
                def == null ? null : def.attribute("name"), names);
    }

    /**
     * Reads the one list of a result (§10.3, result to getlist2).
     *
     * @throws IllegalArgumentException when there is not exactly one list, or it breaks §10.1
     */
    public static PrivacyList parseList(Element result) {
        List<Element> lists = requireQuery(result).elements("list", NAMESPACE);
        if (lists.size() != 1) {
            throw new IllegalArgumentException("RFC 3921 §10.3: a result carries exactly one <list/>, not "
                    + lists.size());
        }
        return PrivacyList.parse(lists.get(0));
    }

    /**
     * Whether the element is a privacy list push (§10.2 rule 10, §10.6): an IQ set whose query
     * holds {@code <list/>} children. Who sent it is not judged here ({@link PrivacyLists} does).
     */
    public static boolean isPush(Element e) {
        if (!Iq.isIq(e) || Iq.type(e).orElse(null) != IqType.SET) {
            return false;
        }
        Element q = e.child("query", NAMESPACE);
        return q != null && !q.elements("list", NAMESPACE).isEmpty();
    }

    /**
     * The list a push names, when it is well made: exactly one {@code <list/>} with a name and
     * no items (§10.2 rule 10: "only the list name itself … is pushed"); empty otherwise.
     */
    public static Optional<String> pushedList(Element push) {
        Element q = push.child("query", NAMESPACE);
        if (q == null || q.elements().size() != 1) {
            return Optional.empty();
        }
        Element l = q.child("list", NAMESPACE);
        if (l == null || l.attribute("name") == null || !l.elements().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(l.attribute("name"));
    }

    private static Element requireQuery(Element result) {
        Element q = result.child("query", NAMESPACE);
        if (q == null) {
            throw new IllegalArgumentException("no <query xmlns='" + NAMESPACE + "'/> in " + result.toXml());
        }
        return q;
    }
}
