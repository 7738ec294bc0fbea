/**
 * Java scenarios of stream negotiation (RFC 3920 §4–§7, read with RFC 6120): what the scenario
 * language cannot see because it happens before a session is bound or outside stanzas — stream
 * headers and features, STARTTLS, SASL successes, failures and retries, the stream restarts, stream
 * ids, resource binding and its conflicts, stream errors provoked by the initial header. Each drives
 * the reference client's {@link org.xmppcert.xmpp.negotiation.SessionNegotiator} step by step through
 * {@link org.xmppcert.scenarios.spi.ScenarioContext#negotiator} and judges with the element that
 * shows the verdict (redacted as in the transcript). Their negative controls are in the test class
 * {@code org.xmppcert.scenarios.it.NegotiationControls}.
 */
package org.xmppcert.scenarios.negotiation;
