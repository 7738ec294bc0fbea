package org.xmppcert.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.xmppcert.reports.model.Judgement;
import org.xmppcert.reports.model.Report;
import org.xmppcert.reports.model.RequirementResult;
import org.xmppcert.reports.model.ScenarioResult;
import org.xmppcert.reports.model.Software;
import org.xmppcert.reports.model.Status;
import org.xmppcert.reports.model.Target;
import org.xmppcert.reports.model.Verdict;
import org.xmppcert.reports.model.WireEntry;

/**
 * Reports for the writers' tests: three specifications, every status, hostile server text in a
 * stanza and in the software name, an offending stanza, a masked SASL PLAIN exchange.
 */
public final class SampleReports {
    /** Markup a hostile server puts wherever it can. */
    public static final String HOSTILE = "</script><img src=x onerror=alert(1)>";
    /** The credential of the masked PLAIN exchange: base64 of "\0alice\0s3cr3t-pw". */
    public static final String PLAIN_CREDENTIAL = "AGFsaWNlAHMzY3IzdC1wdw==";
    /** Its password. */
    public static final String PASSWORD = "s3cr3t-pw";
    public static final Instant START = Instant.parse("2026-12-07T23:00:00.125Z");

    private SampleReports() {
    }

    /** NOT_COMPLIANT, complete, with every status. */
    public static Report mixed() {
        return mixed(true);
    }

    public static Report mixed(boolean complete) {
        List<RequirementResult> reqs = List.of(
                req("RFC3920-9.2.3-iq-reply", "RFC 3920", "9.2.3", "MUST", Status.PASS, "iq-unknown-namespace"),
                req("RFC3920-9.3-error-syntax", "RFC 3920", "9.3", "MUST", Status.FAIL, "iq-unknown-namespace",
                        "iq-error-syntax"),
                req("RFC3920-4.4-stream-id", "RFC 3920", "4.4", "SHOULD", Status.WARN, "stream-header"),
                req("RFC3920-6.1-sasl-plain", "RFC 3920", "6.1", "MUST", Status.PASS, "sasl-plain"),
                req("RFC3921-7.3-roster-get", "RFC 3921", "7.3", "MUST", Status.ERROR, "roster-get"),
                req("RFC3921-7.4-roster-push", "RFC 3921", "7.4", "MUST", Status.NOT_TESTED),
                req("XEP0030-3.1-info", "XEP-0030", "3.1", "MUST", Status.PASS, "disco-info-server"),
                req("XEP0030-3.2-items", "XEP-0030", "3.2", "MAY", Status.NOT_APPLICABLE, "disco-items-server"));
        Instant t = START.plusMillis(10);
        List<ScenarioResult> scenarios = List.of(
                new ScenarioResult("iq-unknown-namespace", "An IQ get in an unknown namespace is answered with an error",
                        "RFC 3920", Status.FAIL, 120, List.of("RFC3920-9.2.3-iq-reply", "RFC3920-9.3-error-syntax"),
                        "RFC3920-9.3-error-syntax: the error has no condition",
                        List.of(new Judgement("RFC3920-9.2.3-iq-reply", Status.PASS, "answered", null,
                                        "<iq type='error' id='u1'/>"),
                                new Judgement("RFC3920-9.3-error-syntax", Status.FAIL,
                                        "expected an error with a defined condition",
                                        "<iq type='error' id='u1'><error type='cancel'><service-unavailable/></error></iq>",
                                        "<iq type='error' id='u1'><error type='cancel'><text>" + HOSTILE
                                                + "</text></error></iq>")),
                        List.of(new WireEntry(t, "a", "OUT", "<iq type='get' id='u1'><query xmlns='urn:x'/></iq>", false),
                                new WireEntry(t.plusMillis(5), "a", "IN", "<iq type='error' id='u1'><error type='cancel'><text>"
                                        + HOSTILE + "</text></error></iq>", true),
                                new WireEntry(t.plusMillis(6), "a", "EVENT", "closed: " + HOSTILE, false))),
                new ScenarioResult("iq-error-syntax", "An error reply carries one condition", "RFC 3920", Status.PASS, 80,
                        List.of("RFC3920-9.3-error-syntax"), null,
                        List.of(new Judgement("RFC3920-9.3-error-syntax", Status.PASS, "ok", "<iq type='error'/>",
                                "<iq type='error'><error type='cancel'><bad-request/></error></iq>")),
                        List.of(new WireEntry(t, "b", "IN", "<iq type='error'/>", false))),
                new ScenarioResult("stream-header", "The stream header has an id", "RFC 3920", Status.WARN, 40,
                        List.of("RFC3920-4.4-stream-id"), "no id attribute",
                        List.of(new Judgement("RFC3920-4.4-stream-id", Status.WARN, "no id attribute",
                                "<stream:stream id='{any}'/>", "<stream:stream from='example.org'>")),
                        List.of(new WireEntry(t, "a", "IN", "<stream:stream from='example.org'>", true))),
                new ScenarioResult("sasl-plain", "SASL PLAIN succeeds", "RFC 3920", Status.PASS, 30,
                        List.of("RFC3920-6.1-sasl-plain"), null,
                        List.of(new Judgement("RFC3920-6.1-sasl-plain", Status.PASS, "authenticated", null,
                                "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>")),
                        List.of(new WireEntry(t, "alice/1", "OUT",
                                        "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>"
                                                + "[redacted: 24 characters]</auth>", false),
                                new WireEntry(t.plusMillis(3), "alice/1", "IN",
                                        "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>", false))),
                new ScenarioResult("roster-get", "A roster get is answered", "RFC 3921", Status.ERROR, 5000,
                        List.of("RFC3921-7.3-roster-get"), "timed out after PT5S waiting for the roster result",
                        List.of(new Judgement("RFC3921-7.3-roster-get", Status.ERROR, "timed out", "<iq type='result'/>",
                                null)),
                        List.of(new WireEntry(t, "a", "OUT", "<iq type='get'><query xmlns='jabber:iq:roster'/></iq>",
                                false))),
                new ScenarioResult("disco-info-server", "disco#info of the server", "XEP-0030", Status.PASS, 20,
                        List.of("XEP0030-3.1-info"), null,
                        List.of(new Judgement("XEP0030-3.1-info", Status.PASS, "identity present", null, "<query/>")),
                        List.of()),
                new ScenarioResult("disco-items-server", "disco#items of the server", "XEP-0030", Status.NOT_APPLICABLE,
                        10, List.of("XEP0030-3.2-items"), "the server offers no items",
                        List.of(new Judgement("XEP0030-3.2-items", Status.NOT_APPLICABLE, "feature absent", null, null)),
                        List.of()));
        return new Report("xmppcert", "0.1.0-TEST", "basic-client-2008",
                new Target("server", "example.org", "127.0.0.1", 5222, new Software("Evil " + HOSTILE, "1.0 & <b>", "Linux")),
                START, 65_432, complete, Verdict.NOT_COMPLIANT, counts(reqs), reqs, scenarios);
    }

