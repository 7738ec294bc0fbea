#!/usr/bin/env python3
"""Generates the subscription state-table scenarios (RFC 3921 9.2, 9.3; RFC 6121 Appendix A).

The scenario language has no shared setups, so each (state, stanza) scenario repeats the short
exchange that brings alice and bob into the state. This script is the single source of that
repetition: edit ROWS or the setups here, run it from the repository root
(python3 scenarios/tools/gen_substates.py), and commit its output:

  scenarios/src/main/resources/scenarios/substates/sub-out-<type>-<state>.xml
  and prints the lines of scenarios/src/main/resources/scenarios/index.txt that list them

Every scenario has alice (the user) in STATE towards bob (the contact) and alice sending one
subscription stanza to bob. On one server the user's server (outbound, 9.2) and the contact's
server (inbound, 9.3) are the same, and bob's state is the mirror of alice's; what a client sees
is alice's roster push (outbound state change), whether bob receives the stanza (routing and
inbound delivery together) and bob's roster push (inbound state change).
"""
import os

STATES = {
    "none": "None",
    "none-pending-out": "None + Pending Out",
    "none-pending-in": "None + Pending In",
    "none-pending-out-in": "None + Pending Out/In",
    "to": "To",
    "to-pending-in": "To + Pending In",
    "from": "From",
    "from-pending-out": "From + Pending Out",
    "both": "Both",
}
MIRROR = {
    "none": "none", "none-pending-out": "none-pending-in", "none-pending-in": "none-pending-out",
    "none-pending-out-in": "none-pending-out-in", "to": "from", "to-pending-in": "from-pending-out",
    "from": "to", "from-pending-out": "to-pending-in", "both": "both",
}
ACCOUNT = {"a": "alice", "b": "bob"}
OTHER = {"a": "b", "b": "a"}


def push(session, sub, ask=None):
    ask_attr = f' ask="{ask}"' if ask else ""
    jid = "{" + ACCOUNT[OTHER[session]] + "}"
    return (f'<iq xmlns="jabber:client" type="set"><query xmlns="jabber:iq:roster">'
            f'<item jid="{jid}" subscription="{sub}"{ask_attr}/></query></iq>')


class Builder:
    def __init__(self):
        self.lines = []
        self.n = 0

    def send(self, s, stanza):
        self.lines.append(f'  <send session="{s}">{stanza}</send>')

    def expect(self, s, judges, pattern):
        self.lines.append(f'  <expect session="{s}" judges="{judges}">\n    {pattern}\n  </expect>')

    def nothing(self, s, judges, pattern):
        self.lines.append(f'  <expect-nothing session="{s}" judges="{judges}">\n    {pattern}\n  </expect-nothing>')

    def comment(self, text):
        self.lines.append(f'  <!-- {text} -->')

    def sub(self, x, before):
        """x asks the other for a subscription; x's item was `before`."""
        y = OTHER[x]
        self.n += 1
        self.send(x, f'<presence xmlns="jabber:client" to="{{{ACCOUNT[y]}}}" type="subscribe" id="setup-{self.n}"/>')
        self.expect(x, "RFC3921-8.2-subscribe-push-ask", push(x, before, "subscribe"))
        self.expect(y, "RFC3921-8.2-subscribe-delivered",
                    f'<presence xmlns="jabber:client" type="subscribe" from="{{{ACCOUNT[x]}}}"/>')

    def approve(self, x, x_after, y_after):
        """x approves the other's pending request."""
        y = OTHER[x]
        self.n += 1
        self.send(x, f'<presence xmlns="jabber:client" to="{{{ACCOUNT[y]}}}" type="subscribed" id="setup-{self.n}"/>')
        self.expect(x, "RFC3921-8.2-subscribed-push-from" if x_after == "from" else "RFC3921-8.3-mutual-push-both",
                    push(x, x_after))
        self.expect(y, "RFC3921-8.2-subscribed-delivered",
                    f'<presence xmlns="jabber:client" type="subscribed" from="{{{ACCOUNT[x]}}}"/>')
        self.expect(y, "RFC3921-8.2-subscribed-push-to" if y_after == "to" else "RFC3921-8.3-mutual-push-both",
                    push(y, y_after))


