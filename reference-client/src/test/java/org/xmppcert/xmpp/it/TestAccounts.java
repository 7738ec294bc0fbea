package org.xmppcert.xmpp.it;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.negotiation.ConnectionConfig;
import org.xmppcert.xmpp.negotiation.SessionNegotiator;
import org.xmppcert.xmpp.register.InBandRegistration;
import org.xmppcert.xmpp.session.XmppClient;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.transcript.Transcript;

/**
 * Fresh accounts on a CI server, made with XEP-0077 in-band registration and removed again on
 * {@link #close()}, so that no test sees another's roster, subscriptions or privacy lists.
 */
public final class TestAccounts implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A registered account: its bare JID and password. */
    public record Account(Jid jid, String password) {
        public String user() {
            return jid.local().orElseThrow();
        }
    }

    private final CiServer server;
    private final XmppClient client;
    private final List<Account> created = new ArrayList<>();

    public TestAccounts(CiServer server, XmppClient client) {
        this.server = server;
        this.client = client;
    }

    /** Registers a new account with a random name, e.g. {@code xc-3f9a2b71}. */
    public Account create() throws XmppException {
        return create(String.format("xc-%08x", RANDOM.nextInt()));
    }

    /**
     * Registers a new account with this localpart, as it goes on the wire: already escaped
     * when it needs XEP-0106 escaping ({@code Jid.ofUnescaped(...).local()}), since the server
     * stores and authenticates the escaped form. Throws
     * {@link org.xmppcert.xmpp.register.RegistrationException} when the server refuses it.
     */
    public Account create(String user) throws XmppException {
        String password = "pw-" + Long.toHexString(RANDOM.nextLong());
        SessionNegotiator n = new SessionNegotiator(client, Negotiation.as(server,
                Jid.of(user, server.domain(), null), new Transcript()).password(password.toCharArray()).build());
        n.connect();
        n.openStream("initial");
        n.startTls();
        XmppSession session = n.session();
        try {
            InBandRegistration.register(session, user, password.toCharArray(), Negotiation.TIMEOUT);
        } finally {
            session.close(Negotiation.TIMEOUT);
        }
        Account a = new Account(Jid.of(user, server.domain(), null), password);
        created.add(a);
        return a;
    }

    /** A configuration to log in as the account, recording into the transcript. */
    public ConnectionConfig.Builder config(Account account, Transcript transcript) {
        return Negotiation.as(server, account.jid(), transcript).password(account.password().toCharArray());
    }

    /** Logs in with a server-generated resource (or the given one) and returns the negotiated session. */
    public XmppSession login(Account account, String resource, Transcript transcript) throws XmppException {
        return new SessionNegotiator(client, config(account, transcript).resource(resource).build()).negotiate();
    }

    /** Removes every account made here (XEP-0077 §3.2), each over its own session. */
    @Override
    public void close() throws XmppException {
        XmppException first = null;
        for (Account a : created) {
            try {
                XmppSession s = login(a, null, new Transcript());
                InBandRegistration.remove(s, Negotiation.TIMEOUT);
                s.close(Negotiation.TIMEOUT);
            } catch (XmppException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        created.clear();
        if (first != null) {
            throw first;
        }
    }
}
