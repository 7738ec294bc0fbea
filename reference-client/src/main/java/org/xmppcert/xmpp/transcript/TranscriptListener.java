package org.xmppcert.xmpp.transcript;

/**
 * Sees every entry of a session's transcript as it happens, on the thread that produced it (the
 * I/O thread for received data): implementations must be quick and must not block.
 */
@FunctionalInterface
public interface TranscriptListener {
    void onEntry(TranscriptEntry entry);
}
