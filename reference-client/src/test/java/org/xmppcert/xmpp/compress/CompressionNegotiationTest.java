package org.xmppcert.xmpp.compress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CompressionNegotiationTest {

    @Test
    void selectsZlibWhereverTheServerListsIt() {
        CompressionNegotiation negotiation = CompressionNegotiation.forOffer(List.of("lzw", "zlib"));

        assertThat(negotiation.selectedMethod()).contains(CompressionMethod.ZLIB);
        assertThat(negotiation.offeredMethods()).containsExactly("lzw", "zlib");
    }

    @Test
    void selectsNothingWhenOnlyUnimplementedOrUnknownMethodsAreOffered() {
        assertThat(CompressionNegotiation.forOffer(List.of("lzw", "x-brotli")).selectedMethod()).isEmpty();
        assertThat(CompressionNegotiation.forOffer(List.of()).selectedMethod()).isEmpty();
    }

    @Test
    void methodNamesAreCaseSensitiveButWhitespaceIsCollapsed() {
        assertThat(CompressionNegotiation.forOffer(List.of("ZLIB")).selectedMethod()).isEmpty();
        assertThat(CompressionNegotiation.forOffer(List.of("\n  zlib\n")).selectedMethod())
                .contains(CompressionMethod.ZLIB);
    }

    @Test
    void probeNameIsNeverOneOfTheOfferedMethods() {
        CompressionNegotiation adversarial = CompressionNegotiation.forOffer(
                List.of("zlib", "x-xmppcert-unsupported", "x-xmppcert-unsupported-2"));

        assertThat(adversarial.methodNotOffered())
                .isEqualTo("x-xmppcert-unsupported-3")
                .doesNotContainAnyWhitespaces();
        assertThat(CompressionMethod.fromMethodName(adversarial.methodNotOffered())).isEmpty();
    }

    @Test
    void lzwIsKnownButNotSupported() {
        assertThat(CompressionMethod.fromMethodName("lzw")).contains(CompressionMethod.LZW);
        assertThat(CompressionMethod.LZW.isSupported()).isFalse();
        assertThat(CompressionMethod.ZLIB.isSupported()).isTrue();
        assertThat(CompressionMethod.ZLIB.methodName()).isEqualTo("zlib");
    }

    @Test
    void namespacesAreTheRegisteredOnes() {
        assertThat(CompressNamespaces.FEATURE).isEqualTo("http://jabber.org/features/compress");
        assertThat(CompressNamespaces.PROTOCOL).isEqualTo("http://jabber.org/protocol/compress");
    }
}
