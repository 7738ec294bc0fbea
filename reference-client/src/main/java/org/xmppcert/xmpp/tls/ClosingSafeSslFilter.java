package org.xmppcert.xmpp.tls;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.ssl.SslFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MINA 2.2.5's {@link SslFilter}, with {@code sessionClosed} always reaching the rest of the
 * chain.
 *
 * <p>Why: when the JDK fails a handshake inside a delegated task (certificate checks,
 * ClientHello processing), MINA's SSLHandlerG1 stores the exception and never clears it
 * ({@code throw_pending_error} throws before resetting it). Every later call into the
 * handler rethrows it — including the close that {@code SslFilter.sessionClosed} performs,
 * which then never calls the next filter: the IoHandler's {@code sessionClosed} is skipped
 * and MINA's tail filter never disposes the session's write queue and attributes.
 */
abstract class ClosingSafeSslFilter extends SslFilter {

    private static final Logger LOG = LoggerFactory.getLogger(ClosingSafeSslFilter.class);

    ClosingSafeSslFilter(SSLContext context) {
        super(context, true);
    }

    @Override
    public void sessionClosed(NextFilter next, IoSession session) throws Exception {
        try {
            super.sessionClosed(next, session);
        } catch (SSLException stale) {
            LOG.debug("TLS error left over from the failed handshake, while closing: {}", stale.getMessage());
            next.sessionClosed(session);
        }
    }
}
