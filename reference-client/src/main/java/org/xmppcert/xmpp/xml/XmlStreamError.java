package org.xmppcert.xmpp.xml;

/**
 * What made the parser stop, with the evidence a report needs.
 *
 * @param violation the kind of violation
 * @param message what was wrong, in words (from the parser or from our own checks)
 * @param byteOffset how many bytes of this stream had been read when it was detected
 * @param recentInput the last bytes read before it, decoded leniently as UTF-8, for evidence;
 *        callers that show it must redact secrets, as they do for everything from the wire
 */
public record XmlStreamError(XmlViolation violation, String message, long byteOffset, String recentInput) {

    @Override
    public String toString() {
        return violation + " at byte " + byteOffset + ": " + message;
    }
}
