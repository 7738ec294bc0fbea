package org.xmppcert.xmpp.session;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.stream.StreamHeader;
import org.xmppcert.xmpp.testing.ScriptedServer;

/** What the session tests share: the server's side of an opened stream, and the client's. */
final class Wire {

    static final String DOMAIN = "example.test";
    static final Duration BOUND = Duration.ofSeconds(5);

    static final String SERVER_HEADER = "<?xml version='1.0'?><stream:stream xmlns='jabber:client'"
            + " xmlns:stream='http://etherx.jabber.org/streams' id='srv-1' from='example.test'"
            + " version='1.0' xml:lang='en'>";
    static final String FEATURES = "<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
            + "<mechanism>PLAIN</mechanism></mechanisms></stream:features>";
    static final String CLOSING_TAG = "</stream:stream>";

    /** The client's complete initial header, as {@link #openStream} writes it. */
    static final Pattern CLIENT_HEADER = Pattern.compile("<stream:stream [^>]*>");

    private Wire() {
    }

    /** The server's part of opening a stream: read the client's header, send header and features. */
    static ScriptedServer.Script opened() {
        return ScriptedServer.script().expect(CLIENT_HEADER).send(SERVER_HEADER + FEATURES);
    }

    /** Connects, sends the initial header and waits for the server's features. */
    static XmppSession openStream(XmppClient client, ScriptedServer server, SessionOptions options)
            throws XmppException {
        XmppSession session = client.connect(DOMAIN, server.address(), options);
        session.openStream(StreamHeader.initial(DOMAIN, null, "en"));
        session.awaitFeatures(BOUND);
        return session;
    }

    static XmppSession openStream(XmppClient client, ScriptedServer server) throws XmppException {
        return openStream(client, server, SessionOptions.defaults());
    }

    /** What the client sent after its initial stream header. */
    static String afterHeader(ScriptedServer server) {
        String text = server.receivedText();
        Matcher m = CLIENT_HEADER.matcher(text);
        if (!m.find()) {
            throw new AssertionError("the client never sent its stream header; it sent [" + text + "]");
        }
        return text.substring(m.end());
    }
}
