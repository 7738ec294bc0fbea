package org.xmppcert.xmpp.tls;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.mina.core.buffer.IoBuffer;

/** Test helper: reassembles newline-terminated ASCII lines from MINA buffers. */
final class LineBuffer {

    private final StringBuilder pending = new StringBuilder();

    synchronized List<String> feed(Object message) {
        IoBuffer buffer = (IoBuffer) message;
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        pending.append(new String(bytes, StandardCharsets.US_ASCII));
        List<String> lines = new ArrayList<>();
        for (int end = pending.indexOf("\n"); end >= 0; end = pending.indexOf("\n")) {
            lines.add(pending.substring(0, end));
            pending.delete(0, end + 1);
        }
        return lines;
    }

    static IoBuffer line(String text) {
        return IoBuffer.wrap((text + "\n").getBytes(StandardCharsets.US_ASCII));
    }
}
