package org.xmppcert.xmpp.stream;

import java.util.Locale;
import org.xmppcert.xmpp.xml.XmlViolation;

/**
 * The defined stream error conditions: RFC 6120 §4.9.3, plus the two of RFC 3920 §4.7.3 that
 * RFC 6120 dropped or renamed ({@code invalid-id}, and {@code xml-not-well-formed}, now
 * {@code not-well-formed}). A condition nobody defined is {@link #UNKNOWN}; the raw name stays
 * on the {@link StreamError}.
 */
public enum StreamErrorCondition {
    BAD_FORMAT("4.9.3.1", true),
    BAD_NAMESPACE_PREFIX("4.9.3.2", true),
    CONFLICT("4.9.3.3", true),
    CONNECTION_TIMEOUT("4.9.3.4", true),
    HOST_GONE("4.9.3.5", true),
    HOST_UNKNOWN("4.9.3.6", true),
    IMPROPER_ADDRESSING("4.9.3.7", true),
    INTERNAL_SERVER_ERROR("4.9.3.8", true),
    INVALID_FROM("4.9.3.9", true),
    /** RFC 3920 §4.7.3 only; RFC 6120 removed it. */
    INVALID_ID(null, true),
    INVALID_NAMESPACE("4.9.3.10", true),
    INVALID_XML("4.9.3.11", true),
    NOT_AUTHORIZED("4.9.3.12", true),
    NOT_WELL_FORMED("4.9.3.13", false),
    POLICY_VIOLATION("4.9.3.14", true),
    REMOTE_CONNECTION_FAILED("4.9.3.15", true),
    /** RFC 6120 only. */
    RESET("4.9.3.16", false),
    RESOURCE_CONSTRAINT("4.9.3.17", true),
    RESTRICTED_XML("4.9.3.18", true),
    SEE_OTHER_HOST("4.9.3.19", true),
    SYSTEM_SHUTDOWN("4.9.3.20", true),
    UNDEFINED_CONDITION("4.9.3.21", true),
    UNSUPPORTED_ENCODING("4.9.3.22", true),
    /** RFC 6120 only. */
    UNSUPPORTED_FEATURE("4.9.3.23", false),
    UNSUPPORTED_STANZA_TYPE("4.9.3.24", true),
    UNSUPPORTED_VERSION("4.9.3.25", true),
    /** RFC 3920's name for what RFC 6120 calls {@code not-well-formed}. */
    XML_NOT_WELL_FORMED(null, true),
    /** Not defined by either RFC. */
    UNKNOWN(null, false);

    private final String rfc6120Section;
    private final boolean inRfc3920;

    StreamErrorCondition(String rfc6120Section, boolean inRfc3920) {
        this.rfc6120Section = rfc6120Section;
        this.inRfc3920 = inRfc3920;
    }

    /** The element name, e.g. {@code not-well-formed}; {@code null} for {@link #UNKNOWN}. */
    public String elementName() {
        return this == UNKNOWN ? null : name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The RFC 6120 section defining it, or {@code null} when RFC 6120 does not. */
    public String rfc6120Section() {
        return rfc6120Section;
    }

    /** Whether RFC 3920 §4.7.3 defines it. */
    public boolean inRfc3920() {
        return inRfc3920;
    }

    /** The condition for an element name, {@link #UNKNOWN} when neither RFC defines it. */
    public static StreamErrorCondition fromElementName(String name) {
        for (StreamErrorCondition c : values()) {
            if (c != UNKNOWN && c.elementName().equals(name)) {
                return c;
            }
        }
        return UNKNOWN;
    }

    /** The condition RFC 6120 §11 prescribes for a violation found by the XML parser. */
    public static StreamErrorCondition forViolation(XmlViolation violation) {
        return switch (violation) {
            case NOT_WELL_FORMED -> NOT_WELL_FORMED;
            case RESTRICTED_XML -> RESTRICTED_XML;
            case UNSUPPORTED_ENCODING -> UNSUPPORTED_ENCODING;
            case BAD_FORMAT -> BAD_FORMAT;
            case LIMIT_EXCEEDED -> POLICY_VIOLATION;
        };
    }
}
