package org.xmppcert.xmpp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.xmppcert.xmpp.it.MessagingFixture.available;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.message.LocalizedText;
import org.xmppcert.xmpp.message.Message;
import org.xmppcert.xmpp.message.MessageThread;
import org.xmppcert.xmpp.message.MessageType;
import org.xmppcert.xmpp.message.Messages;
import org.xmppcert.xmpp.ping.Ping;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stanza.StanzaError;
import org.xmppcert.xmpp.stanza.StanzaErrorCondition;

/**
 * Messages between fresh accounts on the CI Prosody and ejabberd (RFC 6121 §5 and the delivery
 * rules of §8.5, RFC 3921 §4 and §11). What "does not arrive" is closed with round trips
 * ({@link Ping#barrier}), never a sleep. Where the RFC allows several outcomes the assertion
 * takes any of them and a second one pins what the server was seen to do.
 */
class MessageIT {

    private static final Duration T = Negotiation.TIMEOUT;

    /** The message every test sends, with every child RFC 6121 §5.2 defines. */
    private static Message.Builder full(Jid to, MessageType type, String tag) {
        Message.Builder b = Message.builder().to(to).type(type)
                .subject("Subject " + tag).subject("cs", "P\u0159edm\u011Bt " + tag)
                .body("Body " + tag).body("cs", "T\u011Blo " + tag)
                .thread("thread-" + tag, "parent-" + tag);
        if (type == MessageType.ERROR) {
            b.error(StanzaError.build("cancel", StanzaErrorCondition.UNDEFINED_CONDITION, null));
        }
        return b;
    }

    /** Takes every queued message (after a round trip on the sender, then on the receiver). */
    private static List<Message> delivered(XmppSession sender, XmppSession receiver) throws Exception {
        Ping.barrier(T, sender, receiver);
        List<Message> out = new ArrayList<>();
        Optional<Message> m;
        while ((m = Messages.of(receiver).poll(x -> true)).isPresent()) {
            out.add(m.get());
        }
        return out;
    }

