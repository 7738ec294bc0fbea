/**
 * XEP-0092 Software Version ({@code jabber:iq:version}): the responder that says this client is
 * xmppcert, and the requester that asks a server (or a client) its name, version and operating
 * system, so reports can name the software they judged. The protocol is
 * {@code <query xmlns='jabber:iq:version'><name/><version/><os/></query>}: an empty query in a
 * get, the filled one in the result ({@code name} and {@code version} required, {@code os}
 * optional).
 */
package org.xmppcert.xmpp.version;
