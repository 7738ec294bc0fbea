/**
 * Java scenarios for what the scenario language cannot see of XEP-0115 (the server's caps in its
 * stream features, verified against its disco#info) and XEP-0138 (the compression negotiation and
 * the compressed stream). Each judges NOT_APPLICABLE when the server does not offer the feature.
 */
package org.xmppcert.scenarios.imext;