def setup(b, state):
    """Brings alice (a) into `state` towards bob (b)."""
    if state == "none":
        return
    if state == "none-pending-out":
        b.sub("a", "none")
    elif state == "none-pending-in":
        b.sub("b", "none")
    elif state == "none-pending-out-in":
        b.sub("a", "none"); b.sub("b", "none")
    elif state == "to":
        b.sub("a", "none"); b.approve("b", "from", "to")
    elif state == "to-pending-in":
        b.sub("a", "none"); b.approve("b", "from", "to"); b.sub("b", "from")
    elif state == "from":
        b.sub("b", "none"); b.approve("a", "from", "to")
    elif state == "from-pending-out":
        b.sub("b", "none"); b.approve("a", "from", "to"); b.sub("a", "from")
    elif state == "both":
        b.sub("a", "none"); b.approve("b", "from", "to"); b.sub("b", "from"); b.approve("a", "both", "both")
    else:
        raise ValueError(state)


def out_id(t, s):
    return f"RFC3921-9.2-out-{t}-{s}"


def in_id(t, s):
    return f"RFC3921-9.3-in-{t}-{s}"


# (stanza type, alice's state, observations). Observations, in order:
#   ("deliver", judges)              bob receives the stanza from alice's bare JID
#   ("no-deliver", judges)           bob receives no stanza of that type
#   ("push", session, sub, ask, noask, judges)   a roster push (noask: checked to carry no ask)
#   ("no-push", session, judges)     no roster push at all
#   ("no-push-sub", session, sub, judges)  no roster push with that subscription
# "{out}" / "{in}" in judges stand for the outbound row (alice's state) and the inbound row
# (bob's mirrored state).
ROUTED = {"subscribe": "RFC3921-9.2-out-subscribe-routed", "unsubscribe": "RFC3921-9.2-out-unsubscribe-routed"}
ROWS = [
    # -------- subscribe: RFC 3921 9.2 MUST route always; the inbound row is table 3
    ("subscribe", "none-pending-in", [
        ("push", "a", "none", "subscribe", False, "RFC3921-8.2-subscribe-push-ask"),
        ("deliver", "{routed} {in}")]),
    ("subscribe", "from", [
        ("push", "a", "from", "subscribe", False, "RFC3921-8.2-subscribe-push-ask"),
        ("deliver", "{routed} {in}")]),
    ("subscribe", "none-pending-out-in", [("no-deliver", "{in}")]),
    ("subscribe", "from-pending-out", [("no-deliver", "{in}")]),
    ("subscribe", "to-pending-in", [("no-deliver", "{in}")]),
    ("subscribe", "both", [("no-deliver", "{in}")]),
    # -------- unsubscribe: MUST route always; the inbound row is table 4
    ("unsubscribe", "none", [("no-deliver", "{in}"), ("no-push", "b", "{in}")]),
    ("unsubscribe", "none-pending-out", [("deliver", "{routed} {in}")]),
    ("unsubscribe", "none-pending-out-in", [("deliver", "{routed} {in}")]),
    ("unsubscribe", "from-pending-out", [
        ("push", "a", "from", None, True, "RFC3921-8.4-unsubscribe-push"),
        ("deliver", "{routed} {in}")]),
    ("unsubscribe", "none-pending-in", [("no-deliver", "{in}"), ("no-push", "b", "{in}")]),
    ("unsubscribe", "from", [("no-deliver", "{in}"), ("no-push", "b", "{in}")]),
    # alice's own push is not judged: her new state is "None + Pending In", where RFC 3921 9.1
    # says the server SHOULD NOT push roster items (ejabberd pushes none; RFC 6121 3.3.2 would)
    ("unsubscribe", "to-pending-in", [
        ("deliver", "{routed} {in}"),
        ("push", "b", "none", "subscribe", False, "{in}")]),
    ("unsubscribe", "both", [
        ("push", "a", "from", None, True, "RFC3921-8.4-unsubscribe-push"),
        ("deliver", "{routed} {in}"),
        ("push", "b", "to", None, False, "{in}")]),
    # -------- subscribed: outbound table 1, inbound table 5
    ("subscribed", "none-pending-out", [("no-push-sub", "a", "from", "{out}"), ("no-deliver", "{out} {in}")]),
    ("subscribed", "none-pending-out-in", [
        ("push", "a", "from", "subscribe", False, "{out}"),
        ("deliver", "{out} {in}"),
        ("push", "b", "to", None, True, "{in}")]),
    ("subscribed", "to", [("no-push-sub", "a", "both", "{out}"), ("no-deliver", "{out} {in}")]),
    ("subscribed", "from", [("no-deliver", "{out} {in}"), ("no-push", "b", "{in}")]),
    # bob ("To + Pending In") may have been pushed his unchanged item when alice's request came
    # in (ejabberd does): only a push of the wrong new state is looked for
    ("subscribed", "from-pending-out", [("no-deliver", "{out} {in}"), ("no-push-sub", "b", "both", "{in}")]),
    ("subscribed", "both", [("no-deliver", "{out} {in}"), ("no-push", "b", "{in}")]),
    # -------- unsubscribed: outbound table 2, inbound table 6
    ("unsubscribed", "none", [("no-deliver", "{out} {in}"), ("no-push", "b", "{in}")]),
    ("unsubscribed", "none-pending-out", [("no-deliver", "{out} {in}"), ("no-push", "b", "{in}")]),
    ("unsubscribed", "to", [("no-push-sub", "a", "none", "{out}"), ("no-deliver", "{out} {in}"),
                            ("no-push", "b", "{in}")]),
    # bob's new state is "None + Pending In": RFC 3921 9.1 says SHOULD NOT push roster items in
    # it, so bob's push is not judged (Prosody pushes 'none', ejabberd nothing)
    ("unsubscribed", "none-pending-out-in", [("deliver", "{out} {in}")]),
    ("unsubscribed", "to-pending-in", [
        ("deliver", "{out} {in}"),
        ("push", "b", "from", None, True, "{in}")]),
    ("unsubscribed", "from-pending-out", [
        ("push", "a", "none", "subscribe", False, "{out}"),
        ("deliver", "{out} {in}")]),  # bob's push not judged: he ends "None + Pending In" (as above)
    ("unsubscribed", "both", [
        ("push", "a", "to", None, True, "{out}"),
        ("deliver", "{out} {in}"),
        ("push", "b", "from", None, True, "{in}")]),
]


