package org.xmppcert.harness.run;

import java.time.Duration;
import java.util.List;
import org.xmppcert.scenarios.spi.Account;
import org.xmppcert.scenarios.spi.ScenarioDefinition;
import org.xmppcert.xmpp.session.XmppClient;

/** Runs scenarios against the real target, each in its own {@link RecordingContext}. */
public final class SessionScenarioRunner implements ScenarioRunner {
    private final Target target;
    private final XmppClient client;

    public SessionScenarioRunner(Target target, XmppClient client) {
        this.target = target;
        this.client = client;
    }

    @Override
    public ScenarioOutcome run(ScenarioDefinition scenario, List<Account> accounts) {
        long start = System.nanoTime();
        RecordingContext context = new RecordingContext(target, client, accounts);
        String error = null;
        try {
            scenario.run(context);
        } catch (Exception | AssertionError e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        } finally {
            context.closeAll();
        }
        return new ScenarioOutcome(context.judgements(), context.transcript(), error,
                Duration.ofNanos(System.nanoTime() - start));
    }
}
