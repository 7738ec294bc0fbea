package org.xmppcert.xmpp.message;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.stanza.StanzaError;
import org.xmppcert.xmpp.stream.XmppNamespaces;
import org.xmppcert.xmpp.xml.Attribute;
import org.xmppcert.xmpp.xml.Element;

/**
 * A {@code <message/>} stanza as a value (RFC 6121 §5.2, RFC 3921 §2.1): addresses, type,
 * the language alternatives of body and subject, the thread, extension payloads and, for type
 * error, the error. Immutable.
 *
 * <p>Two ways in: {@link #parse(Element, String)} reads a received stanza without judging it
 * (what breaks the rules is listed by {@link #problems()}, so a harness can report it), and
 * {@link #builder()} makes one to send. A built message is parsed back from the element it
 * produced, so both ways give the same view; the element is {@link #toElement()}.
 *
 * <p>Languages: a message has a default language, its own {@code xml:lang} or else the one of
 * the stream it travelled on (RFC 6120 §8.1.5: a receiver "MUST assume that the default
 * language is that specified for the entity's input stream"). A body or subject without its own
 * {@code xml:lang} is in that default language. {@link #body()} gives the body in the default
 * language, {@link #body(String)} picks by language with the lookup of RFC 4647 §3.4 (the
 * scheme RFC 6120 §4.7.4 names).
 */
public final class Message {

    private final Element element;
    private final String defaultLang;
    private final List<LocalizedText> bodies;
    private final List<LocalizedText> subjects;
    private final List<Element> threads;
    private final List<Element> extensions;

    private Message(Element element, String streamLang) {
        if (!isMessage(element)) {
            throw new IllegalArgumentException("not a jabber:client message: " + element.qualifiedName()
                    + " in " + element.namespace());
        }
        this.element = element;
        this.defaultLang = element.lang() != null ? element.lang() : streamLang;
        this.bodies = texts("body");
        this.subjects = texts("subject");
        this.threads = element.elements("thread", XmppNamespaces.CLIENT);
        List<Element> ext = new ArrayList<>();
        for (Element c : element.elements()) {
            if (!c.namespace().equals(XmppNamespaces.CLIENT)) {
                ext.add(c);
            }
        }
        this.extensions = List.copyOf(ext);
    }

    private List<LocalizedText> texts(String name) {
        List<LocalizedText> out = new ArrayList<>();
        for (Element e : element.elements(name, XmppNamespaces.CLIENT)) {
            String own = e.lang();
            out.add(new LocalizedText(own, own != null ? own : defaultLang, e.text()));
        }
        return List.copyOf(out);
    }

    /** Whether the element is a {@code <message/>} of the client namespace. */
    public static boolean isMessage(Element e) {
        return e.is("message", XmppNamespaces.CLIENT);
    }

    /** Reads a message whose stream language is unknown: only its own {@code xml:lang} counts. */
    public static Message parse(Element stanza) {
        return new Message(stanza, null);
    }

    /**
     * Reads a received message.
     *
     * @param streamLang the {@code xml:lang} of the stream it arrived on (the peer's stream
     *        header, RFC 6120 §4.7.4), or {@code null}
     * @throws IllegalArgumentException when the element is not a jabber:client message
     */
    public static Message parse(Element stanza, String streamLang) {
        return new Message(stanza, streamLang);
    }

    /** Starts a message to send. */
    public static Builder builder() {
        return new Builder();
    }

    /** The stanza: as received when parsed, as it will be sent when built. */
    public Element toElement() {
        return element;
    }

    /** The {@code to} attribute as it is, or {@code null}. */
    public String to() {
        return element.attribute("to");
    }

    /** The {@code from} attribute as it is, or {@code null}. */
    public String from() {
        return element.attribute("from");
    }

    /** {@code to} as a JID; empty when missing or not a valid JID. */
    public Optional<Jid> toJid() {
        return to() == null ? Optional.empty() : Jid.tryParse(to());
    }

    /** {@code from} as a JID; empty when missing or not a valid JID. */
    public Optional<Jid> fromJid() {
        return from() == null ? Optional.empty() : Jid.tryParse(from());
    }

    /** The {@code id} attribute, or {@code null}. */
    public String id() {
        return element.attribute("id");
    }

    /** The type a receiver must assume: the attribute's, or {@link MessageType#NORMAL} (RFC 6121 §5.2.2). */
    public MessageType type() {
        return MessageType.of(typeAttribute());
    }