def scenario_id(t, state):
    return f"sub-out-{t}-{state}"


def generate(t, state, obs):
    sid = scenario_id(t, state)
    mirror = MIRROR[state]
    subst = {"{out}": out_id(t, state), "{in}": in_id(t, mirror), "{routed}": ROUTED.get(t, "")}

    def j(judges):
        for k, v in subst.items():
            judges = judges.replace(k, v)
        return " ".join(judges.split())

    b = Builder()
    b.lines.append('  <account name="alice"/>')
    b.lines.append('  <account name="bob"/>')
    for s, res in (("a", "home"), ("b", "orchard")):
        b.lines.append(f'  <connect session="{s}" account="{ACCOUNT[s]}" resource="{res}" presence="true"/>')
        b.send(s, f'<iq xmlns="jabber:client" type="get" id="r{s}"><query xmlns="jabber:iq:roster"/></iq>')
        b.expect(s, "RFC3921-7.3-roster-get-result",
                 f'<iq xmlns="jabber:client" type="result" id="r{s}"><query xmlns="jabber:iq:roster"/></iq>')
    b.comment(f'setup: alice "{STATES[state]}" towards bob, bob "{STATES[mirror]}" towards alice')
    setup(b, state)
    b.comment("both sessions have processed the setup (the negative controls hook onto these answers)")
    for s in ("b", "a"):
        b.send(s, f'<iq xmlns="jabber:client" type="get" id="sync-{s}"><query xmlns="jabber:iq:roster"/></iq>')
        b.expect(s, "RFC3921-7.3-roster-get-result",
                 f'<iq xmlns="jabber:client" type="result" id="sync-{s}"><query xmlns="jabber:iq:roster"/></iq>')
    b.comment(f"the stanza under test: alice ({STATES[state]}) sends '{t}' to bob ({STATES[mirror]})")
    b.send("a", f'<presence xmlns="jabber:client" to="{{bob}}" type="{t}" id="t-1"/>')
    for o in obs:
        kind = o[0]
        if kind == "deliver":
            b.expect("b", j(o[1]), f'<presence xmlns="jabber:client" type="{t}" from="{{alice}}"/>')
        elif kind == "no-deliver":
            b.nothing("b", j(o[1]), f'<presence xmlns="jabber:client" type="{t}"/>')
        elif kind == "push":
            _, s, sub, ask, noask, judges = o
            if noask:
                b.nothing(s, j(judges), push(s, sub, "{any}"))
            b.expect(s, j(judges), push(s, sub, ask))
        elif kind == "no-push":
            b.nothing(o[1], j(o[2]),
                      '<iq xmlns="jabber:client" type="set"><query xmlns="jabber:iq:roster"/></iq>')
        elif kind == "no-push-sub":
            b.nothing(o[1], j(o[3]), push(o[1], o[2]))
        else:
            raise ValueError(kind)
    title = (f"Alice ({STATES[state]}) sends '{t}' to bob ({STATES[mirror]}): "
             + "; ".join(describe(t, o) for o in obs))
    head = (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<!-- Generated by scenarios/tools/gen_substates.py: edit that script, not this file.\n'
            f'     RFC 3921 9.2 (outbound, alice "{STATES[state]}") and 9.3 (inbound, bob "{STATES[mirror]}"), '
            f'RFC 6121 A.2 / A.3. -->\n'
            f'<scenario xmlns="urn:xmppcert:scenario:1" id="{sid}" spec="RFC 3921" subject="server">\n'
            f'  <title>{title}</title>\n')
    return sid, head + "\n".join(b.lines) + "\n</scenario>\n"


