package org.xmppcert.harness.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import org.xmppcert.xmpp.negotiation.NegotiationReport;
import org.xmppcert.xmpp.session.CloseOutcome;
import org.xmppcert.xmpp.stream.StreamHeader;
import org.xmppcert.xmpp.tls.TlsInfo;
import org.xmppcert.xmpp.transcript.Transcript;
import org.xmppcert.xmpp.transcript.TranscriptEntry;

/**
 * Prints what {@code connect} negotiated, as text for people or as one JSON object for scripts.
 * Everything shown comes from the negotiation report and the redacted transcript.
 */
final class ConnectOutput {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final boolean json;
    private final PrintWriter out;

    ConnectOutput(boolean json, PrintWriter out) {
        this.json = json;
        this.out = out;
    }

    void success(NegotiationReport report, CloseOutcome close, Transcript transcript) {
        if (json) {
            ObjectNode root = toJson(report, transcript);
            root.put("ok", true);
            root.put("close", close.name());
            print(root);
        } else {
            printText(report, transcript);
            out.printf("%-13s %s%n", "Closed:", describe(close));
        }
        out.flush();
    }

    void failure(NegotiationReport report, Failure failure, Transcript transcript) {
        if (json) {
            ObjectNode root = toJson(report, transcript);
            root.put("ok", false);
            ObjectNode error = root.putObject("error");
            error.put("reason", failure.reason());
            error.put("message", failure.message());
            error.put("exitCode", failure.exitCode().code());
            print(root);
        } else {
            printText(report, transcript);
        }
        out.flush();
    }

    private void print(ObjectNode root) {
        try {
            out.println(JSON.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static String describe(CloseOutcome close) {
        return switch (close) {
            case PEER_CLOSED_STREAM -> "the server answered our closing stream tag (RFC 6120 §4.4)";
            case PEER_CLOSED_CONNECTION_ONLY -> "the server closed TCP without its closing stream tag";
            case TIMED_OUT -> "the server did not close its stream within the timeout";
            case ALREADY_CLOSED -> "the connection was already closed";
            case NO_STREAM -> "no stream was open: the connection was closed";
        };
    }

    private void printText(NegotiationReport report, Transcript transcript) {
        report.connectedTo().ifPresent(c -> out.printf("%-13s %s%n", "Connected:", c));
        int n = 1;
        for (NegotiationReport.Stage stage : report.stages()) {
            StreamHeader h = stage.header();
            out.printf("%-13s %s: from=%s id=%s version=%s xml:lang=%s%n", "Stream " + n + ":", stage.name(),
                    h.from(), h.id(), h.version(), h.lang());
            out.printf("%-13s %s%n", "  features:", stage.features().summary().isEmpty() ? "(none)"
                    : String.join("; ", stage.features().summary()));
            n++;
        }
        report.tls().ifPresentOrElse(
                t -> out.printf("%-13s %s, %s; certificate: %s%n", "TLS:", t.protocol(), t.cipherSuite(),
                        t.verdict().summary()),
                () -> out.printf("%-13s %s%n", "TLS:", "not negotiated"));
        report.sasl().ifPresent(s -> out.printf("%-13s %s%n", "SASL:",
                s.mechanism() == null ? "no usable mechanism" : s.mechanism()
                        + (s.channelBindingFlag() == null ? "" : " (channel binding flag " + s.channelBindingFlag() + ")")
                        + (s.succeeded() ? "" : " (failed)")));
        report.compression().ifPresent(c -> out.printf("%-13s %s%n", "Compression:", compression(report, c)));
        report.jid().ifPresent(j -> out.printf("%-13s %s%n", "Bound JID:", j));
        report.session().ifPresent(s -> out.printf("%-13s %s%n", "Session:", switch (s) {
            case NOT_OFFERED -> "not offered (none needed)";
            case SKIPPED_OPTIONAL -> "offered as optional, not established";
            case ESTABLISHED -> "established (RFC 3921 §3)";
        }));
        if (transcript != null) {
            out.println();
            out.println("Transcript (SASL payloads and passwords redacted):");
            out.print(transcript.render());
        }
    }

    private static String compression(NegotiationReport report, NegotiationReport.CompressionOutcome c) {
        String detail = report.compressionDetail().map(d -> " (" + d + ")").orElse("");
        return switch (c) {
            case ACTIVE -> report.compressionMethod().orElse("?") + " (XEP-0138)";
            case NOT_OFFERED -> "not offered";
            case DISABLED -> "disabled (--no-compression)";
            case NO_COMMON_METHOD -> "no supported method offered" + detail;
            case FAILED -> "refused by the server" + detail;
        };
    }

    private static ObjectNode toJson(NegotiationReport report, Transcript transcript) {
        ObjectNode root = JSON.createObjectNode();
        report.connectedTo().ifPresent(c -> root.put("connectedTo", c));
        ArrayNode features = root.putArray("features");
        for (NegotiationReport.Stage stage : report.stages()) {
            ObjectNode s = features.addObject();
            s.put("stage", stage.name());
            ObjectNode header = s.putObject("header");
            StreamHeader h = stage.header();
            header.put("from", h.from());
            header.put("id", h.id());
            header.put("version", h.version());
            header.put("lang", h.lang());
            ArrayNode offered = s.putArray("offered");
            stage.features().summary().forEach(offered::add);
            s.put("xml", stage.features().element().toXml());
        }
        if (report.tls().isPresent()) {
            TlsInfo t = report.tls().get();
            ObjectNode tls = root.putObject("tls");
            tls.put("protocol", t.protocol());
            tls.put("cipher", t.cipherSuite());
            ObjectNode cert = tls.putObject("certificate");
            cert.put("trusted", t.verdict().trusted());
            cert.put("summary", t.verdict().summary());
        } else {
            root.putNull("tls");
        }
        if (report.sasl().isPresent()) {
            NegotiationReport.Sasl s = report.sasl().get();
            ObjectNode sasl = root.putObject("sasl");
            sasl.put("mechanism", s.mechanism());
            sasl.put("succeeded", s.succeeded());
            sasl.put("channelBinding", s.channelBindingFlag());
            sasl.put("selection", s.explanation());
        } else {
            root.putNull("sasl");
        }
        ObjectNode compression = root.putObject("compression");
        compression.put("status", report.compression().map(Enum::name).orElse(null));
        compression.put("method", report.compressionMethod().orElse(null));
        compression.put("detail", report.compressionDetail().orElse(null));
        root.put("jid", report.jid().map(Object::toString).orElse(null));
        root.put("session", report.session().map(Enum::name).orElse(null));
        if (transcript != null) {
            ArrayNode entries = root.putArray("transcript");
            for (TranscriptEntry e : transcript.entries()) {
                ObjectNode entry = entries.addObject();
                entry.put("time", e.time().toString());
                entry.put("direction", e.direction().name());
                entry.put("text", e.text());
            }
        }
        return root;
    }
}
