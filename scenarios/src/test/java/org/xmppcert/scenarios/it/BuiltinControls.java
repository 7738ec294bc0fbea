package org.xmppcert.scenarios.it;

import java.util.Map;

/** The negative controls of the lang area's own shipped scenarios. */
public final class BuiltinControls implements NegativeControlSet {

    @Override
    public Map<String, Tamper> controls() {
        return Map.of();
    }

    @Override
    public Map<String, String> exemptions() {
        return Map.of("stream-header-server", "the stream header is not an element the inbound tamper sees; "
                + "StreamHeaderServerTest shows each of its ids FAIL against a scripted server with a broken header");
    }
}
