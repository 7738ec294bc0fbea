/**
 * The XMPP Basic Client 2008 (XEP-0211 §2) as one set of behaviours on a negotiated session:
 * what a conforming client answers and keeps track of without being asked.
 */
package org.xmppcert.xmpp.client;