    /** A report in which one scenario has {@code entries} transcript entries, the middle one offending. */
    public static Report withLongTranscript(int entries) {
        Report base = mixed();
        List<WireEntry> t = new ArrayList<>(entries);
        for (int i = 0; i < entries; i++) {
            t.add(new WireEntry(START.plusMillis(i), "a", i % 2 == 0 ? "OUT" : "IN", "<message id='m" + i + "'/>",
                    i == entries / 2));
        }
        List<ScenarioResult> scenarios = new ArrayList<>(base.scenarios());
        ScenarioResult first = scenarios.get(0);
        scenarios.set(0, new ScenarioResult(first.id(), first.title(), first.spec(), first.status(), first.durationMs(),
                first.requirements(), first.message(), first.judgements(), t));
        return new Report(base.tool(), base.version(), base.profile(), base.target(), base.start(), base.durationMs(),
                base.complete(), base.verdict(), base.counts(), base.requirements(), scenarios);
    }

    /** An empty run: nothing in scope, nothing ran (still a valid report). */
    public static Report empty() {
        return new Report("xmppcert", "0.1.0-TEST", "basic-client-2008", new Target("server", "example.org", null, 0, null),
                START, 0, false, Verdict.COMPLIANT, Map.of(), List.of(), List.of());
    }

    public static RequirementResult req(String id, String spec, String section, String level, Status status,
            String... scenarios) {
        return new RequirementResult(id, spec, section, "RFC 6120 " + section, level, "server",
                "Summary of " + id + " & <things>", status, List.of(scenarios),
                scenarios.length == 0 ? "no scenario yet: <why> & more" : null);
    }

    public static Map<Status, Integer> counts(List<RequirementResult> reqs) {
        Map<Status, Integer> m = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            m.put(s, 0);
        }
        reqs.forEach(r -> m.merge(r.status(), 1, Integer::sum));
        return m;
    }
}