def describe(t, o):
    kind = o[0]
    if kind == "deliver":
        return "bob receives it"
    if kind == "no-deliver":
        return "bob does not receive it"
    who = {"a": "alice", "b": "bob"}[o[1]]
    if kind == "push":
        ask = f", ask '{o[3]}'" if o[3] else (", no ask" if o[4] else "")
        return f"{who} is pushed '{o[2]}'{ask}"
    if kind == "no-push":
        return f"{who} gets no roster push"
    return f"{who} is not pushed '{o[2]}'"


def main():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "main", "resources", "scenarios")
    out = os.path.join(root, "substates")
    os.makedirs(out, exist_ok=True)
    index = ["# subscription state tables (RFC 3921 9.2, 9.3): generated by scenarios/tools/gen_substates.py"]
    for t, state, obs in ROWS:
        sid, xml = generate(t, state, obs)
        with open(os.path.join(out, sid + ".xml"), "w") as f:
            f.write(xml)
        index.append(f"substates/{sid}.xml")
    print("\n".join(index))




# ---------------------------------------------------------------- catalog entries
# RFC 3921 9.2 tables 1-2 (outbound: route?, new state) and 9.3 tables 3-6 (inbound: deliver?, new state)
TABLES = {
    ("out", "subscribed"): {"none": (0, None), "none-pending-out": (0, None), "none-pending-in": (1, "from"),
                            "none-pending-out-in": (1, "from-pending-out"), "to": (0, None), "to-pending-in": (1, "both"),
                            "from": (0, None), "from-pending-out": (0, None), "both": (0, None)},
    ("out", "unsubscribed"): {"none": (0, None), "none-pending-out": (0, None), "none-pending-in": (1, "none"),
                              "none-pending-out-in": (1, "none-pending-out"), "to": (0, None), "to-pending-in": (1, "to"),
                              "from": (1, "none"), "from-pending-out": (1, "none-pending-out"), "both": (1, "to")},
    ("in", "subscribe"): {"none": (1, "none-pending-in"), "none-pending-out": (1, "none-pending-out-in"),
                          "none-pending-in": (0, None), "none-pending-out-in": (0, None), "to": (1, "to-pending-in"),
                          "to-pending-in": (0, None), "from": (0, None), "from-pending-out": (0, None), "both": (0, None)},
    ("in", "unsubscribe"): {"none": (0, None), "none-pending-out": (0, None), "none-pending-in": (1, "none"),
                            "none-pending-out-in": (1, "none-pending-out"), "to": (0, None), "to-pending-in": (1, "to"),
                            "from": (1, "none"), "from-pending-out": (1, "none-pending-out"), "both": (1, "to")},
    ("in", "subscribed"): {"none": (0, None), "none-pending-out": (1, "to"), "none-pending-in": (0, None),
                           "none-pending-out-in": (1, "to-pending-in"), "to": (0, None), "to-pending-in": (0, None),
                           "from": (0, None), "from-pending-out": (1, "both"), "both": (0, None)},
    ("in", "unsubscribed"): {"none": (0, None), "none-pending-out": (1, "none"), "none-pending-in": (0, None),
                             "none-pending-out-in": (1, "none-pending-in"), "to": (1, "none"),
                             "to-pending-in": (1, "none-pending-in"), "from": (0, None),
                             "from-pending-out": (1, "from"), "both": (1, "from")},
}
TABLE_NO = {("out", "subscribed"): 1, ("out", "unsubscribed"): 2, ("in", "subscribe"): 3,
            ("in", "unsubscribe"): 4, ("in", "subscribed"): 5, ("in", "unsubscribed"): 6}
