package org.xmppcert.scenarios.spi;

import java.time.Duration;
import java.util.function.Consumer;
import org.xmppcert.reports.model.Status;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.negotiation.ConnectionConfig;
import org.xmppcert.xmpp.negotiation.SessionNegotiator;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.xml.Element;

/**
 * What the harness gives a Java scenario: its accounts, sessions to the target (recorded in
 * the scenario's transcript), and the way to record a judgement.
 */
public interface ScenarioContext {

    /** The target's XMPP domain. */
    String domain();

    /** An account declared by the scenario ({@link JavaScenario#accounts()}). */
    Account account(String name);

    /**
     * A negotiator for a new session, not yet connected, for scenarios that drive the
     * negotiation step by step; its transcript is part of the scenario's.
     *
     * @param tweak changes to the run's connection configuration (trust, mechanisms…)
     */
    SessionNegotiator negotiator(String sessionName, Account account, Consumer<ConnectionConfig.Builder> tweak);

    /** A fully negotiated session (TLS, SASL, binding) for the account. */
    XmppSession connect(String sessionName, Account account) throws XmppException;

    /**
     * Records what the scenario concluded about a requirement. A FAIL carries the stanza that
     * shows it; a PASS should carry the stanza that showed conformance.
     */
    void judge(String requirementId, Status status, String message, Element evidence);

    /** The run's bound on one expected answer. */
    Duration replyTimeout();
}
