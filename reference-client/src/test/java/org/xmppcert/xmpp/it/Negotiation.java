package org.xmppcert.xmpp.it;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.time.Duration;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.negotiation.ConnectionConfig;
import org.xmppcert.xmpp.session.SessionOptions;
import org.xmppcert.xmpp.tls.TlsClientConfig;
import org.xmppcert.xmpp.tls.TrustPolicy;
import org.xmppcert.xmpp.transcript.Transcript;

/** Builds connection configurations for a {@link CiServer}, with a transcript to inspect. */
final class Negotiation {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Negotiation() {
    }

    /** Trusting the server's CA file, recording into the given transcript. */
    static ConnectionConfig.Builder as(CiServer server, String user, Transcript transcript) {
        return as(server, Jid.of(user, server.domain(), null), transcript)
                .password(server.password(user).toCharArray());
    }

    static ConnectionConfig.Builder as(CiServer server, Jid jid, Transcript transcript) {
        return ConnectionConfig.builder(jid)
                .host(server.host(), server.port())
                .trust(trust(server, jid.domain()))
                .sessionOptions(SessionOptions.builder().replyTimeout(TIMEOUT).connectTimeout(TIMEOUT)
                        .transcriptListener(transcript).build());
    }

    /** TLS towards the server's own domain, trusting its CA file; the defaults otherwise. */
    static TlsClientConfig tls(CiServer server) {
        return TlsClientConfig.of(trust(server, server.domain()));
    }

    private static TrustPolicy trust(CiServer server, String domain) {
        try {
            return TrustPolicy.caFile(domain, server.caFile());
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException("cannot read " + server.caFile(), e);
        }
    }
}
