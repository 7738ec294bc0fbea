package org.xmppcert.xmpp;

/**
 * The root of everything the reference client reports as going wrong in a session: the peer's
 * faults (a stream error, a SASL failure, malformed XML) as well as the local or network ones (a
 * refused connection, a timeout). Subclasses are typed so that a harness can turn each into a
 * verdict, and their messages never contain a password or a SASL payload.
 */
public class XmppException extends Exception {
    public XmppException(String message) {
        super(message);
    }

    public XmppException(String message, Throwable cause) {
        super(message, cause);
    }
}