RFC6121 = {("out", "subscribed"): "A.2.3", ("out", "unsubscribed"): "A.2.4", ("in", "subscribe"): "A.3.1",
           ("in", "unsubscribe"): "A.3.2", ("in", "subscribed"): "A.3.3", ("in", "unsubscribed"): "A.3.4"}


def level_and_revision(d, t, s, yes):
    ref = "RFC 6121 " + RFC6121[(d, t)]
    if yes:
        return "MUST", f"{ref} (MUST, same new state)"
    if d == "out" and t == "subscribed":
        extra = "; in this state a server supporting pre-approval (3.4) records one instead" \
            if s in ("none", "none-pending-out", "to") else ""
        return "MUST_NOT", f"{ref} (MUST NOT route{extra})"
    if d == "out":
        extra = "; may cancel a pre-approval (3.4)" if s in ("none", "none-pending-out", "to") else ""
        return "MUST_NOT", f"{ref} (SHOULD NOT route, MUST NOT change the state{extra})"
    if t == "subscribed" and s in ("none", "none-pending-in", "from"):
        return "MUST_NOT", f"{ref} (relaxed to SHOULD NOT deliver; MUST NOT change the state)"
    if t == "subscribe":
        extra = "; SHOULD auto-reply 'subscribed'" if s in ("from", "from-pending-out", "both") else ""
        return "SHOULD_NOT", f"{ref} (SHOULD NOT deliver{extra})"
    return "SHOULD_NOT", f"{ref} (SHOULD NOT deliver, MUST NOT change the state)"


def summary(d, t, s, yes, new):
    who = "the user" if d == "out" else "the contact (the user's server, inbound)"
    if d == "out":
        if yes:
            return (f"In state '{STATES[s]}' an outbound '{t}' is routed to the contact and the user's state becomes "
                    f"'{STATES[new]}' (a roster push follows where the item changes).")
        return (f"In state '{STATES[s]}' an outbound '{t}' changes nothing (MUST NOT: no roster push with a new "
                f"subscription) and is not routed (SHOULD NOT; observable as the contact not receiving it).")
    if yes:
        return (f"In state '{STATES[s]}' an inbound '{t}' is delivered to the user and the state becomes "
                f"'{STATES[new]}' (a roster push follows where the item changes).")
    return (f"In state '{STATES[s]}' an inbound '{t}' is not delivered to the user and changes nothing "
            f"(no roster push).")