    private static List<String> bodies(List<Message> ms) {
        return ms.stream().map(m -> m.body().orElse("(none)")).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"prosody", "ejabberd"})
    void everyTypeReachesAFullJidAsSent(String serverName) throws Exception {
        try (MessagingFixture f = new MessagingFixture(CiServer.load(serverName))) {
            TestAccounts.Account alice = f.account();
            TestAccounts.Account bob = f.account();
            // Alice's stream is German: a message without xml:lang is in German (RFC 6120 §4.7.4).
            XmppSession a = f.login(alice, "balcony", "de");
            XmppSession b = f.login(bob, "orchard");
            available(b, 0);

            List<Message> sent = new ArrayList<>();
            for (MessageType type : MessageType.values()) {
                sent.add(Messages.of(a).send(full(b.localJid(), type, type.value())));
            }
            sent.add(Messages.of(a).send(Message.builder().to(b.localJid()).body("untyped")));

            for (Message s : sent) {
                Message r = Messages.of(b).next(Messages.withId(s.id()), T);
                assertThat(r.fromJid()).contains(a.localJid());
                assertThat(r.to()).isEqualTo(b.localJid().toString());
                assertThat(r.type()).isEqualTo(s.type());
                if (s.type() != MessageType.NORMAL) {
                    assertThat(r.typeAttribute()).isEqualTo(s.typeAttribute());
                } else if (serverName.equals("ejabberd") && s.typeAttribute() != null) {
                    // Observed: ejabberd drops type='normal', the default, which reads the same.
                    assertThat(r.typeAttribute()).isNull();
                }
                assertThat(r.bodies()).extracting(LocalizedText::ownLang, LocalizedText::text)
                        .isEqualTo(s.bodies().stream().map(t -> tuple(t.ownLang(), t.text())).toList());
                assertThat(r.subjects()).extracting(LocalizedText::text)
                        .isEqualTo(s.subjects().stream().map(LocalizedText::text).toList());
                assertThat(r.thread()).isEqualTo(s.thread());
                // Both servers add the sender's stream language (a SHOULD of RFC 6120 §4.7.4),
                // so Bob, whose own stream is English, still reads the unlabelled body as German.
                assertThat(r.lang()).isEqualTo("de");
                assertThat(r.body("de")).isEqualTo(s.body());
                assertThat(r.problems()).isEmpty();
            }
            assertThat(sent.get(0).thread()).contains(new MessageThread("thread-chat", "parent-chat"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prosody", "ejabberd"})
    void toTheBareJidEachTypeGoesWhereRfc6121Section8_5_2_1_1Allows(String serverName) throws Exception {
        try (MessagingFixture f = new MessagingFixture(CiServer.load(serverName))) {
            TestAccounts.Account alice = f.account();
            TestAccounts.Account bob = f.account();
            XmppSession a = f.login(alice, "a");
            XmppSession high = f.login(bob, "high");
            XmppSession low = f.login(bob, "low");
            XmppSession negative = f.login(bob, "negative");
            available(high, 5);
            available(low, 1);
            available(negative, -1);
            Ping.barrier(T, high, low, negative);
            high.drain();
            low.drain();
            negative.drain();

            for (MessageType type : MessageType.values()) {
                Messages.of(a).send(full(bob.jid(), type, type.value()));
            }
            Messages.of(a).send(Message.builder().to(bob.jid()).body("untyped"));
            List<Message> toHigh = delivered(a, high);
            List<Message> toLow = delivered(a, low);
            List<Message> toNegative = delivered(a, negative);
            List<Message> bounced = delivered(a, a);

            // Never to a negative priority, whatever the type ("MUST NOT").
            assertThat(toNegative).isEmpty();
            // chat, normal, untyped: to the most available (M) or to every non-negative (A): the
            // highest priority gets it either way.
            assertThat(bodies(toHigh)).contains("Body chat", "Body normal", "untyped", "Body headline");
            // headline: to every non-negative resource (MUST).
            assertThat(bodies(toLow)).contains("Body headline");
            // groupchat: never delivered; an error, SHOULD be service-unavailable.
            assertThat(bodies(toHigh)).doesNotContain("Body groupchat");
            assertThat(bodies(toLow)).doesNotContain("Body groupchat");
            assertThat(bounced).singleElement().satisfies(e -> {
                assertThat(e.type()).isEqualTo(MessageType.ERROR);
                assertThat(e.error().orElseThrow().condition()).isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE);
                assertThat(e.fromJid()).contains(bob.jid());
            });
            // error: silently ignored.
            assertThat(bodies(toHigh)).doesNotContain("Body error");
            assertThat(bodies(toLow)).doesNotContain("Body error");
            // The 'to' stays the bare JID (MUST NOT rewrite).
            assertThat(toHigh).allSatisfy(m -> assertThat(m.to()).isEqualTo(bob.jid().toString()));

            // Observed on both servers: option M, the highest priority only.
            assertThat(bodies(toLow)).containsExactly("Body headline");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prosody", "ejabberd"})
    void tiedHighestPrioritiesBothGetTheMessage(String serverName) throws Exception {
        try (MessagingFixture f = new MessagingFixture(CiServer.load(serverName))) {
            TestAccounts.Account alice = f.account();
            TestAccounts.Account bob = f.account();
            XmppSession a = f.login(alice, "a");
            XmppSession one = f.login(bob, "one");
            XmppSession two = f.login(bob, "two");
            available(one, 3);
            available(two, 3);
            Ping.barrier(T, one, two);
            one.drain();
            two.drain();

            Messages.of(a).send(Message.builder().to(bob.jid()).type(MessageType.CHAT).body("tie chat"));
            Messages.of(a).send(Message.builder().to(bob.jid()).type(MessageType.NORMAL).body("tie normal"));
            List<Message> toOne = delivered(a, one);
            List<Message> toTwo = delivered(a, two);

            // RFC 6121 §8.5.2.1.1 lets the server pick "the resource or resources" that are most
            // available, or all non-negative ones: at least one gets each message.
            for (String body : List.of("tie chat", "tie normal")) {
                assertThat(bodies(toOne).contains(body) || bodies(toTwo).contains(body)).as(body).isTrue();
            }
            // Observed on both servers: every resource of the highest priority gets it.
            assertThat(bodies(toOne)).containsExactly("tie chat", "tie normal");
            assertThat(bodies(toTwo)).containsExactly("tie chat", "tie normal");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prosody", "ejabberd"})
    void withOnlyANegativePriorityTheMessageWaitsOffline(String serverName) throws Exception {
        try (MessagingFixture f = new MessagingFixture(CiServer.load(serverName))) {
            TestAccounts.Account alice = f.account();
            TestAccounts.Account bob = f.account();
            XmppSession a = f.login(alice, "a");
            XmppSession negative = f.login(bob, "negative");
            available(negative, -1);
            negative.drain();

            Message sent = Messages.of(a).send(Message.builder().to(bob.jid()).type(MessageType.CHAT).body("later"));

            // "MUST NOT deliver the stanza to any available resource with a negative priority".
            assertThat(delivered(a, negative)).isEmpty();
            // "SHOULD (a) store the message offline … or (b) return a stanza error": observed (a),
            // no error came back, and a resource with a non-negative priority gets it.
            assertThat(delivered(a, a)).isEmpty();
            XmppSession later = f.login(bob, "later");
            available(later, 0);
            Message stored = Messages.of(later).next(Messages.withId(sent.id()), T);
            assertThat(stored.body()).contains("later");
            assertThat(stored.extension("delay", "urn:xmpp:delay")).isNotNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prosody", "ejabberd"})
    void toAnUnavailableContactChatAndNormalAreStoredAndHeadlineIsDropped(String serverName) throws Exception {
        try (MessagingFixture f = new MessagingFixture(CiServer.load(serverName))) {
            TestAccounts.Account alice = f.account();
            TestAccounts.Account bob = f.account();
            XmppSession a = f.login(alice, "a");

            Message chat = Messages.of(a).send(Message.builder().to(bob.jid()).type(MessageType.CHAT).body("chat"));
            Message normal = Messages.of(a).send(Message.builder().to(bob.jid()).type(MessageType.NORMAL).body("normal"));
            Messages.of(a).send(Message.builder().to(bob.jid()).type(MessageType.HEADLINE).body("headline"));
            Messages.of(a).send(Message.builder().to(bob.jid()).type(MessageType.GROUPCHAT).body("groupchat"));

            // RFC 6121 §8.5.2.2.1: chat and normal O or E (observed O: no error), headline S,
            // groupchat E.
            List<Message> bounced = delivered(a, a);
            assertThat(bounced).singleElement().satisfies(e -> {
                assertThat(e.type()).isEqualTo(MessageType.ERROR);
                assertThat(e.error().orElseThrow().condition()).isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE);
            });

            XmppSession b = f.login(bob, "b");
            available(b, 0);
            assertThat(Messages.of(b).next(Messages.withId(chat.id()), T).extension("delay", "urn:xmpp:delay"))
                    .isNotNull();
            assertThat(Messages.of(b).next(Messages.withId(normal.id()), T).body()).contains("normal");
            assertThat(bodies(delivered(a, b))).doesNotContain("headline", "groupchat");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prosody", "ejabberd"})
    void aFullJidWithoutMatchingResource(String serverName) throws Exception {
        try (MessagingFixture f = new MessagingFixture(CiServer.load(serverName))) {
            TestAccounts.Account alice = f.account();
            TestAccounts.Account bob = f.account();
            XmppSession a = f.login(alice, "a");
            XmppSession b = f.login(bob, "b");
            available(b, 0);
            b.drain();
            Jid gone = bob.jid().withResource("gone");

            for (MessageType type : MessageType.values()) {
                Messages.of(a).send(Message.builder().to(gone).type(type).body(type.value()));
            }
            List<Message> toB = delivered(a, b);
            List<Message> bounced = delivered(a, a);

            // RFC 6121 §8.5.3.2.1: chat goes to the one non-negative resource (MUST); groupchat
            // and headline S or E; error S.
            assertThat(bodies(toB)).contains("chat").doesNotContain("groupchat", "headline", "error");
            assertThat(bounced).extracting(m -> m.error().orElseThrow().condition())
                    .containsOnly(StanzaErrorCondition.SERVICE_UNAVAILABLE);
            // Deviation seen on both servers: normal must be ignored or bounced ("S/E" in the
            // table of §8.5.4) but is delivered to the available resource, like chat.
            assertThat(bodies(toB)).containsExactly("chat", "normal");
            assertThat(bounced).extracting(Message::id).hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prosody", "ejabberd"})
    void toAnAccountThatDoesNotExist(String serverName) throws Exception {
        try (MessagingFixture f = new MessagingFixture(CiServer.load(serverName))) {
            XmppSession a = f.login(f.account(), "a");
            Jid nobody = Jid.of("xc-nobody-" + Long.toHexString(System.nanoTime()) + "@" + f.server.domain());

            Message chat = Messages.of(a).send(Message.builder().to(nobody).type(MessageType.CHAT).body("anyone?"));

            // RFC 6121 §8.5.1: silently ignore, or service-unavailable. Observed: the error.
            Message e = Messages.of(a).errorFor(chat.id(), T);
            assertThat(e.error().orElseThrow().condition()).isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE);
        }
    }
}
