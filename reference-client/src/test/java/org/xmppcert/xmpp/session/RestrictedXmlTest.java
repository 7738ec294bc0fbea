package org.xmppcert.xmpp.session;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xmppcert.xmpp.session.Wire.BOUND;
import static org.xmppcert.xmpp.session.Wire.CLIENT_HEADER;
import static org.xmppcert.xmpp.session.Wire.CLOSING_TAG;
import static org.xmppcert.xmpp.session.Wire.DOMAIN;
import static org.xmppcert.xmpp.session.Wire.FEATURES;
import static org.xmppcert.xmpp.session.Wire.SERVER_HEADER;

import java.io.ByteArrayOutputStream;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xmppcert.xmpp.stream.StreamErrorCondition;
import org.xmppcert.xmpp.stream.StreamHeader;
import org.xmppcert.xmpp.testing.ScriptedServer;
import org.xmppcert.xmpp.xml.XmlLimits;

/**
 * Data from the server that XMPP does not allow (RFC 6120 §11: no comments, processing
 * instructions, DTDs or entity references, UTF-8 only, no text between stanzas, §13.12 size
 * limits) or that is not XML at all: the client sends the stream error RFC 6120 §4.9.3 names
 * for it, then its closing tag, closes the connection, and every waiter learns why.
 */
class RestrictedXmlTest {

    private static final String HEADER_WITHOUT_DECLARATION = SERVER_HEADER.substring("<?xml version='1.0'?>".length());
    private static final XmlLimits SMALL = new XmlLimits(10_000, 100);

    private final XmppClient client = new XmppClient();

    @AfterEach
    void closeClient() {
        client.close();
    }

    /**
     * @param name what is wrong
     * @param opening the server's bytes from its header on; the bad data follows directly
     * @param bad the bad data
     * @param expected the condition the client must send
     * @param limits the client's limits
     */
    record Case(String name, String opening, byte[] bad, StreamErrorCondition expected, XmlLimits limits) {
        @Override
        public String toString() {
            return name + " -> " + expected.elementName();
        }
    }

    static Stream<Case> cases() {
        String opened = SERVER_HEADER + FEATURES;
        return Stream.of(
                restricted("a comment between stanzas", opened, "<message/><!-- a comment --><message/>"),
                restricted("a comment inside a stanza", opened, "<message><!-- a comment --><body>x</body></message>"),
                restricted("a comment before the header", "",
                        "<?xml version='1.0'?><!-- hello -->" + HEADER_WITHOUT_DECLARATION + FEATURES),
                restricted("a processing instruction between stanzas", opened, "<?xmppcert-test some data?><message/>"),
                restricted("a processing instruction inside a stanza", opened, "<message><?pi data?></message>"),
                restricted("a DTD", "", "<?xml version='1.0'?><!DOCTYPE stream:stream>" + HEADER_WITHOUT_DECLARATION),
                restricted("a DTD with an internal subset", "",
                        "<?xml version='1.0'?><!DOCTYPE stream:stream [<!ENTITY lol 'lol'>]>"
                                + HEADER_WITHOUT_DECLARATION),
                restricted("an entity reference in text", opened, "<message><body>&lol;</body></message>"),
                restricted("an entity reference in an attribute", opened, "<message to='&lol;'/>"),
                new Case("another encoding (ISO-8859-1)", "",
                        ("<?xml version='1.0' encoding='ISO-8859-1'?>" + HEADER_WITHOUT_DECLARATION).getBytes(UTF_8),
                        StreamErrorCondition.UNSUPPORTED_ENCODING, XmlLimits.DEFAULT),
                new Case("another encoding (US-ASCII)", "",
                        ("<?xml version='1.0' encoding='US-ASCII'?>" + HEADER_WITHOUT_DECLARATION).getBytes(UTF_8),
                        StreamErrorCondition.UNSUPPORTED_ENCODING, XmlLimits.DEFAULT),
                new Case("text between stanzas", opened, "stray text<message/>".getBytes(UTF_8),
                        StreamErrorCondition.BAD_FORMAT, XmlLimits.DEFAULT),
                new Case("a stanza over the size limit", opened,
                        ("<message><body>" + "x".repeat(30_000) + "</body></message>").getBytes(UTF_8),
                        StreamErrorCondition.POLICY_VIOLATION, SMALL),
                new Case("elements nested past the depth limit", opened,
                        ("<message>" + "<x>".repeat(150) + "</x>".repeat(150) + "</message>").getBytes(UTF_8),
                        StreamErrorCondition.POLICY_VIOLATION, XmlLimits.DEFAULT),
                notWellFormed("mismatched tags", opened, "<message><body>x</message>".getBytes(UTF_8)),
                notWellFormed("an undeclared prefix", opened, "<foo:bar/>".getBytes(UTF_8)),
                notWellFormed("a duplicate attribute", opened, "<message id='a' id='b'/>".getBytes(UTF_8)),
                notWellFormed("a character reference to NUL", opened, "<message><body>&#0;</body></message>"
                        .getBytes(UTF_8)),
                notWellFormed("invalid UTF-8", opened, concat("<message><body>".getBytes(UTF_8),
                        new byte[] {(byte) 0xC3, (byte) 0x28}, "</body></message>".getBytes(UTF_8))),
                notWellFormed("a UTF-8 sequence for a surrogate", opened, concat("<message><body>".getBytes(UTF_8),
                        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "</body></message>".getBytes(UTF_8))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theClientSendsTheStreamErrorAndCloses(Case c) throws Exception {
        String expectedError = "<stream:error><" + c.expected().elementName()
                + " xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>";
        ScriptedServer.Script script = ScriptedServer.script()
                .expect(CLIENT_HEADER)
                .send(concat(c.opening().getBytes(UTF_8), c.bad()))
                .expect(Pattern.compile(Pattern.quote(expectedError + CLOSING_TAG)))
                .awaitClose();
        try (ScriptedServer server = ScriptedServer.start(script)) {
            SessionOptions options = SessionOptions.builder().xmlLimits(c.limits()).build();
            XmppSession session = client.connect(DOMAIN, server.address(), options);
            session.openStream(StreamHeader.initial(DOMAIN, null, "en"));

            assertThatThrownBy(() -> session.waitFor(e -> false, BOUND, "nothing"))
                    .isInstanceOfSatisfying(MalformedStreamException.class,
                            e -> assertThat(e.sentCondition()).isEqualTo(c.expected()));
            server.assertScriptCompleted(BOUND);

            assertThat(Wire.afterHeader(server)).as("the stream error, our closing tag, nothing else")
                    .isEqualTo(expectedError + CLOSING_TAG);
            assertThat(session.isOpen()).isFalse();
            assertThat(session.endCause()).containsInstanceOf(MalformedStreamException.class);
        }
    }

    private static Case restricted(String name, String opening, String bad) {
        return new Case(name, opening, bad.getBytes(UTF_8), StreamErrorCondition.RESTRICTED_XML, XmlLimits.DEFAULT);
    }

    private static Case notWellFormed(String name, String opening, byte[] bad) {
        return new Case(name, opening, bad, StreamErrorCondition.NOT_WELL_FORMED, XmlLimits.DEFAULT);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