COVERED = {
    "RFC3921-9.2-out-subscribed-none": "unsolicited-subscribed-ignored (RFC3921-9.3-subscribed-unsolicited-ignored)",
    "RFC3921-9.3-in-subscribed-none": "unsolicited-subscribed-ignored (RFC3921-9.3-subscribed-unsolicited-ignored)",
    "RFC3921-9.2-out-subscribed-none-pending-in": "subscription-approved (RFC3921-8.2-subscribed-push-from)",
    "RFC3921-9.3-in-subscribed-none-pending-out": "subscription-approved (RFC3921-8.2-subscribed-delivered, -push-to)",
    "RFC3921-9.2-out-subscribed-to-pending-in": "subscription-mutual (RFC3921-8.3-mutual-push-both)",
    "RFC3921-9.3-in-subscribed-from-pending-out": "subscription-mutual (RFC3921-8.3-mutual-push-both)",
    "RFC3921-9.2-out-unsubscribed-none-pending-in": "subscription-refused (RFC3921-8.2.1-unsubscribed-delivered)",
    "RFC3921-9.3-in-unsubscribed-none-pending-out": "subscription-refused (RFC3921-8.2.1-unsubscribed-delivered, -push-none)",
    "RFC3921-9.2-out-unsubscribed-from": "subscription-cancelled (RFC3921-8.5-cancel-push)",
    "RFC3921-9.3-in-unsubscribed-to": "subscription-cancelled (RFC3921-8.5-cancel-push)",
    "RFC3921-9.3-in-unsubscribe-from": "unsubscribe (RFC3921-8.4-unsubscribe-routed)",
    "RFC3921-9.3-in-subscribe-none": "subscribe-request (RFC3921-8.2-subscribe-delivered)",
    "RFC3921-9.3-in-subscribe-none-pending-in": "subscribe-pending-not-redelivered (RFC3921-9.3-subscribe-pending-not-redelivered)",
    "RFC3921-9.3-in-subscribe-from": "resubscribe-not-delivered (RFC3921-9.3-subscribe-approved-not-delivered)",
}


def catalog():
    used = set()
    for t, state, obs in ROWS:
        if t in ("subscribed", "unsubscribed"):
            used.add(out_id(t, state))
        used.add(in_id(t, MIRROR[state]))
    lines = ["  # ---------------------------------------------------------------- 9.2, 9.3 state tables, row by row",
             "  # Generated by scenarios/tools/gen_substates.py (python3 ... --catalog); judged by substates/sub-out-*.",
             "  # Levels follow RFC 3921's text around each table: a row that routes/delivers is MUST (\"MUST route\",",
             "  # \"MUST deliver\"), a row that does not is SHOULD NOT deliver/route with MUST NOT change the state;",
             "  # inbound 'subscribed' without a pending request is MUST NOT (9.3). On one server the outbound",
             "  # routing of a stanza is seen only through the contact's inbound handling of it. A push into",
             "  # 'None + Pending In' is not judged: RFC 3921 9.1 says the server SHOULD NOT push roster items in",
             "  # that state, RFC 6121 3.3.2 / A.3.4 would push (ejabberd 23.01 does not, Prosody does). The",
             "  # auto-replies of tables 3 and 4 are not observable by a client of one server (the replying",
             "  # server's 'subscribed'/'unsubscribed' meets a state in which it is not delivered).",
             "  - id: RFC3921-9.2-out-subscribe-routed",
             "    spec: RFC 3921", '    section: "9.2"', '    revised: "RFC 6121 A.2.1 (MUST route in every state)"',
             "    level: MUST", "    subject: server",
             "    summary: An outbound 'subscribe' is routed to the contact in every state (observable where the contact's inbound row delivers it).",
             "  - id: RFC3921-9.2-out-unsubscribe-routed",
             "    spec: RFC 3921", '    section: "9.2"', '    revised: "RFC 6121 A.2.2 (MUST route in every state)"',
             "    level: MUST", "    subject: server",
             "    summary: An outbound 'unsubscribe' is routed to the contact in every state (observable where the contact's inbound row delivers it)."]
    skipped = []
    for (d, t), table in TABLES.items():
        for s, (yes, new) in table.items():
            rid = out_id(t, s) if d == "out" else in_id(t, s)
            if rid not in used:
                skipped.append(rid)
                continue
            level, rev = level_and_revision(d, t, s, yes)
            lines += [f"  - id: {rid}", "    spec: RFC 3921", f'    section: "{"9.2" if d == "out" else "9.3"}"',
                      f'    revised: "{rev}"', f"    level: {level}", "    subject: server",
                      f"    summary: \"Table {TABLE_NO[(d, t)]}: {summary(d, t, s, yes, new)}\""]
    lines.append("  # Rows without an entry of their own: judged under the older ids by the presence/ scenarios")
    for rid in skipped:
        lines.append(f"  #   {rid}: {COVERED.get(rid, 'NOT COVERED')}")
    print("\n".join(lines))


if __name__ == "__main__":
    import sys
    if sys.argv[1:] == ["--catalog"]:
        catalog()
    else:
        main()
