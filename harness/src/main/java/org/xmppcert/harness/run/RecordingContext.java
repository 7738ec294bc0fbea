package org.xmppcert.harness.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.xmppcert.reports.model.Judgement;
import org.xmppcert.reports.model.Status;
import org.xmppcert.reports.model.WireEntry;
import org.xmppcert.scenarios.spi.Account;
import org.xmppcert.scenarios.spi.ScenarioContext;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.negotiation.ConnectionConfig;
import org.xmppcert.xmpp.negotiation.SessionNegotiator;
import org.xmppcert.xmpp.session.SessionOptions;
import org.xmppcert.xmpp.session.XmppClient;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.xml.Element;
import org.xmppcert.xmpp.xml.XmlWriter;

/**
 * The harness's {@link ScenarioContext} for Java scenarios: sessions to the target whose
 * transcripts (already redacted by the reference client) are gathered under the session's name,
 * and the judgements made. Thread-safe: transcript entries arrive on I/O threads.
 */
final class RecordingContext implements ScenarioContext {
    private final Target target;
    private final XmppClient client;
    private final List<Account> accounts;
    private final List<WireEntry> transcript = new ArrayList<>();
    private final List<Judgement> judgements = new ArrayList<>();
    private final List<SessionNegotiator> negotiators = new ArrayList<>();

    RecordingContext(Target target, XmppClient client, List<Account> accounts) {
        this.target = target;
        this.client = client;
        this.accounts = accounts;
    }

    @Override
    public String domain() {
        return target.domain();
    }

    @Override
    public Account account(String name) {
        return accounts.stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the scenario declares no account " + name));
    }

    @Override
    public SessionNegotiator negotiator(String sessionName, Account account, Consumer<ConnectionConfig.Builder> tweak) {
        SessionOptions.Builder options = SessionOptions.builder().transcriptListener(e -> {
            synchronized (transcript) {
                transcript.add(new WireEntry(e.time(), sessionName, e.direction().name(), e.text(), false));
            }
        });
        ConnectionConfig.Builder b = target.config(account.jid(), account.password(), options);
        if (tweak != null) {
            tweak.accept(b);
        }
        SessionNegotiator n = new SessionNegotiator(client, b.build());
        synchronized (negotiators) {
            negotiators.add(n);
        }
        return n;
    }

    @Override
    public XmppSession connect(String sessionName, Account account, String resource) throws XmppException {
        return negotiator(sessionName, account, b -> {
            if (resource != null) {
                b.resource(resource);
            }
        }).negotiate();
    }

    @Override
    public void judge(String requirementId, Status status, String message, Element evidence) {
        synchronized (judgements) {
            judgements.add(new Judgement(requirementId, status, message, null,
                    evidence == null ? null : XmlWriter.toXml(evidence)));
        }
    }

    @Override
    public Duration replyTimeout() {
        return target.replyTimeout();
    }

    List<Judgement> judgements() {
        synchronized (judgements) {
            return List.copyOf(judgements);
        }
    }

    List<WireEntry> transcript() {
        synchronized (transcript) {
            List<WireEntry> copy = new ArrayList<>(transcript);
            copy.sort(Comparator.comparing(WireEntry::time));
            return copy;
        }
    }

    /** Closes every session with the closing handshake, each bounded by the reply timeout. */
    void closeAll() {
        List<SessionNegotiator> all;
        synchronized (negotiators) {
            all = List.copyOf(negotiators);
        }
        for (SessionNegotiator n : all) {
            XmppSession s = n.session();
            if (s != null && s.isOpen()) {
                s.close(target.replyTimeout());
            }
        }
    }
}
