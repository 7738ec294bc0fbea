package org.xmppcert.xmpp.session;

import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.stream.StreamError;

/** The peer ended the stream with a stream error (RFC 6120 §4.9). */
public final class StreamErrorException extends XmppException {
    private final StreamError error;

    public StreamErrorException(StreamError error) {
        super("the server sent a stream error: " + error.describe());
        this.error = error;
    }

    public StreamError error() {
        return error;
    }
}
