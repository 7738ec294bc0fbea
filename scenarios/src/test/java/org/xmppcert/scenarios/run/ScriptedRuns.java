package org.xmppcert.scenarios.run;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.xmppcert.reports.model.Judgement;
import org.xmppcert.reports.model.Status;
import org.xmppcert.scenarios.spi.Account;
import org.xmppcert.scenarios.spi.ScenarioDefinition;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.negotiation.ConnectionConfig;
import org.xmppcert.xmpp.testing.ScriptedServer;

/**
 * Runs a scenario against a scripted server, for the FAIL paths a real server cannot show: one
 * account {@code alice@example.org}, a short reply timeout, the connection configured by the test.
 */
public final class ScriptedRuns {

    private ScriptedRuns() {
    }

    public static ScenarioOutcome run(ScriptedServer server, ScenarioDefinition scenario, Duration replyTimeout,
            Consumer<ConnectionConfig.Builder> configure) {
        return ScenarioExecution.builder("example.org")
                .host("127.0.0.1", server.port())
                .configure((account, builder) -> configure.accept(builder))
                .account(new Account("alice", Jid.of("alice", "example.org", null), "pw".toCharArray()))
                .sessionOptions(org.xmppcert.xmpp.session.SessionOptions.builder().replyTimeout(replyTimeout).build())
                .build()
                .run(scenario);
    }

    /** Each judged requirement's status (a requirement judged twice is an error of the test). */
    public static Map<String, Status> statuses(ScenarioOutcome o) {
        return o.judgements().stream().collect(Collectors.toMap(Judgement::requirement, Judgement::status));
    }
}
