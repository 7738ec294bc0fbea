package org.xmppcert.xmpp.compress;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which method to request, given the {@code <method/>}s of a {@code <compression/>} stream
 * feature (XEP-0138 §2 Example 1). Pure: no I/O, no state beyond the offer.
 *
 * <p>We ask for {@code zlib} whenever it is offered, whatever its position: XEP-0138 §2 lets
 * the server order methods by preference, but zlib is the only one we implement. When it is
 * missing, XEP-0138 §2 says the initiating entity SHOULD proceed as if nothing had been
 * offered; a compliance run may instead report NOT_APPLICABLE, or request
 * {@link #methodNotOffered()} on purpose to check that the server answers
 * {@code <unsupported-method/>}.
 */
public final class CompressionNegotiation {

    private static final String PROBE_BASE = "x-xmppcert-unsupported";

    private final List<String> offeredMethods;

    private CompressionNegotiation(List<String> offeredMethods) {
        this.offeredMethods = offeredMethods;
    }

    /**
     * @param offeredMethods the character data of each {@code <method/>}, in document order.
     *     XEP-0138 §2 requires at least one; an empty list is accepted here and simply
     *     selects nothing, judging the offer is the caller's business.
     */
    public static CompressionNegotiation forOffer(List<String> offeredMethods) {
        Objects.requireNonNull(offeredMethods, "offeredMethods");
        return new CompressionNegotiation(offeredMethods.stream().map(String::strip).toList());
    }

    /** The offered names, whitespace stripped, in the server's order of preference. */
    public List<String> offeredMethods() {
        return offeredMethods;
    }

    /** {@link CompressionMethod#ZLIB} if offered, else empty: no offered method is supported. */
    public Optional<CompressionMethod> selectedMethod() {
        return offeredMethods.stream()
                .map(CompressionMethod::fromMethodName)
                .flatMap(Optional::stream)
                .filter(CompressionMethod::isSupported)
                .findFirst();
    }

    /**
     * A well-formed method name (an NCName) that is not in the offer, for requesting a method
     * the server cannot support and checking its {@code <unsupported-method/>} (XEP-0138 §2
     * Example 3).
     */
    public String methodNotOffered() {
        String candidate = PROBE_BASE;
        for (int i = 2; offeredMethods.contains(candidate); i++) {
            candidate = PROBE_BASE + "-" + i;
        }
        return candidate;
    }
}
