package org.xmppcert.xmpp.xml;

/**
 * Why the parser stopped reading a stream. The stream layer maps each to the stream error
 * condition that RFC 6120 names for it.
 */
public enum XmlViolation {
    /** Not XML-well-formed or not namespace-well-formed (RFC 6120 §11.3): {@code <not-well-formed/>}. */
    NOT_WELL_FORMED,
    /**
     * A comment, processing instruction, DTD or entity reference other than the five predefined
     * ones (RFC 6120 §11.1): {@code <restricted-xml/>}.
     */
    RESTRICTED_XML,
    /** An encoding other than UTF-8 declared (RFC 6120 §11.6): {@code <unsupported-encoding/>}. */
    UNSUPPORTED_ENCODING,
    /**
     * Character data between first-level elements that is not whitespace (RFC 6120 §11.7 allows
     * only whitespace there): {@code <bad-format/>}.
     */
    BAD_FORMAT,
    /** Past {@link XmlLimits}: {@code <policy-violation/>} (RFC 6120 §4.9.3.14, §13.12). */
    LIMIT_EXCEEDED
}
