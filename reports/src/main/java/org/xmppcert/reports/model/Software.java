package org.xmppcert.reports.model;

/**
 * The target's software as it names itself (XEP-0092 for a server; the client's own
 * disco#info or version answer in client mode).
 *
 * @param name e.g. {@code Prosody}
 * @param version e.g. {@code 0.12.3}, or {@code null}
 * @param os or {@code null}
 */
public record Software(String name, String version, String os) {
}
