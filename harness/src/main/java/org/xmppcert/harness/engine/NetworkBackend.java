package org.xmppcert.harness.engine;

import java.io.IOException;
import java.security.cert.CertificateException;
import org.xmppcert.harness.run.AccountProvider;
import org.xmppcert.harness.run.PoolAccountProvider;
import org.xmppcert.harness.run.Preflight;
import org.xmppcert.harness.run.RegisteringAccountProvider;
import org.xmppcert.harness.run.ScenarioRunner;
import org.xmppcert.harness.run.SessionScenarioRunner;
import org.xmppcert.harness.run.Target;
import org.xmppcert.reports.model.Software;
import org.xmppcert.xmpp.session.XmppClient;
import org.xmppcert.xmpp.tls.TrustPolicy;

/** The real target: one {@link XmppClient} (one I/O pool) for the whole run, its sessions in parallel. */
final class NetworkBackend implements Backend {
    private final XmppClient client;
    private final Target target;
    private final AccountProvider accounts;
    private final ScenarioRunner runner;

    NetworkBackend(EngineSettings s) {
        this.target = target(s);
        this.client = new XmppClient(); // after the settings are checked: nothing to leak when they are wrong
        this.accounts = s.register() ? new RegisteringAccountProvider(target, client)
                : new PoolAccountProvider(target, client, s.accounts());
        this.runner = new SessionScenarioRunner(target, client);
    }

    static Target target(EngineSettings s) {
        return new Target(s.domain(), s.host(), s.port(), trust(s), s.replyTimeout());
    }

    private static TrustPolicy trust(EngineSettings s) {
        if (s.caFile() != null) {
            try {
                return TrustPolicy.caFile(s.domain(), s.caFile());
            } catch (IOException | CertificateException e) {
                throw new IllegalArgumentException(Constants.CAFILE + " " + s.caFile() + ": " + e.getMessage(), e);
            }
        }
        return s.insecure() ? TrustPolicy.insecureAcceptAnyCertificate(s.domain()) : TrustPolicy.jvmDefault(s.domain());
    }

    @Override
    public Software preflight() throws Preflight.TargetUnusableException, InterruptedException {
        return Preflight.check(target, client, accounts);
    }

    @Override
    public AccountProvider accounts() {
        return accounts;
    }

    @Override
    public ScenarioRunner runner() {
        return runner;
    }

    @Override
    public void close() {
        try {
            accounts.close();
        } finally {
            client.close();
        }
    }
}
