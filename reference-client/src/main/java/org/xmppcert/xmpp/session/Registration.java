package org.xmppcert.xmpp.session;

/** Undoes a registration (of a handler); closing twice is harmless. */
@FunctionalInterface
public interface Registration extends AutoCloseable {
    @Override
    void close();
}
