package org.xmppcert.xmpp.presence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.stream.XmppNamespaces;
import org.xmppcert.xmpp.xml.Element;

/**
 * A presence stanza read into its parts (RFC 3921 §2.2, RFC 6121 §4.7), and built with
 * {@link #builder(PresenceType)}.
 *
 * <p>Reading is lenient except for the type: a {@code <show/>} or {@code <priority/>} that breaks
 * the rules is described in {@link #problems()} and read as absent, so that what a server sends
 * can be reported rather than refused.
 *
 * @param type the type ({@link PresenceType#AVAILABLE} when the attribute is absent)
 * @param from the {@code from} attribute, {@code null} when absent
 * @param to the {@code to} attribute, {@code null} when absent
 * @param id the {@code id} attribute, {@code null} when absent
 * @param show the availability sub-state, {@code null} when absent or not one of the four
 * @param statuses the {@code <status/>} texts by language (RFC 6121 §4.7.2.2), in document
 *        order: the status's own {@code xml:lang}, else the stanza's, else the empty string
 *        (the stream's default language)
 * @param priority the priority, −128..127; 0 when absent (RFC 6121 §4.7.2.3) or invalid
 * @param extensions the children in other namespaces than jabber:client (RFC 6121 §4.7.3), e.g.
 *        XEP-0115 {@code <c/>}
 * @param problems rule violations found while reading; empty for a well-formed presence
 * @param element the stanza as received
 */
