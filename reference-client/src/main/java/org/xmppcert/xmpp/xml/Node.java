package org.xmppcert.xmpp.xml;

/** A child of an {@link Element}: another element or a run of character data. */
public sealed interface Node permits Element, Text {
}
