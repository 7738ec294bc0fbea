package org.xmppcert.xmpp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.session.XmppClient;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stream.XmppNamespaces;
import org.xmppcert.xmpp.transcript.Direction;
import org.xmppcert.xmpp.transcript.Transcript;
import org.xmppcert.xmpp.xml.Element;

/**
 * XEP-0106 on the wire against the CI Prosody and ejabberd: accounts whose localparts need
 * escaping are registered (XEP-0077) and used under their escaped form, which is also the SASL
 * authentication identity; the API takes and shows the unescaped form. Both servers store,
 * authenticate and bind all twelve localparts of XEP-0106 §5.1 and the e-mail address of §5.2.
 *
 * <p>Each localpart gets a suffix ({@code -} and four hex digits) so that a run never meets an
 * account left by an earlier one; the part the example is about is unchanged.
 */
class JidEscapingIT {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static XmppClient client;

    /** XEP-0106 §5.1 Table "JID Examples", user input and escaped localpart, plus the §5.2 Example 6/7 address. */
    private static final List<String[]> EXAMPLES = List.of(
            new String[] {"space cadet", "space\\20cadet"},
            new String[] {"call me \"ishmael\"", "call\\20me\\20\\22ishmael\\22"},
            new String[] {"at&t guy", "at\\26t\\20guy"},
            new String[] {"d'artagnan", "d\\27artagnan"},
            new String[] {"/.fanboy", "\\2f.fanboy"},
            new String[] {"::foo::", "\\3a\\3afoo\\3a\\3a"},
            new String[] {"<foo>", "\\3cfoo\\3e"},
            new String[] {"user@host", "user\\40host"},
            new String[] {"c:\\net", "c\\3a\\net"},
            new String[] {"c:\\\\net", "c\\3a\\\\net"},
            new String[] {"c:\\cool stuff", "c\\3a\\cool\\20stuff"},
            new String[] {"c:\\5commas", "c\\3a\\5c5commas"},
            new String[] {"here's_a_wild_&_/cr%zy/_address", "here\\27s_a_wild_\\26_\\2fcr%zy\\2f_address"});

    @BeforeAll
    static void start() {
        client = new XmppClient();
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    static Stream<Arguments> localparts() {
        return Stream.of(CiServer.prosody(), CiServer.ejabberd())
                .flatMap(server -> EXAMPLES.stream().map(e -> Arguments.of(server.name(), e[0], e[1])));
    }

    private static String suffix() {
        return String.format("-%04x", RANDOM.nextInt(0x10000));
    }

    private static CiServer server(String name) {
        return name.equals("prosody") ? CiServer.prosody() : CiServer.ejabberd();
    }

    /** Register, authenticate and bind an account whose localpart needs escaping. */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("localparts")
    void anAccountWithThisLocalpartCanBeRegisteredAndUsed(String serverName, String userInput, String escaped)
            throws Exception {
        CiServer server = server(serverName);
        String tail = suffix();
        Jid jid = Jid.ofUnescaped(userInput + tail, server.domain(), null);
        assertThat(jid.local()).contains(escaped + tail);
        try (TestAccounts accounts = new TestAccounts(server, client)) {
            TestAccounts.Account a = accounts.create(jid.local().orElseThrow());
            assertThat(a.jid()).isEqualTo(jid);
            Transcript t = new Transcript();
            XmppSession s = accounts.login(a, "r", t);

            // The server bound the escaped localpart, and it shows as the user typed it.
            assertThat(s.localJid().bare()).isEqualTo(jid);
            assertThat(s.localJid().local()).contains(escaped + tail);
            assertThat(s.localJid().unescapedLocal()).contains(userInput + tail);
            assertThat(s.localJid().toUnescapedString()).isEqualTo(userInput + tail + "@" + server.domain() + "/r");
            // On the wire, the bound JID is escaped: the <jid/> of the bind result.
            assertThat(inbound(t)).containsPattern(Pattern.quote("<jid>" + escaped + tail + "@" + server.domain() + "/r</jid>"));
            s.close(Negotiation.TIMEOUT);
        }
    }

    /**
     * XEP-0106 §4.1 rules 1–5: two escaped accounts exchange a message; the addresses travel
     * escaped in both directions, and the receiver unescapes the sender to the original.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aMessageBetweenTwoEscapedAccountsCarriesEscapedJids(String serverName) throws Exception {
        CiServer server = server(serverName);
        String tail = suffix();
        Jid dartagnan = Jid.ofUnescaped("d'artagnan" + tail, server.domain(), null);
        Jid cadet = Jid.ofUnescaped("space cadet" + tail, server.domain(), null);
        try (TestAccounts accounts = new TestAccounts(server, client)) {
            Transcript senderWire = new Transcript();
            Transcript receiverWire = new Transcript();
            XmppSession sender = accounts.login(accounts.create(dartagnan.local().orElseThrow()), "gate", senderWire);
            XmppSession receiver = accounts.login(accounts.create(cadet.local().orElseThrow()), "ship", receiverWire);

            // Addressed from what a user would type; sent escaped.
            Jid to = Jid.ofUnescaped("space cadet" + tail, server.domain(), "ship");
            String id = sender.nextId();
            sender.send(Element.builder("message", XmppNamespaces.CLIENT).attribute("to", to.toString())
                    .attribute("type", "chat").attribute("id", id)
                    .childWithText("body", XmppNamespaces.CLIENT, "all for one").build());
            Element received = receiver.waitFor(e -> e.is("message", XmppNamespaces.CLIENT)
                    && id.equals(e.attribute("id")), Negotiation.TIMEOUT, "the message " + id);

            assertThat(outbound(senderWire)).containsPattern("to=[\"']" + Pattern.quote("space\\20cadet" + tail + "@"
                    + server.domain() + "/ship") + "[\"']");
            assertThat(inbound(receiverWire)).containsPattern("from=[\"']" + Pattern.quote("d\\27artagnan" + tail + "@"
                    + server.domain() + "/gate") + "[\"']");
            Jid from = Jid.of(received.attribute("from"));
            assertThat(from).isEqualTo(dartagnan.withResource("gate"));
            assertThat(from.unescapedLocal()).contains("d'artagnan" + tail);
            assertThat(Jid.of(received.attribute("to")).unescapedLocal()).contains("space cadet" + tail);
            // Never the unescaped form on the wire: it is not even a valid localpart (RFC 3920 A.5).
            assertThat(inbound(receiverWire)).doesNotContain("d'artagnan");
            assertThat(outbound(senderWire)).doesNotContain("space cadet");

            receiver.close(Negotiation.TIMEOUT);
            sender.close(Negotiation.TIMEOUT);
        }
    }

    static Stream<String> servers() {
        return Stream.of("prosody", "ejabberd");
    }

    private static String inbound(Transcript t) {
        return wire(t, Direction.IN);
    }

    private static String outbound(Transcript t) {
        return wire(t, Direction.OUT);
    }

    private static String wire(Transcript t, Direction d) {
        StringBuilder sb = new StringBuilder();
        t.entries().stream().filter(e -> e.direction() == d).forEach(e -> sb.append(e.text()).append('\n'));
        return sb.toString();
    }
}
