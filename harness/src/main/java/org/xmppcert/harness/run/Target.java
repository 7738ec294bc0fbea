package org.xmppcert.harness.run;

import java.time.Duration;
import java.util.Objects;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.negotiation.ConnectionConfig;
import org.xmppcert.xmpp.session.SessionOptions;
import org.xmppcert.xmpp.tls.TrustPolicy;

/**
 * The server under test and how to reach it: what every session of a run shares. Makes the
 * connection configuration of one account; the caller adds its own session options (transcript).
 *
 * @param domain the XMPP domain
 * @param host the host to connect to, or {@code null} to resolve {@code _xmpp-client._tcp} (RFC 6120 §3.2)
 * @param port the port, 0 for the default or the SRV record's
 * @param trust how the server's certificate is checked
 * @param replyTimeout the bound on one expected answer, and on the TCP connection
 */
public record Target(String domain, String host, int port, TrustPolicy trust, Duration replyTimeout) {
    public Target {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(replyTimeout, "replyTimeout");
    }

    /** A configuration for the account, with a password and these session options. */
    public ConnectionConfig.Builder config(Jid jid, char[] password, SessionOptions.Builder options) {
        ConnectionConfig.Builder b = ConnectionConfig.builder(jid).trust(trust)
                .sessionOptions(options.replyTimeout(replyTimeout).connectTimeout(replyTimeout).build());
        if (password != null) {
            b.password(password);
        }
        if (host != null) {
            b.host(host, port);
        } else if (port != 0) {
            b.port(port);
        }
        return b;
    }

    /** The bare JID of a local part on the target. */
    public Jid jid(String localpart) {
        return Jid.of(localpart, domain, null);
    }

    @Override
    public String toString() {
        return domain + (host == null ? "" : " at " + host + (port == 0 ? "" : ":" + port));
    }
}