    /** The {@code type} attribute as it is, {@code null} when absent. */
    public String typeAttribute() {
        return element.attribute("type");
    }

    /** The message's own {@code xml:lang}, or {@code null}. */
    public String lang() {
        return element.lang();
    }

    /** The default language of its human-readable text: its own {@code xml:lang}, else the stream's; or {@code null}. */
    public String defaultLang() {
        return defaultLang;
    }

    /** Every {@code <body/>}, in document order. */
    public List<LocalizedText> bodies() {
        return bodies;
    }

    /** Every {@code <subject/>}, in document order. */
    public List<LocalizedText> subjects() {
        return subjects;
    }

    /**
     * The body in the default language: the one whose language is the default one, else the one
     * with no known language, else the first; empty when there is no body.
     */
    public Optional<String> body() {
        return inDefaultLanguage(bodies);
    }

    /** The body for a language, chosen by the lookup of RFC 4647 §3.4 (e.g. {@code de-CH} finds {@code de}). */
    public Optional<String> body(String lang) {
        return lookup(bodies, lang);
    }

    /** The subject in the default language (see {@link #body()}). */
    public Optional<String> subject() {
        return inDefaultLanguage(subjects);
    }

    /** The subject for a language (see {@link #body(String)}). */
    public Optional<String> subject(String lang) {
        return lookup(subjects, lang);
    }

    /** The thread, when there is one (the first, should a peer send several). */
    public Optional<MessageThread> thread() {
        if (threads.isEmpty()) {
            return Optional.empty();
        }
        Element t = threads.get(0);
        return Optional.of(new MessageThread(t.text(), t.attribute("parent")));
    }

    /** The children in other namespaces than jabber:client (RFC 6121 §5.3), in document order. */
    public List<Element> extensions() {
        return extensions;
    }

    /** The first extension with this name and namespace, or {@code null}. */
    public Element extension(String name, String namespace) {
        return element.child(name, namespace);
    }

    /** The error of a message of type error (RFC 6120 §8.3); empty for other types. */
    public Optional<StanzaError> error() {
        return type() == MessageType.ERROR ? Optional.of(StanzaError.of(element)) : Optional.empty();
    }

