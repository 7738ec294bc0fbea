package org.xmppcert.xmpp.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.roster.Ask;
import org.xmppcert.xmpp.roster.RosterItem;
import org.xmppcert.xmpp.roster.Subscription;
import org.xmppcert.xmpp.subscription.SubscriptionState.PreApproval;

/**
 * The transitions of {@link SubscriptionState} against the tables of the RFCs, copied here
 * verbatim (RFC 6121 Appendix A Tables 2–9, RFC 3921 §9 Tables 1–6) and parsed, so that the
 * hand-written switch in the class and the text are compared row by row.
 */
class SubscriptionStateTest {

    /** RFC 6121 Appendix A.2 and A.3, verbatim. */
    private static final String RFC6121_TABLES = """
            Table 2: Processing of outbound "subscribe" stanzas
            |  "None"                  |  MUST [1] |  "None + Pending Out"     |
            |  "None + Pending Out"    |  MUST     |  no state change          |
            |  "None + Pending In"     |  MUST [1] |  "None + Pending Out+In"  |
            |  "None + Pending Out+In" |  MUST     |  no state change          |
            |  "To"                    |  MUST     |  no state change          |
            |  "To + Pending In"       |  MUST     |  no state change          |
            |  "From"                  |  MUST [1] |  "From + Pending Out"     |
            |  "From + Pending Out"    |  MUST     |  no state change          |
            |  "Both"                  |  MUST     |  no state change          |
            Table 3: Processing of outbound "unsubscribe" stanzas
            |  "None"                  |  MUST    |  no state change          |
            |  "None + Pending Out"    |  MUST    |  "None"                   |
            |  "None + Pending In"     |  MUST    |  no state change          |
            |  "None + Pending Out+In" |  MUST    |  "None + Pending In"      |
            |  "To"                    |  MUST    |  "None"                   |
            |  "To + Pending In"       |  MUST    |  "None + Pending In"      |
            |  "From"                  |  MUST    |  no state change          |
            |  "From + Pending Out"    |  MUST    |  "From"                   |
            |  "Both"                  |  MUST    |  "From"                   |
            Table 4: Processing of outbound "subscribed" stanzas
            |  "None"                  |  M.N.    |  pre-approval [1]         |
            |  "None + Pending Out"    |  M.N.    |  pre-approval [1]         |
            |  "None + Pending In"     |  MUST    |  "From"                   |
            |  "None + Pending Out+In" |  MUST    |  "From + Pending Out"     |
            |  "To"                    |  M.N.    |  pre-approval [1]         |
            |  "To + Pending In"       |  MUST    |  "Both"                   |
            |  "From"                  |  M.N.    |  no state change          |
            |  "From + Pending Out"    |  M.N.    |  no state change          |
            |  "Both"                  |  M.N.    |  no state change          |
            Table 5: Processing of outbound "unsubscribed" stanzas
            |  "None"                  |  S.N.    |  no state change [1]      |
            |  "None + Pending Out"    |  S.N.    |  no state change [1]      |
            |  "None + Pending In"     |  MUST    |  "None"                   |
            |  "None + Pending Out+In" |  MUST    |  "None + Pending Out"     |
            |  "To"                    |  S.N.    |  no state change [1]      |
            |  "To + Pending In"       |  MUST    |  "To"                     |
            |  "From"                  |  MUST    |  "None"                   |
            |  "From + Pending Out"    |  MUST    |  "None + Pending Out"     |
            |  "Both"                  |  MUST    |  "To"                     |
            Table 6: Processing of inbound "subscribe" stanzas
            |  "None"                  |  MUST [1]  |  "None + Pending In"     |
            |  "None + Pending Out"    |  MUST      |  "None + Pending Out+In" |
            |  "None + Pending In"     |  S.N.      |  no state change         |
            |  "None + Pending Out+In" |  S.N.      |  no state change         |
            |  "To"                    |  MUST      |  "To + Pending In"       |
            |  "To + Pending In"       |  S.N.      |  no state change         |
            |  "From"                  |  S.N. [2]  |  no state change         |
            |  "From + Pending Out"    |  S.N. [2]  |  no state change         |
            |  "Both"                  |  S.N. [2]  |  no state change         |
            Table 7: Processing of inbound "unsubscribe" stanzas
            |  "None"                  |  S.N.      |  no state change         |
            |  "None + Pending Out"    |  S.N.      |  no state change         |
            |  "None + Pending In"     |  MUST [1]  |  "None"                  |
            |  "None + Pending Out+In" |  MUST [1]  |  "None + Pending Out"    |
            |  "To"                    |  S.N.      |  no state change         |
            |  "To + Pending In"       |  MUST [1]  |  "To"                    |
            |  "From"                  |  MUST [1]  |  "None"                  |
            |  "From + Pending Out"    |  MUST [1]  |  "None + Pending Out"    |
            |  "Both"                  |  MUST [1]  |  "To"                    |
            Table 8: Processing of inbound "subscribed" stanzas
            |  "None"                  |  S.N.      |  no state change         |
            |  "None + Pending Out"    |  MUST      |  "To"                    |
            |  "None + Pending In"     |  S.N.      |  no state change         |
            |  "None + Pending Out+In" |  MUST      |  "To + Pending In"       |
            |  "To"                    |  S.N.      |  no state change         |
            |  "To + Pending In"       |  S.N.      |  no state change         |
            |  "From"                  |  S.N.      |  no state change         |
            |  "From + Pending Out"    |  MUST      |  "Both"                  |
            |  "Both"                  |  S.N.      |  no state change         |
            Table 9: Processing of inbound "unsubscribed" stanzas
            |  "None"                  |  S.N.      |  no state change         |
            |  "None + Pending Out"    |  MUST      |  "None"                  |
            |  "None + Pending In"     |  S.N.      |  no state change         |
            |  "None + Pending Out+In" |  MUST      |  "None + Pending In"     |
            |  "To"                    |  MUST      |  "None"                  |
            |  "To + Pending In"       |  MUST      |  "None + Pending In"     |
            |  "From"                  |  S.N.      |  no state change         |
            |  "From + Pending Out"    |  MUST      |  "From"                  |
            |  "Both"                  |  MUST      |  "From"                  |
            """;

