package org.xmppcert.xmpp.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which channel bindings a {@link TlsInfo} gives (RFC 5929, RFC 9266), and that it never shows their bytes. */
class TlsInfoTest {

    private static final byte[] UNIQUE = {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, 1, 2, 3, 4, 5, 6, 7, 8};
    private static X509Certificate server;
    private static CertificateVerdict verdict;

    @BeforeAll
    static void makeCertificate() {
        server = SelfSignedCertificates.forSubject("xmpp.test").dnsNames("xmpp.test").generate().certificate();
        verdict = new CertificateVerdict("xmpp.test", "CN=xmpp.test", Map.of(), Optional.empty(), true, "test");
    }

    private static TlsInfo info(String protocol, ChannelBindingData... exported) {
        return new TlsInfo(protocol, "TLS_TEST", List.of(server), List.of(), verdict, List.of(exported));
    }

    @Test
    void tlsUniqueFromTheTlsLayerComesFirstThenTheCertificatesBinding() {
        TlsInfo info = info("TLSv1.2", new ChannelBindingData(ChannelBindings.TLS_UNIQUE, UNIQUE));

        assertThat(info.channelBindingTypes())
                .containsExactly(ChannelBindings.TLS_UNIQUE, ChannelBindings.TLS_SERVER_END_POINT);
        assertThat(info.channelBinding(ChannelBindings.TLS_UNIQUE).orElseThrow().data()).isEqualTo(UNIQUE);
        assertThat(info.channelBinding(ChannelBindings.TLS_SERVER_END_POINT)).isPresent();
        assertThat(info.channelBinding(ChannelBindings.TLS_EXPORTER)).isEmpty();
    }

    @Test
    void withoutExportedBindingsOnlyTheCertificatesBindingIsOffered() {
        TlsInfo info = new TlsInfo("TLSv1.3", "TLS_TEST", List.of(server), List.of(), verdict);

        assertThat(info.channelBindingTypes()).containsExactly(ChannelBindings.TLS_SERVER_END_POINT);
        assertThat(info.channelBinding(ChannelBindings.TLS_UNIQUE)).isEmpty();
        assertThat(info.toString()).contains("channel bindings tls-server-end-point");
    }

    @Test
    void tlsUniqueIsRefusedOnTls13WhereItIsUndefined() {
        assertThatThrownBy(() -> info("TLSv1.3", new ChannelBindingData(ChannelBindings.TLS_UNIQUE, UNIQUE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RFC 9266");
        assertThat(ChannelBindings.tlsUniqueDefinedFor("TLSv1.2")).isTrue();
        assertThat(ChannelBindings.tlsUniqueDefinedFor("TLSv1.3")).isFalse();
        assertThat(ChannelBindings.tlsUniqueDefinedFor("TLSv1.4")).as("unknown: not defined").isFalse();
    }

    @Test
    void onlyTheBindingsTheTlsLayerExportsAreAcceptedAndEachOnce() {
        ChannelBindingData unique = new ChannelBindingData(ChannelBindings.TLS_UNIQUE, UNIQUE);
        assertThatThrownBy(() -> info("TLSv1.2", unique, unique)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> info("TLSv1.2", new ChannelBindingData(ChannelBindings.TLS_SERVER_END_POINT, UNIQUE)))
                .as("computed from the certificate, never taken from outside").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBytesNeverAppearInTheDescription() {
        TlsInfo info = info("TLSv1.2", new ChannelBindingData(ChannelBindings.TLS_UNIQUE, UNIQUE));
        String hexUnique = HexFormat.of().formatHex(UNIQUE);
        String hexEndPoint = HexFormat.of().formatHex(info.channelBinding(ChannelBindings.TLS_SERVER_END_POINT).orElseThrow().data());

        assertThat(info.toString()).contains("channel bindings tls-unique tls-server-end-point")
                .doesNotContainIgnoringCase(hexUnique).doesNotContainIgnoringCase(hexEndPoint.substring(0, 16))
                .doesNotContain(java.util.Base64.getEncoder().encodeToString(UNIQUE));
    }

    @Test
    void aJsseEngineExportsNothing() throws Exception {
        SSLEngine engine = SSLContext.getDefault().createSSLEngine();

        assertThat(ChannelBindings.exportedBy(engine, "TLSv1.2")).isEmpty();
    }
}
