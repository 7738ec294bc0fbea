/**
 * XEP-0030 Service Discovery, with the XEP-0128 extended information forms.
 *
 * <ul>
 * <li>{@link org.xmppcert.xmpp.disco.LocalFeatures}: what this client says about itself, fed
 *     by every manager that really handles a namespace.</li>
 * <li>{@link org.xmppcert.xmpp.disco.ServiceDiscovery}: the manager; one call installs the
 *     responder ({@link org.xmppcert.xmpp.disco.DiscoResponder}, nodes as
 *     {@link org.xmppcert.xmpp.disco.DiscoNode}) and offers the requests.</li>
 * <li>Values and their XML: {@link org.xmppcert.xmpp.disco.DiscoInfo},
 *     {@link org.xmppcert.xmpp.disco.DiscoItems}, {@link org.xmppcert.xmpp.disco.DataForm}
 *     (the part of XEP-0004 that XEP-0128 uses), {@link org.xmppcert.xmpp.disco.DiscoUri}
 *     (§10.3 URIs); errors as {@link org.xmppcert.xmpp.disco.DiscoException}.</li>
 * </ul>
 */
package org.xmppcert.xmpp.disco;
