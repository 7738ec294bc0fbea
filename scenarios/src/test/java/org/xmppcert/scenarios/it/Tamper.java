package org.xmppcert.scenarios.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import org.xmppcert.scenarios.lang.Barrier;
import org.xmppcert.xmpp.testing.XmlSnippets;
import org.xmppcert.xmpp.xml.Element;

/**
 * A negative control's rewrite of what the server sends, for
 * {@link org.xmppcert.xmpp.session.SessionOptions.Builder#inboundTamper}: it turns the real
 * server into a broken one, so that a scenario can be seen to FAIL. Built as a small DSL:
 *
 * <pre>{@code
 * Tamper.on(Tamper.iq("result")).setAttribute("type", "error")
 * Tamper.on(Tamper.stanza("message").and(Tamper.hasChild("body", "jabber:client"))).drop()
 * Tamper.on(Tamper.iq("result")).inject("<message xmlns='jabber:client'><body>extra</body></message>")
 * }</pre>
 *
 * <p>Ping traffic of the interpreter's barriers is never touched (a control must break the
 * server's behaviour, not the harness's round trips), and neither is anything outside
 * {@code jabber:client} stanzas unless the predicate asks for it explicitly with
 * {@link #onAnything(Predicate)}. XML strings are read as if they had arrived on a
 * {@code jabber:client} stream: without {@code xmlns}, a stanza is in {@code jabber:client}.
 */
public final class Tamper implements Function<Element, List<Element>> {

    private final Predicate<Element> when;
    private final Function<Element, List<Element>> action;
    private final int times;
    private final AtomicInteger applied = new AtomicInteger();

    private Tamper(Predicate<Element> when, Function<Element, List<Element>> action, int times) {
        this.when = when;
        this.action = action;
        this.times = times;
    }

    /** Starts a tamper on the jabber:client stanzas (message, presence, iq) that satisfy the predicate. */
    public static On on(Predicate<Element> predicate) {
        return new On(stanza().and(predicate), Integer.MAX_VALUE);
    }

    /** Starts a tamper on any received element (stream features, SASL…) that satisfies the predicate. */
    public static On onAnything(Predicate<Element> predicate) {
        return new On(predicate, Integer.MAX_VALUE);
    }

    // ------------------------------------------------------------------ predicates

    /** Any jabber:client stanza. */
    public static Predicate<Element> stanza() {
        return e -> "jabber:client".equals(e.namespace())
                && (e.name().equals("message") || e.name().equals("presence") || e.name().equals("iq"));
    }

    /** A jabber:client stanza with this name ({@code message}, {@code presence}, {@code iq}). */
    public static Predicate<Element> stanza(String name) {
        return e -> e.is(name, "jabber:client");
    }

    /** An IQ of this type. */
    public static Predicate<Element> iq(String type) {
        return e -> e.is("iq", "jabber:client") && type.equals(e.attribute("type"));
    }

    /** An element with this attribute value. */
    public static Predicate<Element> attribute(String name, String value) {
        return e -> value.equals(e.attribute(name));
    }

    /** An element with a child of this name and namespace. */
    public static Predicate<Element> hasChild(String name, String namespace) {
        return e -> e.hasChild(name, namespace);
    }

    /** An element with a descendant of this name and namespace, at any depth. */
    public static Predicate<Element> hasDescendant(String name, String namespace) {
        return e -> descendant(e, name, namespace);
    }

    private static boolean descendant(Element e, String name, String namespace) {
        for (Element c : e.elements()) {
            if (c.is(name, namespace) || descendant(c, name, namespace)) {
                return true;
            }
        }
        return false;
    }

    /** The stanza read from XML, as if received on a jabber:client stream. */
    public static Element xml(String xml) {
        return XmlSnippets.parse(xml);
    }

    // ------------------------------------------------------------------ applying

    @Override
    public List<Element> apply(Element e) {
        if (Barrier.isPingTraffic(e) || !when.test(e) || applied.get() >= times) {
            return List.of(e);
        }
        if (applied.incrementAndGet() > times) {
            return List.of(e);
        }
        return action.apply(e);
    }

    /** The second half of the DSL: what to do with a matching element. */
    public static final class On {
        private final Predicate<Element> when;
        private final int times;

        private On(Predicate<Element> when, int times) {
            this.when = Objects.requireNonNull(when);
            this.times = times;
        }

        /** Only the first {@code n} matching elements are changed. */
        public On first(int n) {
            return new On(when, n);
        }

        /** Only the first matching element is changed. */
        public On once() {
            return first(1);
        }

        /** Further narrows what is changed. */
        public On and(Predicate<Element> more) {
            return new On(when.and(more), times);
        }

        /** The server "never sends" it. */
        public Tamper drop() {
            return with(e -> List.of());
        }

        /** Sets (or adds) an attribute. */
        public Tamper setAttribute(String name, String value) {
            return with(e -> List.of(e.toBuilder().attribute(name, value).build()));
        }

        /** Removes an attribute. */
        public Tamper removeAttribute(String name) {
            return with(e -> List.of(e.toBuilder().attribute(name, null).build()));
        }

        /** Removes every child element with this name and namespace (direct children only). */
        public Tamper removeChild(String name, String namespace) {
            return with(e -> List.of(e.toBuilder().removeChildren(name, namespace).build()));
        }

        /** Adds a child element (read from XML; without xmlns it is in jabber:client). */
        public Tamper addChild(String xml) {
            Element child = xml(xml);
            return with(e -> List.of(e.toBuilder().child(child).build()));
        }

        /** The server sends this instead. */
        public Tamper replaceWith(String xml) {
            Element other = xml(xml);
            return with(e -> List.of(other));
        }

        /** The server sends this instead, computed from what it did send. */
        public Tamper replaceWith(Function<Element, Element> change) {
            return with(e -> List.of(change.apply(e)));
        }

        /** The server sends this too, right after the matching element. */
        public Tamper inject(String xml) {
            Element extra = xml(xml);
            return with(e -> {
                List<Element> out = new ArrayList<>(2);
                out.add(e);
                out.add(extra);
                return out;
            });
        }

        /** Any other rewrite. */
        public Tamper with(Function<Element, List<Element>> action) {
            return new Tamper(when, action, times);
        }
    }
}
