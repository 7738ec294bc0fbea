package org.xmppcert.xmpp.message;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.ping.Ping;
import org.xmppcert.xmpp.session.Registration;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stream.StreamHeader;
import org.xmppcert.xmpp.xml.Element;

/**
 * Sending and receiving messages on one session (RFC 6121 §5, RFC 3921 §4): {@link #of(XmppSession)}.
 *
 * <p>Received messages are read with the language of the server's stream header as their
 * default (RFC 6120 §8.1.5). Listeners observe without consuming, so messages stay queued for
 * {@link #next(Predicate, Duration)}, which takes the first queued match, waiting within its
 * bound. {@link #nextOrNone(Predicate, Duration)} is the "nothing (more) arrives" check: after a
 * {@link Ping#barrier(Duration, XmppSession...) round trip} to the server, whatever was delivered is
 * queued, so an empty answer means the server did not deliver it (barrier the sender first).
 *
 * <p>Thread-safe. Listeners run on the I/O thread and must not block.
 */
public final class Messages {

    private final XmppSession session;

    private Messages(XmppSession session) {
        this.session = session;
    }

    /** The session's instance. */
    public static Messages of(XmppSession session) {
        return session.extension(Messages.class, Messages::new);
    }

    /**
     * Sends a message. One without {@code id} gets a fresh one, so that an error bounced for it
     * can be matched (RFC 6120 §8.3.1: the error carries the id of the stanza that caused it).
     *
     * @return the message as sent
     */
    public Message send(Message message) throws XmppException {
        Element e = message.toElement();
        if (e.attribute("id") == null) {
            e = e.toBuilder().attribute("id", session.nextId()).build();
        }
        session.send(e);
        return Message.parse(e, ourLang());
    }

    /** Sends the element built by the builder (see {@link #send(Message)}). */
    public Message send(Message.Builder builder) throws XmppException {
        return send(builder.build());
    }

    /** Observes every received message that matches, as it arrives; it stays queued. */
    public Registration addListener(Predicate<Message> filter, Consumer<Message> listener) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(listener, "listener");
        return session.addListener(e -> Message.isMessage(e) && filter.test(read(e)), e -> listener.accept(read(e)));
    }

    /**
     * Takes the first received message that matches, waiting within the bound.
     *
     * @throws org.xmppcert.xmpp.session.ResponseTimeoutException when none arrives in time
     */
    public Message next(Predicate<Message> filter, Duration timeout) throws XmppException {
        return read(session.waitFor(e -> Message.isMessage(e) && filter.test(read(e)), timeout, "a matching message"));
    }

    /** {@link #next(Predicate, Duration)} within the session's reply timeout. */
    public Message next(Predicate<Message> filter) throws XmppException {
        return next(filter, session.options().replyTimeout());
    }

    /** Takes the first queued message that matches, without waiting. */
    public Optional<Message> poll(Predicate<Message> filter) {
        return session.poll(e -> Message.isMessage(e) && filter.test(read(e))).map(this::read);
    }

    /**
     * Makes a round trip to the server ({@link Ping#barrier(Duration, XmppSession...)}), then
     * takes the first queued message that matches, if any. Empty means that nothing matching was delivered to
     * this session before the server answered the round trip.
     */
    public Optional<Message> nextOrNone(Predicate<Message> filter, Duration timeout) throws XmppException {
        Ping.barrier(timeout, session);
        return poll(filter);
    }

    /** Waits for the error message bounced for the message with this id (RFC 6120 §8.3.1). */
    public Message errorFor(String id, Duration timeout) throws XmppException {
        Objects.requireNonNull(id, "id");
        return next(m -> m.type() == MessageType.ERROR && id.equals(m.id()), timeout);
    }

    /** Reads a received element as a message in the language of the server's stream. */
    public Message read(Element e) {
        StreamHeader h = session.peerHeader();
        return Message.parse(e, h == null ? null : h.lang());
    }

    private String ourLang() {
        StreamHeader h = session.ourHeader();
        return h == null ? null : h.lang();
    }

    // ---------------------------------------------------------------- filters

    /** Messages whose {@code from} is this JID (compared as JIDs). */
    public static Predicate<Message> from(Jid jid) {
        return m -> m.fromJid().map(jid::equals).orElse(false);
    }

    /** Messages whose {@code from} is this JID or one of its resources. */
    public static Predicate<Message> fromBare(Jid jid) {
        Jid bare = jid.bare();
        return m -> m.fromJid().map(f -> f.bare().equals(bare)).orElse(false);
    }

    /** Messages with this id. */
    public static Predicate<Message> withId(String id) {
        return m -> id.equals(m.id());
    }
}
