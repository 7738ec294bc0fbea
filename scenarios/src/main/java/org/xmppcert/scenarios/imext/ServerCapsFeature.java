package org.xmppcert.scenarios.imext;

import java.util.List;
import org.xmppcert.reports.model.Status;
import org.xmppcert.scenarios.catalog.Subject;
import org.xmppcert.scenarios.spi.JavaScenario;
import org.xmppcert.scenarios.spi.ScenarioContext;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.caps.Caps;
import org.xmppcert.xmpp.caps.CapsVerification;
import org.xmppcert.xmpp.caps.CapsVerifier;
import org.xmppcert.xmpp.disco.DiscoInfo;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.negotiation.SessionNegotiator;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stream.StreamHeader;
import org.xmppcert.xmpp.xml.Element;

/**
 * The server's own entity capabilities in its stream features (XEP-0115 §6.3): when the features
 * after SASL carry a {@code <c/>}, its attributes are all there (§4), the stream header has a
 * {@code from} (§6.3), the disco#info at {@code node#ver} of that JID hashes to {@code ver} (§5.1,
 * verified as §5.4 says, with the reference client's {@code caps} package), and the server's
 * disco#info lists the caps feature (§7). Advertising caps there is a MAY: without it, every id is
 * NOT_APPLICABLE.
 *
 * <p>A Java scenario because stream features and the stream header are not stanzas. Compression is
 * switched off so that the features looked at are those right after SASL.
 */
public final class ServerCapsFeature implements JavaScenario {

    static final String ATTRIBUTES = "XEP0115-4-feature-attributes";
    static final String FROM = "XEP0115-6.3-header-from";
    static final String VER = "XEP0115-5.4-ver-verifies";
    static final String FEATURE = "XEP0115-7-caps-feature";

    @Override
    public String id() {
        return "caps-server-stream-feature";
    }

    @Override
    public String title() {
        return "The caps the server advertises in its stream features are complete and verify against its disco#info";
    }

    @Override
    public String spec() {
        return "XEP-0115";
    }

    @Override
    public Subject subject() {
        return Subject.SERVER;
    }

    @Override
    public List<String> accounts() {
        return List.of("alice");
    }

    @Override
    public List<String> judges() {
        return List.of(ATTRIBUTES, FROM, VER, FEATURE);
    }

    @Override
    public void run(ScenarioContext ctx) throws XmppException {
        SessionNegotiator n = ctx.negotiator("a", ctx.account("alice"), b -> b.compression(false));
        XmppSession s = n.negotiate();
        Element features = n.features().element();
        Element c = features.child("c", Caps.NAMESPACE);
        if (c == null) {
            for (String id : judges()) {
                ctx.judge(id, Status.NOT_APPLICABLE, "the server does not advertise its caps in the stream features"
                        + " after SASL (XEP-0115 6.3: MAY)", features);
            }
            return;
        }
        String hash = c.attribute("hash");
        String node = c.attribute("node");
        String ver = c.attribute("ver");
        boolean complete = present(hash) && present(node) && present(ver);
        ctx.judge(ATTRIBUTES, complete ? Status.PASS : Status.FAIL,
                complete ? "the <c/> has hash '" + hash + "', node '" + node + "' and ver '" + ver + "'"
                        : "the <c/> lacks " + (present(hash) ? "" : "'hash' ") + (present(node) ? "" : "'node' ")
                        + (present(ver) ? "" : "'ver'"),
                "<c xmlns='" + Caps.NAMESPACE + "' hash='…' node='…' ver='…'/>", features);

        StreamHeader header = s.peerHeader();
        String from = header == null ? null : header.from();
        ctx.judge(FROM, present(from) ? Status.PASS : Status.FAIL,
                present(from) ? "the stream header's 'from' is '" + from + "'" : "the stream header has no 'from'",
                "<stream:stream from='" + ctx.domain() + "'>", header == null ? features : header.root());
        Jid server = Jid.of(present(from) ? from : ctx.domain());

        if (!present(node) || !present(ver)) {
            ctx.judge(VER, Status.NOT_APPLICABLE, "no node#ver to query", features);
        } else if (!present(hash)) {
            ctx.judge(VER, Status.NOT_APPLICABLE, "legacy caps (no 'hash'): the ver cannot be verified", features);
        } else {
            Caps caps = new Caps(hash, node, ver, c.attribute("ext"));
            Element answer = s.request(DiscoInfo.request(server, caps.discoNode()), ctx.replyTimeout());
            if (!"result".equals(answer.attribute("type"))) {
                ctx.judge(VER, Status.FAIL, "the disco#info query for " + caps.discoNode() + " was answered with an error",
                        "<iq type='result'><query xmlns='" + DiscoInfo.NAMESPACE + "' node='" + caps.discoNode() + "'/></iq>",
                        answer);
            } else {
                DiscoInfo info = DiscoInfo.fromResponse(answer);
                CapsVerification v = CapsVerifier.check(server, caps, info);
                Status status = switch (v.status()) {
                    case VERIFIED -> Status.PASS;
                    case UNSUPPORTED_HASH, LEGACY -> Status.NOT_APPLICABLE;
                    default -> Status.FAIL;
                };
                ctx.judge(VER, status, v.describe(), "a disco#info whose verification string is '" + ver + "'", answer);
            }
        }

        Element plain = s.request(DiscoInfo.request(server, null), ctx.replyTimeout());
        boolean listed = "result".equals(plain.attribute("type")) && DiscoInfo.fromResponse(plain).hasFeature(Caps.NAMESPACE);
        ctx.judge(FEATURE, listed ? Status.PASS : Status.FAIL,
                listed ? "the server's disco#info lists " + Caps.NAMESPACE
                        : "the server advertises caps but its disco#info does not list " + Caps.NAMESPACE,
                "<feature var='" + Caps.NAMESPACE + "'/>", plain);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
