/**
 * XEP-0030 Service Discovery: what this client says about itself (its identity and the features
 * it really handles, gathered in {@link org.xmppcert.xmpp.disco.LocalFeatures}), and querying
 * others' info, items and nodes.
 */
package org.xmppcert.xmpp.disco;