public record Presence(PresenceType type, String from, String to, String id, Show show, Map<String, String> statuses,
        int priority, List<Element> extensions, List<String> problems, Element element) {

    /** The lowest priority (RFC 6121 §4.7.2.3). */
    public static final int MIN_PRIORITY = -128;
    /** The highest priority (RFC 6121 §4.7.2.3). */
    public static final int MAX_PRIORITY = 127;

    public Presence {
        Objects.requireNonNull(type, "type");
        statuses = Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
        extensions = List.copyOf(extensions);
        problems = List.copyOf(problems);
        Objects.requireNonNull(element, "element");
    }

    /** Whether an element is a {@code <presence/>} of the client namespace. */
    public static boolean isPresence(Element e) {
        return e.is("presence", XmppNamespaces.CLIENT);
    }

    /**
     * Reads a presence stanza.
     *
     * @throws IllegalArgumentException when it is not a presence stanza, or when its type is not
     *     one the RFCs define (RFC 6121 §4.7.1)
     */
    public static Presence parse(Element presence) {
        if (!isPresence(presence)) {
            throw new IllegalArgumentException("not a presence stanza: " + presence.qualifiedName());
        }
        String rawType = presence.attribute("type");
        PresenceType type = PresenceType.of(rawType).orElseThrow(() -> new IllegalArgumentException(
                "presence type '" + rawType + "' is not defined (RFC 6121 §4.7.1)"));
        List<String> problems = new ArrayList<>();

        Show show = null;
        List<Element> shows = presence.elements("show", XmppNamespaces.CLIENT);
        if (shows.size() > 1) {
            problems.add("more than one <show/> (RFC 6121 §4.7.2.1)");
        }
        if (!shows.isEmpty()) {
            String text = shows.get(0).text();
            show = Show.of(text).orElse(null);
            if (show == null) {
                problems.add("<show/> '" + text + "' is not away, chat, dnd or xa (RFC 6121 §4.7.2.1)");
            }
        }

        Map<String, String> statuses = new LinkedHashMap<>();
        String stanzaLang = presence.lang() == null ? "" : presence.lang();
        for (Element s : presence.elements("status", XmppNamespaces.CLIENT)) {
            String lang = s.lang() != null ? s.lang() : stanzaLang;
            if (statuses.putIfAbsent(lang, s.text()) != null) {
                problems.add("two <status/> in the language '" + lang + "'; each needs a distinct xml:lang"
                        + " (RFC 6121 §4.7.2.2)");
            }
        }

        int priority = 0;
        List<Element> priorities = presence.elements("priority", XmppNamespaces.CLIENT);
        if (priorities.size() > 1) {
            problems.add("more than one <priority/> (RFC 6121 §4.7.2.3)");
        }
        if (!priorities.isEmpty()) {
            String text = priorities.get(0).text().trim();
            try {
                int p = Integer.parseInt(text);
                if (p < MIN_PRIORITY || p > MAX_PRIORITY) {
                    problems.add("<priority/> " + p + " is outside -128..127 (RFC 6121 §4.7.2.3)");
                } else {
                    priority = p;
                }
            } catch (NumberFormatException e) {
                problems.add("<priority/> '" + text + "' is not an integer (RFC 6121 §4.7.2.3)");
            }
        }
        if (type == PresenceType.UNAVAILABLE && !(shows.isEmpty() && priorities.isEmpty())) {
            problems.add("unavailable presence with <show/> or <priority/>, which apply only to available"
                    + " resources (RFC 6121 §4.5.1)");
        }

        List<Element> extensions = new ArrayList<>();
        for (Element c : presence.elements()) {
            if (!c.namespace().equals(XmppNamespaces.CLIENT)) {
                extensions.add(c);
            }
        }
        return new Presence(type, presence.attribute("from"), presence.attribute("to"), presence.attribute("id"),
                show, statuses, priority, extensions, problems, presence);
    }

    /** The sender as a JID, empty when absent or invalid. */
    public Optional<Jid> fromJid() {
        return Jid.tryParse(from);
    }

    /** Whether this is available presence (no type). */
    public boolean isAvailable() {
        return type == PresenceType.AVAILABLE;
    }

    /** The status with no language of its own (the default), else the first; empty when none. */
    public Optional<String> status() {
        if (statuses.containsKey("")) {
            return Optional.of(statuses.get(""));
        }
        return statuses.values().stream().findFirst();
    }

    /** The status in a language, empty when there is none in it. */
    public Optional<String> status(String lang) {
        return Optional.ofNullable(statuses.get(lang));
    }

    /** The first extension with this name and namespace, e.g. {@code c} in XEP-0115's. */
    public Optional<Element> extension(String name, String namespace) {
        return extensions.stream().filter(e -> e.is(name, namespace)).findFirst();
    }

    /** Starts a presence stanza of this type. */
    public static Builder builder(PresenceType type) {
        return new Builder(type);
    }

    /** Starts an available presence (no type). */
    public static Builder available() {
        return new Builder(PresenceType.AVAILABLE);
    }

    /** Starts an unavailable presence. */
    public static Builder unavailable() {
        return new Builder(PresenceType.UNAVAILABLE);
    }

    /**
     * Builds a presence stanza that follows the rules of RFC 6121 §4.7: {@code <show/>} and
     * {@code <priority/>} only in available presence (§4.5.1), the priority within −128..127
     * (§4.7.2.3), one status per language (§4.7.2.2). A scenario that must send a presence
     * breaking them builds the {@link Element} itself, e.g. from {@link #build()}'s
     * {@code toBuilder()}.
     */
    public static final class Builder {
        private final PresenceType type;
        private String to;
        private String id;
        private String lang;
        private Show show;
        private Integer priority;
        private final Map<String, String> statuses = new LinkedHashMap<>();
        private final List<Element> extensions = new ArrayList<>();

        private Builder(PresenceType type) {
            this.type = Objects.requireNonNull(type, "type");
        }

        public PresenceType type() {
            return type;
        }

        /** Directs it (RFC 6121 §4.6); without {@code to} an available or unavailable presence is broadcast. */
        public Builder to(Jid jid) {
            this.to = jid == null ? null : jid.toString();
            return this;
        }

        /** Directs it to an address as written. */
        public Builder to(String jid) {
            this.to = jid;
            return this;
        }

        /** Whether it has a {@code to}. */
        public boolean isDirected() {
            return to != null;
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** The stanza's {@code xml:lang}: the language of the statuses that have none of their own. */
        public Builder lang(String lang) {
            this.lang = lang;
            return this;
        }

        public Builder show(Show show) {
            this.show = show;
            return this;
        }

        /** The priority, −128..127 (RFC 6121 §4.7.2.3); negative values are allowed. */
        public Builder priority(int priority) {
            if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
                throw new IllegalArgumentException("priority " + priority
                        + " is outside -128..127 (RFC 6121 §4.7.2.3)");
            }
            this.priority = priority;
            return this;
        }

        /** A status in the stanza's language. */
        public Builder status(String text) {
            return status(null, text);
        }

        /**
         * A status in a language ({@code null} for the stanza's); each status needs a distinct
         * language (RFC 6121 §4.7.2.2).
         */
        public Builder status(String statusLang, String text) {
            Objects.requireNonNull(text, "text");
            String key = statusLang == null ? "" : statusLang;
            if (statuses.containsKey(key)) {
                throw new IllegalArgumentException("a second <status/> in the language '" + key
                        + "' (RFC 6121 §4.7.2.2)");
            }
            statuses.put(key, text);
            return this;
        }

        /** Extended content (RFC 6121 §4.7.3), e.g. XEP-0115 {@code <c/>}: an element in another namespace. */
        public Builder extension(Element extension) {
            if (extension.namespace().equals(XmppNamespaces.CLIENT)) {
                throw new IllegalArgumentException("an extension is qualified by another namespace than jabber:client");
            }
            extensions.add(extension);
            return this;
        }

        public Builder extensions(Collection<Element> more) {
            more.forEach(this::extension);
            return this;
        }

        public Element build() {
            if (type != PresenceType.AVAILABLE && (show != null || priority != null)) {
                throw new IllegalStateException("<show/> and <priority/> belong in available presence only"
                        + " (RFC 6121 §4.5.1, §4.7.2)");
            }
            Element.Builder b = Element.builder("presence", XmppNamespaces.CLIENT);
            if (type.value() != null) {
                b.attribute("type", type.value());
            }
            if (to != null) {
                b.attribute("to", to);
            }
            if (id != null) {
                b.attribute("id", id);
            }
            if (lang != null) {
                b.lang(lang);
            }
            if (show != null) {
                b.childWithText("show", XmppNamespaces.CLIENT, show.value());
            }
            for (Map.Entry<String, String> s : statuses.entrySet()) {
                Element.Builder status = Element.builder("status", XmppNamespaces.CLIENT).text(s.getValue());
                if (!s.getKey().isEmpty()) {
                    status.lang(s.getKey());
                }
                b.child(status.build());
            }
            if (priority != null) {
                b.childWithText("priority", XmppNamespaces.CLIENT, Integer.toString(priority));
            }
            extensions.forEach(b::child);
            return b.build();
        }
    }
}
