package org.xmppcert.harness.run;

import java.util.List;
import org.xmppcert.scenarios.run.ScenarioExecution;
import org.xmppcert.scenarios.run.ScenarioOutcome;
import org.xmppcert.scenarios.spi.Account;
import org.xmppcert.scenarios.spi.ScenarioDefinition;
import org.xmppcert.xmpp.session.SessionOptions;
import org.xmppcert.xmpp.session.XmppClient;

/**
 * Runs scenarios against the real target, each in its own {@link ScenarioExecution} (the
 * scenario language's context: sessions, transcript, judgements, closing), all sharing one
 * {@link XmppClient}, i.e. one I/O pool.
 */
public final class SessionScenarioRunner implements ScenarioRunner {
    private final Target target;
    private final XmppClient client;

    /** Runs against the target over sessions of the client (the caller closes it). */
    public SessionScenarioRunner(Target target, XmppClient client) {
        this.target = target;
        this.client = client;
    }

    @Override
    public ScenarioOutcome run(ScenarioDefinition scenario, List<Account> accounts) {
        ScenarioExecution.Builder b = ScenarioExecution.builder(target.domain()).trust(target.trust()).client(client)
                .sessionOptions(SessionOptions.builder().replyTimeout(target.replyTimeout())
                        .connectTimeout(target.replyTimeout()).build());
        if (target.host() != null) {
            b.host(target.host(), target.port());
        } else if (target.port() != 0) {
            b.configure((account, config) -> config.port(target.port()));
        }
        accounts.forEach(b::account);
        return b.build().run(scenario);
    }
}
