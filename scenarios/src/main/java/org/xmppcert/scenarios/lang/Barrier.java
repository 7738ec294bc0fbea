package org.xmppcert.scenarios.lang;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.iq.Iq;
import org.xmppcert.xmpp.ping.Ping;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.xml.Element;

/**
 * The round trip that closes "not yet" without a fixed wait: an XEP-0199 ping to the server
 * ({@code <iq type='get' to='{domain}'><ping xmlns='urn:xmpp:ping'/></iq>}). A server processes a
 * client's stanzas in order (RFC 6120 §10.1), so once the answer to a ping is back, everything the
 * session sent before it has been handled, and what the server sent in reply came before the
 * answer. Both a result and an error count as the answer.
 *
 * <p>The ids start with {@link #ID_PREFIX}; ping traffic (these answers and the server's own
 * pings) is never matched by expectations.
 */
public final class Barrier {

    /** The prefix of the interpreter's ping ids. */
    public static final String ID_PREFIX = "xmppcert-barrier-";

    private static final AtomicLong COUNTER = new AtomicLong();

    private Barrier() {
    }

    /** A new barrier ping to the domain, with a fresh id. */
    public static Element ping(String domain) {
        return Ping.request(domain).toBuilder().attribute("id", ID_PREFIX + COUNTER.incrementAndGet()).build();
    }

    /** Whether the element is the answer (result or error) to this barrier ping. */
    public static boolean isAnswer(Element e, Element ping) {
        String type = e.attribute("type");
        return Iq.isIq(e) && ping.attribute("id").equals(e.attribute("id"))
                && ("result".equals(type) || "error".equals(type));
    }

    /** Ping traffic that expectations never see: answers to barrier pings, and pings from the server. */
    public static boolean isPingTraffic(Element e) {
        if (!Iq.isIq(e)) {
            return false;
        }
        String id = e.attribute("id");
        return (id != null && id.startsWith(ID_PREFIX)) || Ping.isPing(e);
    }

    /**
     * Sends a barrier ping and waits (bounded) for its answer, which it takes from the queue.
     *
     * @return the answer
     */
    public static Element roundTrip(XmppSession session, Duration timeout) throws XmppException {
        Element ping = ping(session.domain());
        session.send(ping);
        return session.waitFor(e -> isAnswer(e, ping), timeout, "the answer to the barrier ping " + ping.attribute("id"));
    }
}
