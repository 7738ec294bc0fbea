package org.xmppcert.xmpp.testing;

import java.time.Duration;
import java.util.regex.Pattern;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.iq.IqRouter;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.session.SessionOptions;
import org.xmppcert.xmpp.session.XmppClient;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stream.StreamHeader;

/**
 * A session on a {@link ScriptedServer} that stands where a negotiated one would be after
 * resource binding: stream open, the local JID set and the IQ router installed, without the
 * TLS/SASL/bind exchange, which IM-layer tests have no interest in scripting. For tests of
 * protocol managers in cases a real server cannot produce (a push from a stranger, an odd answer).
 */
public final class BoundSessions {

    /** The domain of the scripted server. */
    public static final String DOMAIN = "example.test";
    /** The JID the session is "bound" to. */
    public static final Jid JID = Jid.of("juliet@example.test/balcony");
    /** The bound on every step. */
    public static final Duration BOUND = Duration.ofSeconds(5);

    private static final Pattern CLIENT_HEADER = Pattern.compile("<stream:stream [^>]*>");

    private BoundSessions() {
    }

    /** The server's header, with {@code xml:lang='en'}. */
    public static String serverHeader(String lang) {
        return "<?xml version='1.0'?><stream:stream xmlns='jabber:client'"
                + " xmlns:stream='http://etherx.jabber.org/streams' id='srv-1' from='" + DOMAIN + "'"
                + " version='1.0'" + (lang == null ? "" : " xml:lang='" + lang + "'") + ">"
                + "<stream:features/>";
    }

    /** The server's part of opening the stream, with an English header; add the steps that follow. */
    public static ScriptedServer.Script opened() {
        return opened("en");
    }

    /** The server's part of opening the stream with this {@code xml:lang} ({@code null} for none). */
    public static ScriptedServer.Script opened(String lang) {
        return ScriptedServer.script().expect(CLIENT_HEADER).send(serverHeader(lang));
    }

    /** Connects to the scripted server, opens the stream and behaves as bound to {@link #JID}. */
    public static XmppSession open(XmppClient client, ScriptedServer server) throws XmppException {
        XmppSession session = client.connect(DOMAIN, server.address(), SessionOptions.defaults());
        session.openStream(StreamHeader.initial(DOMAIN, null, "en"));
        session.awaitFeatures(BOUND);
        session.setLocalJid(JID);
        IqRouter.of(session);
        return session;
    }
}