    /** RFC 3921 §9.2 and §9.3, verbatim (including the missing quote in Table 4). */
    private static final String RFC3921_TABLES = """
            Table 1: Recommended handling of outbound "subscribed" stanzas
            |  "None"                  |  no      |  no state change         |
            |  "None + Pending Out"    |  no      |  no state change         |
            |  "None + Pending In"     |  yes     |  "From"                  |
            |  "None + Pending Out/In" |  yes     |  "From + Pending Out"    |
            |  "To"                    |  no      |  no state change         |
            |  "To + Pending In"       |  yes     |  "Both"                  |
            |  "From"                  |  no      |  no state change         |
            |  "From + Pending Out"    |  no      |  no state change         |
            |  "Both"                  |  no      |  no state change         |
            Table 2: Recommended handling of outbound "unsubscribed" stanzas
            |  "None"                  |  no      |  no state change         |
            |  "None + Pending Out"    |  no      |  no state change         |
            |  "None + Pending In"     |  yes     |  "None"                  |
            |  "None + Pending Out/In" |  yes     |  "None + Pending Out"    |
            |  "To"                    |  no      |  no state change         |
            |  "To + Pending In"       |  yes     |  "To"                    |
            |  "From"                  |  yes     |  "None"                  |
            |  "From + Pending Out"    |  yes     |  "None + Pending Out"    |
            |  "Both"                  |  yes     |  "To"                    |
            Table 3: Recommended handling of inbound "subscribe" stanzas
            |  "None"                  |  yes       |  "None + Pending In"     |
            |  "None + Pending Out"    |  yes       |  "None + Pending Out/In" |
            |  "None + Pending In"     |  no        |  no state change         |
            |  "None + Pending Out/In" |  no        |  no state change         |
            |  "To"                    |  yes       |  "To + Pending In"       |
            |  "To + Pending In"       |  no        |  no state change         |
            |  "From"                  |  no *      |  no state change         |
            |  "From + Pending Out"    |  no *      |  no state change         |
            |  "Both"                  |  no *      |  no state change         |
            Table 4: Recommended handling of inbound "unsubscribe" stanzas
            |  "None"                  |  no        |  no state change         |
            |  "None + Pending Out"    |  no        |  no state change         |
            |  "None + Pending In"     |  yes *     |  "None"                  |
            |  "None + Pending Out/In" |  yes *     |  "None + Pending Out"    |
            |  "To"                    |  no        |  no state change         |
            |  "To + Pending In"       |  yes *     |  "To"                    |
            |  "From"                  |  yes *     |  "None"                  |
            |  "From + Pending Out"    |  yes *     |  "None + Pending Out     |
            |  "Both"                  |  yes *     |  "To"                    |
            Table 5: Recommended handling of inbound "subscribed" stanzas
            |  "None"                  |  no        |  no state change         |
            |  "None + Pending Out"    |  yes       |  "To"                    |
            |  "None + Pending In"     |  no        |  no state change         |
            |  "None + Pending Out/In" |  yes       |  "To + Pending In"       |
            |  "To"                    |  no        |  no state change         |
            |  "To + Pending In"       |  no        |  no state change         |
            |  "From"                  |  no        |  no state change         |
            |  "From + Pending Out"    |  yes       |  "Both"                  |
            |  "Both"                  |  no        |  no state change         |
            Table 6: Recommended handling of inbound "unsubscribed" stanzas
            |  "None"                  |  no        |  no state change         |
            |  "None + Pending Out"    |  yes       |  "None"                  |
            |  "None + Pending In"     |  no        |  no state change         |
            |  "None + Pending Out/In" |  yes       |  "None + Pending In"     |
            |  "To"                    |  yes       |  "None"                  |
            |  "To + Pending In"       |  yes       |  "None + Pending In"     |
            |  "From"                  |  no        |  no state change         |
            |  "From + Pending Out"    |  yes       |  "From"                  |
            |  "Both"                  |  yes       |  "From"                  |
            """;

