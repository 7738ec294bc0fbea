package org.xmppcert.harness.run;

import java.util.List;
import org.xmppcert.reports.model.Software;
import org.xmppcert.scenarios.spi.Account;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.negotiation.SessionNegotiator;
import org.xmppcert.xmpp.session.SessionOptions;
import org.xmppcert.xmpp.session.XmppClient;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.version.SoftwareVersion;
import org.xmppcert.xmpp.version.VersionInfo;

/**
 * Before any scenario: one account from the provider (a registration, or a pool login), one
 * session, and the server's software asked once (XEP-0092). A target that fails here is
 * unreachable or its accounts unusable, and no scenario runs.
 */
public final class Preflight {
    private Preflight() {
    }

    /**
     * Logs in once with a leased account (closing the session and giving the lease back on every
     * path) and asks the server's software (XEP-0092).
     *
     * @return what the server says it is, or {@code null} when it does not answer XEP-0092
     * @throws TargetUnusableException when no session can be had
     */
    public static Software check(Target target, XmppClient client, AccountProvider accounts)
            throws TargetUnusableException, InterruptedException {
        try (AccountProvider.Lease lease = accounts.lease("the preflight check", List.of("preflight"))) {
            Account a = lease.accounts().get(0);
            XmppSession s;
            try {
                s = new SessionNegotiator(client, target.config(a.jid(), a.password(), SessionOptions.builder())
                        .build()).negotiate();
            } catch (XmppException e) {
                throw new TargetUnusableException("cannot log in to " + target + ": " + e.getMessage(), e);
            }
            try {
                VersionInfo v = SoftwareVersion.of(s).query(target.domain(), target.replyTimeout());
                return v.name() == null ? null : new Software(v.name(), v.version(), v.os());
            } catch (XmppException e) {
                return null; // not answering XEP-0092 is allowed: it is not part of the profile
            } finally {
                s.close(target.replyTimeout());
            }
        } catch (AccountsUnavailableException e) {
            throw new TargetUnusableException(e.getMessage(), e);
        }
    }

    /** No session to the target could be had: exit code 3 on the command line. */
    public static final class TargetUnusableException extends Exception {
        private static final long serialVersionUID = 1L;

        public TargetUnusableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
