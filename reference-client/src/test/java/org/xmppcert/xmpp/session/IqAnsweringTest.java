package org.xmppcert.xmpp.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xmppcert.xmpp.iq.Iq;
import org.xmppcert.xmpp.iq.IqRouter;
import org.xmppcert.xmpp.iq.IqType;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.stream.XmppNamespaces;
import org.xmppcert.xmpp.testing.ScriptedServer;
import org.xmppcert.xmpp.xml.Element;

/** RFC 6120 §8.2.3 and §8.4 as the reference client applies them: every request answered, responses checked. */
class IqAnsweringTest {
    private XmppClient client;

    @BeforeEach
    void start() {
        client = new XmppClient();
    }

    @AfterEach
    void stop() {
        client.close();
    }

    @Test
    void anUnknownRequestIsAnsweredWithServiceUnavailableAndStaysVisible() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Wire.opened().expect("<presence/>")
                .send("<iq type='get' id='q1' from='example.test'><query xmlns='urn:example:unknown'/></iq>")
                .expect(Pattern.compile("<iq [^>]*id='q1'[^>]*>.*?</iq>")))) {
            XmppSession session = Wire.openStream(client, server);
            IqRouter.of(session);
            session.send(Element.of("presence", XmppNamespaces.CLIENT)); // the router is in place: go on
            Element seen = session.waitFor(Iq::isRequest, Wire.BOUND, "the request");
            assertThat(seen.attribute("id")).isEqualTo("q1");
            server.assertScriptCompleted(Wire.BOUND);
            String answer = Wire.afterHeader(server);
            assertThat(answer).contains("type='error'").contains("to='example.test'")
                    .contains("<service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>")
                    .contains("<error type='cancel'>");
        }
    }

    @Test
    void aRegisteredHandlerAnswersAndARequestWithTwoPayloadsIsABadRequest() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Wire.opened().expect("<presence/>")
                .send("<iq type='get' id='p1' from='example.test'><ping xmlns='urn:xmpp:ping'/></iq>")
                .expect(Pattern.compile("<iq [^>]*id='p1'[^>]*/>"))
                .send("<iq type='set' id='b1' from='example.test'><a xmlns='urn:x'/><b xmlns='urn:x'/></iq>")
                .expect(Pattern.compile("<iq [^>]*id='b1'[^>]*>.*?</iq>")))) {
            XmppSession session = Wire.openStream(client, server);
            IqRouter.of(session).register(IqType.GET, "ping", "urn:xmpp:ping", request -> Iq.result(request, null));
            session.send(Element.of("presence", XmppNamespaces.CLIENT));
            server.assertScriptCompleted(Wire.BOUND);
            String answers = Wire.afterHeader(server);
            assertThat(answers).contains("<iq type='result' id='p1' to='example.test'/>")
                    .contains("<bad-request xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>");
        }
    }

    @Test
    void resultsAndErrorsAreNeverAnswered() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Wire.opened()
                .send("<iq type='result' id='r1' from='example.test'/><iq type='error' id='r2' from='example.test'>"
                        + "<error type='cancel'><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
                        + "</error></iq><message id='m1'><body>barrier</body></message>"))) {
            XmppSession session = Wire.openStream(client, server);
            IqRouter.of(session);
            session.waitFor(e -> e.is("message", XmppNamespaces.CLIENT), Wire.BOUND, "the message after the IQs");
            server.assertScriptCompleted(Wire.BOUND);
            session.close(Wire.BOUND);
            assertThat(Wire.afterHeader(server)).as("RFC 6120 §8.2.3 rule 4").doesNotContain("<iq");
        }
    }

    @Test
    void aResponseFromAnEntityThatWasNotAskedIsIgnored() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Wire.opened()
                .expect(Pattern.compile("<iq type='get' to='bob@example.test/home' id='([^']+)'>"))
                .reply(m -> "<iq type='result' id='" + m.group(1) + "' from='mallory@example.test/x'/>"
                        + "<iq type='result' id='" + m.group(1) + "' from='bob@example.test/home'/>"))) {
            XmppSession session = Wire.openStream(client, server);
            Element response = session.request(Iq.get("bob@example.test/home", Element.of("ping", "urn:xmpp:ping")),
                    Wire.BOUND);
            assertThat(response.attribute("from")).isEqualTo("bob@example.test/home");
            assertThat(session.poll(e -> "mallory@example.test/x".equals(e.attribute("from"))))
                    .as("the spoofed response is left unclaimed").isPresent();
        }
    }

    @Test
    void aRequestWithoutToAcceptsOnlyTheServerOrTheAccountAsResponder() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Wire.opened()
                .expect(Pattern.compile("<iq type='get' id='([^']+)'>"))
                .reply(m -> "<iq type='result' id='" + m.group(1) + "' from='mallory@example.test'/>")
                .expect(Pattern.compile("<iq type='get' id='([^']+)'>"))
                .reply(m -> "<iq type='result' id='" + m.group(1) + "' from='alice@example.test'/>"))) {
            XmppSession session = Wire.openStream(client, server);
            session.setLocalJid(Jid.of("alice@example.test/r"));
            assertThatThrownBy(() -> session.request(Iq.get(null, Element.of("query", "jabber:iq:roster")),
                    java.time.Duration.ofMillis(500))).isInstanceOf(ResponseTimeoutException.class);
            Element ok = session.request(Iq.get(null, Element.of("query", "jabber:iq:roster")), Wire.BOUND);
            assertThat(ok.attribute("from")).isEqualTo("alice@example.test");
        }
    }
}