    private static final Pattern TABLE = Pattern.compile("Table \\d+: .*(outbound|inbound) \"(\\w+)\" stanzas");
    private static final Pattern ROW =
            Pattern.compile("\\|\\s+\"([^\"|]+?)\"?\\s+\\|\\s+([^|]+?)\\s+\\|\\s+([^|]+?)\\s+\\|");

    private record Row(boolean outbound, SubscriptionAction action, SubscriptionState state, String obligation,
            String newState) {
    }

    private static List<Row> rows(String tables) {
        List<Row> out = new ArrayList<>();
        Boolean outbound = null;
        SubscriptionAction action = null;
        for (String line : tables.split("\n")) {
            Matcher t = TABLE.matcher(line);
            if (t.find()) {
                outbound = t.group(1).equals("outbound");
                action = SubscriptionAction.valueOf(t.group(2).toUpperCase());
                continue;
            }
            Matcher r = ROW.matcher(line);
            if (r.find()) {
                out.add(new Row(outbound, action, state(r.group(1)), r.group(2), r.group(3)));
            }
        }
        return out;
    }

    private static SubscriptionState state(String rfcName) {
        String name = rfcName.trim().replace("Out/In", "Out+In");
        for (SubscriptionState s : SubscriptionState.values()) {
            if (s.rfcName().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no state named " + rfcName);
    }

    private static SubscriptionState expectedNext(Row row) {
        return row.newState().startsWith("\"") ? state(row.newState().replace("\"", "")) : row.state();
    }

    private static Obligation obligation6121(String text) {
        String level = text.replaceAll("\\s*\\[\\d]", "").trim();
        return switch (level) {
            case "MUST" -> Obligation.MUST;
            case "S.N." -> Obligation.SHOULD_NOT;
            case "M.N." -> Obligation.MUST_NOT;
            default -> throw new IllegalArgumentException(text);
        };
    }

    @Test
    void everyRowOfRfc6121AppendixAIsTranscribed() {
        List<Row> rows = rows(RFC6121_TABLES);
        assertThat(rows).as("8 tables of 9 states").hasSize(72);
        for (Row row : rows) {
            String where = (row.outbound() ? "outbound " : "inbound ") + row.action() + " in " + row.state().rfcName();
            if (row.outbound()) {
                SubscriptionState.OutboundRule rule = row.state().outbound(row.action());
                assertThat(rule.route()).as(where).isEqualTo(obligation6121(row.obligation()));
                assertThat(rule.next()).as(where).isEqualTo(expectedNext(row));
                assertThat(rule.preApproval()).as(where).isEqualTo(row.newState().startsWith("pre-approval")
                        ? PreApproval.NOTED : row.newState().endsWith("[1]") ? PreApproval.CANCELLED
                        : PreApproval.UNCHANGED);
            } else {
                SubscriptionState.InboundRule rule = row.state().inbound(row.action());
                assertThat(rule.deliver()).as(where).isEqualTo(obligation6121(row.obligation()));
                assertThat(rule.next()).as(where).isEqualTo(expectedNext(row));
                // Note [2] of Table 6 and note [1] of Table 7 are the auto-replies.
                boolean autoReply = row.obligation().contains("[2]")
                        || row.action() == SubscriptionAction.UNSUBSCRIBE && row.obligation().contains("[1]");
                assertThat(rule.autoReply() != null).as(where + ": auto-reply").isEqualTo(autoReply);
            }
        }
    }

    @Test
    void rfc3921GivesTheSameNewStatesExceptWherePreApprovalIsNew() {
        List<Row> rows = rows(RFC3921_TABLES);
        assertThat(rows).as("6 tables of 9 states").hasSize(54);
        for (Row row : rows) {
            String where = (row.outbound() ? "outbound " : "inbound ") + row.action() + " in " + row.state().rfcName();
            boolean yes = row.obligation().startsWith("yes");
            if (row.outbound()) {
                SubscriptionState.OutboundRule rule = row.state().outbound(row.action());
                assertThat(rule.next()).as(where).isEqualTo(expectedNext(row));
                assertThat(rule.route().expected()).as(where).isEqualTo(yes);
            } else {
                SubscriptionState.InboundRule rule = row.state().inbound(row.action());
                assertThat(rule.next()).as(where).isEqualTo(expectedNext(row));
                assertThat(rule.deliver().expected()).as(where).isEqualTo(yes);
                assertThat(rule.autoReply() != null).as(where + ": the '*' auto-reply")
                        .isEqualTo(row.obligation().contains("*"));
            }
        }
    }

    @Test
    void theRosterShowsSubscriptionAndAskButNotPendingIn() {
        RosterItem pendingOut = new RosterItem(Jid.of("c@example.com"), null, Subscription.NONE, Ask.SUBSCRIBE, false,
                List.of());
        RosterItem from = new RosterItem(Jid.of("c@example.com"), null, Subscription.FROM, null, false, List.of());

        assertThat(SubscriptionState.consistentStates(Optional.of(pendingOut)))
                .containsExactlyInAnyOrder(SubscriptionState.NONE_PENDING_OUT, SubscriptionState.NONE_PENDING_OUT_IN);
        assertThat(SubscriptionState.consistentStates(Optional.of(from))).containsExactly(SubscriptionState.FROM);
        assertThat(SubscriptionState.consistentStates(Optional.empty()))
                .as("no item: None, or an unanswered request the server MUST NOT add to the roster (RFC 6121 A.1)")
                .containsExactlyInAnyOrder(SubscriptionState.NONE, SubscriptionState.NONE_PENDING_IN);
        assertThat(SubscriptionState.TO_PENDING_IN.ask()).isNull();
        assertThat(SubscriptionState.FROM_PENDING_OUT.ask()).isEqualTo(Ask.SUBSCRIBE);
        assertThat(SubscriptionState.of(Subscription.NONE, true, true)).isEqualTo(SubscriptionState.NONE_PENDING_OUT_IN);
    }

    @Test
    void theWayToBothSeenFromEachSide() {
        // RFC 3921 §8.2–§8.3, RFC 6121 §3.1: the user subscribes, the contact approves and subscribes back.
        SubscriptionState user = SubscriptionState.NONE;
        SubscriptionState contact = SubscriptionState.NONE;

        user = user.outbound(SubscriptionAction.SUBSCRIBE).next();
        SubscriptionState.InboundRule atContact = contact.inbound(SubscriptionAction.SUBSCRIBE);
        contact = atContact.next();
        assertThat(user).isEqualTo(SubscriptionState.NONE_PENDING_OUT);
        assertThat(atContact.deliver()).isEqualTo(Obligation.MUST);
        assertThat(atContact.pushesRoster()).as("no roster item for an unanswered request").isFalse();

        contact = contact.outbound(SubscriptionAction.SUBSCRIBED).next();
        SubscriptionState.InboundRule atUser = user.inbound(SubscriptionAction.SUBSCRIBED);
        user = atUser.next();
        assertThat(contact).isEqualTo(SubscriptionState.FROM);
        assertThat(user).isEqualTo(SubscriptionState.TO);
        assertThat(atUser.pushesRoster()).isTrue();

        contact = contact.outbound(SubscriptionAction.SUBSCRIBE).next();
        user = user.inbound(SubscriptionAction.SUBSCRIBE).next();
        user = user.outbound(SubscriptionAction.SUBSCRIBED).next();
        contact = contact.inbound(SubscriptionAction.SUBSCRIBED).next();
        assertThat(user).isEqualTo(SubscriptionState.BOTH);
        assertThat(contact).isEqualTo(SubscriptionState.BOTH);
    }

    @Test
    void aPreApprovedRequestIsAnsweredByTheServerAndNotDelivered() {
        // RFC 6121 §3.4.2.
        SubscriptionState.InboundRule rule = SubscriptionState.NONE.inbound(SubscriptionAction.SUBSCRIBE, true);
        assertThat(rule.deliver()).isEqualTo(Obligation.MUST_NOT);
        assertThat(rule.autoReply()).isEqualTo(SubscriptionAction.SUBSCRIBED);
        assertThat(rule.next()).isEqualTo(SubscriptionState.FROM);
        assertThat(SubscriptionState.TO.inbound(SubscriptionAction.SUBSCRIBE, true).next())
                .isEqualTo(SubscriptionState.BOTH);
        assertThat(SubscriptionState.NONE_PENDING_OUT.inbound(SubscriptionAction.SUBSCRIBE, true).next())
                .isEqualTo(SubscriptionState.FROM_PENDING_OUT);
        assertThat(SubscriptionState.BOTH.inbound(SubscriptionAction.SUBSCRIBE, true))
                .as("no pre-approval in a state with 'from'").isEqualTo(SubscriptionState.BOTH.inbound(
                        SubscriptionAction.SUBSCRIBE));
    }
}
