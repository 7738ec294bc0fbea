/**
 * XML streams (RFC 6120 §4, RFC 3920 §4): the stream header, stream features, stream errors and
 * the MINA codec filter that turns bytes into stream events and XML text into bytes.
 */
package org.xmppcert.xmpp.stream;
