package org.xmppcert.xmpp.compress;

import java.util.Optional;

/**
 * Compression methods known by name, as they appear in {@code <method/>} (XEP-0138 §2 and
 * the registry of §9.3).
 *
 * <p>Knowing a name is not supporting it: only {@link #ZLIB} is implemented. {@link #LZW} is
 * listed so that an offer of {@code lzw} is recognised as a registered method (XEP-0229 §3)
 * rather than as garbage, which matters when judging what a server advertises.
 */
public enum CompressionMethod {

    /** RFC 1950 zlib, mandatory to implement (XEP-0138 §4, registered in §9.3.2). */
    ZLIB("zlib", true),

    /** LZW / ECMA-151 DCLZ (XEP-0229 §3, optional per XEP-0138 §5): known, not implemented. */
    LZW("lzw", false);

    private final String methodName;
    private final boolean supported;

    CompressionMethod(String methodName, boolean supported) {
        this.methodName = methodName;
        this.supported = supported;
    }

    /** The character data of {@code <method/>}, e.g. {@code zlib}. */
    public String methodName() {
        return methodName;
    }

    /** Whether this library can actually compress with the method. */
    public boolean isSupported() {
        return supported;
    }

    /**
     * The method with this registered name. Matching is exact (names are case-sensitive
     * NCNames, XEP-0138 §10.1) after trimming the whitespace that the schema's NCName type
     * collapses anyway.
     */
    public static Optional<CompressionMethod> fromMethodName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String trimmed = name.strip();
        for (CompressionMethod method : values()) {
            if (method.methodName.equals(trimmed)) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }
}
