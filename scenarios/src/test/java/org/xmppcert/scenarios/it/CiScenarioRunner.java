package org.xmppcert.scenarios.it;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.xmppcert.scenarios.catalog.Catalog;
import org.xmppcert.scenarios.run.ScenarioExecution;
import org.xmppcert.scenarios.run.ScenarioOutcome;
import org.xmppcert.scenarios.spi.Account;
import org.xmppcert.scenarios.spi.ScenarioDefinition;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.it.CiServer;
import org.xmppcert.xmpp.it.TestAccounts;
import org.xmppcert.xmpp.session.SessionOptions;
import org.xmppcert.xmpp.session.XmppClient;
import org.xmppcert.xmpp.tls.TrustPolicy;
import org.xmppcert.xmpp.xml.Element;

/**
 * Runs a scenario against a CI server (the Prosody of {@code ci/prosody/start.sh} unless told
 * otherwise) with fresh XEP-0077 accounts, removed afterwards, optionally with an inbound tamper
 * (a negative control). Thread-safe: integration tests run scenarios in parallel through one
 * runner.
 */
public final class CiScenarioRunner implements AutoCloseable {

    /** The reply timeout of the runs: generous, since a barrier normally closes every wait at once. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final CiServer server;
    private final XmppClient client = new XmppClient();
    private final TrustPolicy trust;

    /** A runner against the CI Prosody. */
    public CiScenarioRunner() {
        this(CiServer.prosody());
    }

    public CiScenarioRunner(CiServer server) {
        this.server = server;
        try {
            trust = TrustPolicy.caFile(server.domain(), server.caFile());
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException("cannot read " + server.caFile(), e);
        }
    }

    /** The shipped catalog. */
    public static Catalog catalog() {
        return Catalog.load();
    }

    public CiServer server() {
        return server;
    }

    /** Runs the scenario as it is. */
    public ScenarioOutcome run(ScenarioDefinition scenario) throws XmppException {
        return run(scenario, null);
    }

    /**
     * Runs the scenario, every received element going through the tamper first (the seam of
     * {@link SessionOptions.Builder#inboundTamper}).
     */
    public ScenarioOutcome run(ScenarioDefinition scenario, Function<Element, List<Element>> tamper) throws XmppException {
        try (TestAccounts accounts = new TestAccounts(server, client)) {
            Map<String, Account> byName = new LinkedHashMap<>();
            for (String name : scenario.accounts()) {
                TestAccounts.Account a = accounts.create();
                byName.put(name, new Account(name, a.jid(), a.password().toCharArray()));
            }
            SessionOptions.Builder options = SessionOptions.builder().replyTimeout(TIMEOUT).connectTimeout(TIMEOUT);
            if (tamper != null) {
                options.inboundTamper(tamper);
            }
            return ScenarioExecution.builder(server.domain())
                    .host(server.host(), server.port())
                    .trust(trust)
                    .accounts(byName)
                    .sessionOptions(options.build())
                    .client(client)
                    .build()
                    .run(scenario);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