    /**
     * What in this message breaks the syntax rules of RFC 6121 §5.2 and RFC 3921 §2.1, one
     * sentence each citing the section; empty for a well-formed message.
     */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        String type = typeAttribute();
        if (type != null && MessageType.parse(type).isEmpty()) {
            out.add("RFC 6121 §5.2.2: type '" + type + "' is not chat, error, groupchat, headline or normal");
        }
        if (type() == MessageType.ERROR && !element.hasChild("error", XmppNamespaces.CLIENT)) {
            out.add("RFC 6120 §8.3.1 / RFC 3921 §2.1.2: a message of type error has no <error/> child");
        }
        distinctLanguages("body", "§5.2.3", bodies, out);
        distinctLanguages("subject", "§5.2.4", subjects, out);
        for (String name : List.of("body", "subject", "thread")) {
            for (Element e : element.elements(name, XmppNamespaces.CLIENT)) {
                if (!e.elements().isEmpty()) {
                    out.add("RFC 6121 §5.2: <" + name + "/> must not contain mixed content (child elements)");
                }
            }
        }
        if (threads.size() > 1) {
            out.add("RFC 6121 §5.2.5: a message must not contain more than one <thread/> (" + threads.size() + ")");
        }
        thread().ifPresent(t -> {
            if (t.id().equals(t.parent())) {
                out.add("RFC 6121 §5.2.5: the thread's parent must differ from the thread itself ('" + t.id() + "')");
            }
        });
        return out;
    }

    private static void distinctLanguages(String name, String section, List<LocalizedText> texts,
            List<String> out) {
        Set<String> seen = new HashSet<>();
        for (LocalizedText t : texts) {
            String key = t.lang() == null ? "" : t.lang().toLowerCase(Locale.ROOT);
            if (!seen.add(key)) {
                out.add("RFC 6121 " + section + ": two <" + name + "/> elements in the same language ("
                        + (t.lang() == null ? "none given" : "'" + t.lang() + "'") + ")");
            }
        }
    }

    private Optional<String> inDefaultLanguage(List<LocalizedText> texts) {
        if (texts.isEmpty()) {
            return Optional.empty();
        }
        if (defaultLang != null) {
            for (LocalizedText t : texts) {
                if (defaultLang.equalsIgnoreCase(t.lang())) {
                    return Optional.of(t.text());
                }
            }
        }
        for (LocalizedText t : texts) {
            if (t.lang() == null) {
                return Optional.of(t.text());
            }
        }
        return Optional.of(texts.get(0).text());
    }

    /**
     * RFC 4647 §3.4 lookup with a single range and no default: the range itself, then shorter
     * and shorter prefixes (a single-letter subtag is dropped with the one after it).
     */
    static Optional<String> lookup(List<LocalizedText> texts, String range) {
        Objects.requireNonNull(range, "lang");
        String r = range;
        while (!r.isEmpty()) {
            for (LocalizedText t : texts) {
                if (r.equalsIgnoreCase(t.lang())) {
                    return Optional.of(t.text());
                }
            }
            int dash = r.lastIndexOf('-');
            if (dash < 0) {
                break;
            }
            r = r.substring(0, dash);
            int prev = r.lastIndexOf('-');
            if (prev >= 0 && r.length() - prev == 2) {
                r = r.substring(0, prev);
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Message m && element.equals(m.element) && Objects.equals(defaultLang, m.defaultLang);
    }

    @Override
    public int hashCode() {
        return Objects.hash(element, defaultLang);
    }

    @Override
    public String toString() {
        return element.toXml();
    }

    /**
     * Builds a message to send. Nothing is checked, so a harness can make deliberately broken
     * ones (two bodies in the same language, an undefined type); {@link Message#problems()} tells.
     * Children are written in the order added.
     */
    public static final class Builder {
        private final Element.Builder b = Element.builder("message", XmppNamespaces.CLIENT);

        private Builder() {
        }

        public Builder to(String to) {
            b.attribute("to", to);
            return this;
        }

        public Builder to(Jid to) {
            return to(to == null ? null : to.toString());
        }

        /** Sets {@code from}: clients normally leave it to the server (RFC 6120 §8.1.2.1). */
        public Builder from(String from) {
            b.attribute("from", from);
            return this;
        }

        public Builder id(String id) {
            b.attribute("id", id);
            return this;
        }

        public Builder type(MessageType type) {
            return typeAttribute(type == null ? null : type.value());
        }

        /** Sets the {@code type} attribute to any value, or removes it with {@code null}. */
        public Builder typeAttribute(String type) {
            b.attribute("type", type);
            return this;
        }

        /** The message's {@code xml:lang} (RFC 6120 §8.1.5). */
        public Builder lang(String lang) {
            b.lang(lang);
            return this;
        }

        /** A body in the message's default language (no {@code xml:lang} of its own). */
        public Builder body(String text) {
            return body(null, text);
        }

        /** A body alternative in a language (RFC 6121 §5.2.3); {@code lang} {@code null} for none of its own. */
        public Builder body(String lang, String text) {
            b.child(localized("body", lang, text));
            return this;
        }

        /** A subject in the message's default language. */
        public Builder subject(String text) {
            return subject(null, text);
        }

        /** A subject alternative in a language (RFC 6121 §5.2.4). */
        public Builder subject(String lang, String text) {
            b.child(localized("subject", lang, text));
            return this;
        }

        /** A thread without parent (RFC 6121 §5.2.5). */
        public Builder thread(String id) {
            return thread(id, null);
        }

        /** A thread with a {@code parent} attribute when not {@code null} (RFC 6121 §5.2.5). */
        public Builder thread(String id, String parent) {
            Element.Builder t = Element.builder("thread", XmppNamespaces.CLIENT).text(id);
            if (parent != null) {
                t.attribute("parent", parent);
            }
            b.child(t.build());
            return this;
        }

        /** An {@code <error/>} child, e.g. from {@link StanzaError#build}; for messages of type error. */
        public Builder error(Element error) {
            b.child(error);
            return this;
        }

        /** Any other child, e.g. an extension payload in its own namespace (RFC 6121 §5.3). */
        public Builder extension(Element child) {
            b.child(child);
            return this;
        }

        public Message build() {
            return new Message(b.build(), null);
        }

        private static Element localized(String name, String lang, String text) {
            Element.Builder e = Element.builder(name, XmppNamespaces.CLIENT).text(text);
            if (lang != null) {
                e.attribute(Attribute.lang(lang));
            }
            return e.build();
        }
    }
}
