package org.xmppcert.xmpp.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.iq.Iq;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.negotiation.SessionNegotiator;
import org.xmppcert.xmpp.ping.Ping;
import org.xmppcert.xmpp.session.SessionOptions;
import org.xmppcert.xmpp.session.XmppClient;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stream.XmppNamespaces;
import org.xmppcert.xmpp.transcript.Transcript;
import org.xmppcert.xmpp.xml.Element;

/**
 * Fresh accounts and their sessions on a CI server for the message, ping, version and privacy
 * tests, with the raw presence and roster stanzas those tests need from protocols built
 * elsewhere (written as plain elements on purpose). Every session gets a transcript and the
 * ping responder; on {@link #close()} the transcripts are printed (to the failsafe output file,
 * which is where to look when a test fails), the sessions closed and the accounts removed.
 */
final class MessagingFixture implements AutoCloseable {

    final CiServer server;
    private final XmppClient client = new XmppClient();
    private final TestAccounts accounts;
    private final Map<String, Transcript> transcripts = new LinkedHashMap<>();
    private final List<XmppSession> sessions = new ArrayList<>();

    MessagingFixture(CiServer server) {
        this.server = server;
        this.accounts = new TestAccounts(server, client);
    }

    TestAccounts.Account account() throws XmppException {
        return accounts.create();
    }

    /** Logs in with this resource (our stream in English), installing the ping responder. */
    XmppSession login(TestAccounts.Account account, String resource) throws XmppException {
        return login(account, resource, "en");
    }

    /** Logs in with this resource and this {@code xml:lang} on our stream header. */
    XmppSession login(TestAccounts.Account account, String resource, String lang) throws XmppException {
        Transcript t = new Transcript();
        SessionNegotiator n = new SessionNegotiator(client, accounts.config(account, t).resource(resource)
                .sessionOptions(SessionOptions.builder().replyTimeout(Negotiation.TIMEOUT)
                        .connectTimeout(Negotiation.TIMEOUT).lang(lang).transcriptListener(t).build())
                .build());
        XmppSession s = n.negotiate();
        transcripts.put(s.localJid().toString(), t);
        sessions.add(s);
        Ping.of(s);
        return s;
    }

    /** Available presence with this priority (RFC 6121 §4.7.2.3), sent, then a round trip. */
    static void available(XmppSession s, int priority) throws XmppException {
        s.send(Element.builder("presence", XmppNamespaces.CLIENT)
                .childWithText("priority", XmppNamespaces.CLIENT, Integer.toString(priority)).build());
        Ping.of(s).barrier();
    }

    /** {@code <presence to=… type=…/>}; {@code type} {@code null} for a directed available presence. */
    static Element presence(Jid to, String type) {
        Element.Builder b = Element.builder("presence", XmppNamespaces.CLIENT).attribute("to", to.toString());
        if (type != null) {
            b.attribute("type", type);
        }
        return b.build();
    }

    /**
     * Makes {@code subscriber} subscribed to {@code contact}'s presence (RFC 6121 §3.1): subscribe
     * from one, subscribed from the other, each followed by a round trip. The subscriber's roster
     * then says {@code to}, the contact's {@code from}.
     */
    static void subscribe(XmppSession subscriber, XmppSession contact) throws XmppException {
        subscriber.send(presence(contact.localJid().bare(), "subscribe"));
        Ping.barrier(Negotiation.TIMEOUT, subscriber, contact);
        contact.send(presence(subscriber.localJid().bare(), "subscribed"));
        Ping.barrier(Negotiation.TIMEOUT, contact, subscriber);
    }

    /** Puts a contact in a roster group with a raw roster set (RFC 6121 §2.3), waiting for the result. */
    static void putInGroup(XmppSession owner, Jid contact, String group) throws XmppException {
        Element item = Element.builder("item", "jabber:iq:roster").attribute("jid", contact.bare().toString())
                .childWithText("group", "jabber:iq:roster", group).build();
        Element response = owner.request(Iq.set(null, Element.builder("query", "jabber:iq:roster").child(item).build()),
                Negotiation.TIMEOUT);
        if (!"result".equals(response.attribute("type"))) {
            throw new IllegalStateException("roster set refused: " + response);
        }
    }

    /** Every transcript so far, one after another. */
    String transcripts() {
        StringBuilder sb = new StringBuilder();
        transcripts.forEach((jid, t) -> sb.append("===== ").append(jid).append('\n').append(t.render()).append('\n'));
        return sb.toString();
    }

    /** Closes one session now (e.g. to make a contact unavailable). */
    static void logout(XmppSession s) {
        s.close(Negotiation.TIMEOUT);
    }

    @Override
    public void close() throws XmppException {
        System.out.println(transcripts());
        try {
            for (XmppSession s : sessions) {
                s.close(Negotiation.TIMEOUT);
            }
            accounts.close();
        } finally {
            client.close();
        }
    }
}
