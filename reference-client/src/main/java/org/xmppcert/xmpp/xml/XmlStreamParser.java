package org.xmppcert.xmpp.xml;

import com.fasterxml.aalto.AsyncByteArrayFeeder;
import com.fasterxml.aalto.AsyncXMLInputFactory;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Objects;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * An incremental parser for one XML stream (RFC 6120 §4.1): bytes go in as they arrive from the
 * socket, split anywhere, and the {@link XmlStreamListener} hears of the stream header, each
 * complete first-level element and the stream's end. It never blocks and never reads ahead.
 *
 * <p>Built on Aalto's non-blocking parser. On top of XML well-formedness it enforces what
 * RFC 6120 §11 restricts: a DTD, a comment, a processing instruction or an entity reference other
 * than the five predefined ones stops the stream with {@link XmlViolation#RESTRICTED_XML}; nothing
 * is ever expanded or fetched (Aalto's non-blocking parser does not process DTD subsets at all).
 * A declared encoding other than UTF-8 is {@link XmlViolation#UNSUPPORTED_ENCODING} (§11.6).
 * {@link XmlLimits} bound the size of each first-level element and the nesting depth.
 *
 * <p>Size limits are checked after each {@value #FEED_CHUNK}-byte piece of input, and a unit is
 * counted from the start of the piece in which it began, so a peer is never blamed for an
 * element within its limit; one that exceeds it is stopped within two pieces.
 *
 * <p>After the first error, or after the stream's end tag, the parser ignores further input.
 * A stream restart (after TLS, SASL or compression) needs a new parser: XML-wise it is a new
 * document. Not thread-safe: feed it from one thread at a time.
 */
public final class XmlStreamParser {

    /** The largest piece handed to the underlying parser at once, and the size-check granularity. */
    public static final int FEED_CHUNK = 2048;

    private static final AsyncXMLInputFactory FACTORY = newFactory();
    private static final int RECENT_BYTES = 512;
    private static final byte[] DOCTYPE = "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII);

    private final XmlLimits limits;
    private final XmlStreamListener listener;
    private final AsyncXMLStreamReader<AsyncByteArrayFeeder> reader;
    private final Deque<Frame> open = new ArrayDeque<>();
    private final RecentBytes recent = new RecentBytes(RECENT_BYTES);

    private int depth;
    private boolean rootSeen;
    private boolean doctypeSeen;
    private int doctypeMatched;
    private boolean finished;
    /** Where {@link #stop()} was called: the offset just past the event that stopped the parser; -1 if not. */
    private long stoppedAt = -1;
    private long bytesFed;
    /** Where the unit being accumulated (a stanza, or anything between stanzas) began, at worst. */
    private long pendingSince;

    public XmlStreamParser(XmlLimits limits, XmlStreamListener listener) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.reader = FACTORY.createAsyncForByteArray();
    }

    private static AsyncXMLInputFactory newFactory() {
        InputFactoryImpl f = new InputFactoryImpl();
        // Report entity references as events so that they can be refused, never replace them.
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        // With DTD support on, a DOCTYPE without internal subset is reported as an event we refuse.
        f.setProperty(XMLInputFactory.SUPPORT_DTD, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
    }

    /**
     * Parses more of the stream. Events are delivered to the listener before this returns.
     *
     * @return the number of bytes at the end of {@code data} that were not parsed because the
     *         parser {@linkplain #stop() stopped} or finished meanwhile, including those after the
     *         stopping element in the piece that held it; 0 normally
     */
    public int feed(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        int off = offset;
        int left = length;
        while (left > 0 && !finished) {
            int n = Math.min(left, FEED_CHUNK);
            long chunkStart = bytesFed;
            recent.add(data, off, n);
            if (!rootSeen && !doctypeSeen) {
                scanForDoctype(data, off, n);
            }
            try {
                // Fed from offset 0: Aalto adds a non-zero start offset into its byte offsets,
                // which stop() relies on to count what it leaves unparsed.
                byte[] piece = off == 0 ? data : Arrays.copyOfRange(data, off, off + n);
                reader.getInputFeeder().feedInput(piece, 0, n);
            } catch (XMLStreamException e) {
                fail(classify(e), clean(e));
                break;
            }
            bytesFed += n;
            off += n;
            left -= n;
            drain(chunkStart);
            if (stoppedAt >= 0) {
                // The rest of this piece was handed to Aalto but never parsed: count it as unread.
                return left + (int) Math.max(0, bytesFed - stoppedAt);
            }
            if (!finished && bytesFed - pendingSince > (long) limits.maxStanzaBytes() + FEED_CHUNK) {
                fail(XmlViolation.LIMIT_EXCEEDED, (depth >= 2 ? "a first-level element" : "data between elements")
                        + " exceeds the limit of " + limits.maxStanzaBytes() + " bytes");
            }
        }
        return left;
    }

    /**
     * Stops parsing: no more events are delivered, further input is ignored. Called from the
     * listener when an element ends this XML document early (e.g. {@code <proceed/>}, after which
     * the stream is restarted over TLS).
     */
    public void stop() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            stoppedAt = reader.getLocationInfo().getEndingByteOffset();
        } catch (XMLStreamException | RuntimeException e) {
            stoppedAt = -1;
        }
    }

    /** Whether the stream has ended, failed or been stopped. */
    public boolean isFinished() {
        return finished;
    }

    /** The number of bytes handed to this parser. */
    public long bytesRead() {
        return bytesFed;
    }

    private void drain(long chunkStart) {
        try {
            while (!finished) {
                int event = reader.next();
                if (event == AsyncXMLStreamReader.EVENT_INCOMPLETE) {
                    return;
                }
                handle(event, chunkStart);
            }
        } catch (XMLStreamException e) {
            fail(classify(e), clean(e));
        }
    }

    private void handle(int event, long chunkStart) throws XMLStreamException {
        switch (event) {
            case XMLStreamConstants.START_DOCUMENT -> checkEncoding();
            case XMLStreamConstants.DTD -> fail(XmlViolation.RESTRICTED_XML, "a document type declaration (DTD)");
            case XMLStreamConstants.COMMENT -> fail(XmlViolation.RESTRICTED_XML, "a comment");
            case XMLStreamConstants.PROCESSING_INSTRUCTION ->
                    fail(XmlViolation.RESTRICTED_XML, "a processing instruction <?" + reader.getPITarget() + "…?>");
            case XMLStreamConstants.ENTITY_REFERENCE ->
                    fail(XmlViolation.RESTRICTED_XML, "the entity reference &" + reader.getLocalName() + ";");
            case XMLStreamConstants.START_ELEMENT -> startElement(chunkStart);
            case XMLStreamConstants.END_ELEMENT -> endElement(chunkStart);
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text(chunkStart);
            default -> {
                // END_DOCUMENT cannot come before the root closes; nothing else carries content.
            }
        }
    }

    private void checkEncoding() {
        String declared = reader.getCharacterEncodingScheme();
        if (declared != null && !declared.equalsIgnoreCase("UTF-8")) {
            fail(XmlViolation.UNSUPPORTED_ENCODING, "the XML declaration names the encoding " + declared);
        }
    }

    private void startElement(long chunkStart) {
        depth++;
        if (depth > limits.maxDepth()) {
            fail(XmlViolation.LIMIT_EXCEEDED, "elements nested deeper than " + limits.maxDepth() + " levels");
            return;
        }
        Element.Builder b = Element.builder(reader.getLocalName(), nullToEmpty(reader.getNamespaceURI()))
                .prefix(nullToEmpty(reader.getPrefix()));
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            b.declareNamespace(nullToEmpty(reader.getNamespacePrefix(i)), nullToEmpty(reader.getNamespaceURI(i)));
        }
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            b.attribute(new Attribute(nullToEmpty(reader.getAttributeNamespace(i)), reader.getAttributeLocalName(i),
                    nullToEmpty(reader.getAttributePrefix(i)), reader.getAttributeValue(i)));
        }
        if (depth == 1) {
            rootSeen = true;
            pendingSince = chunkStart;
            listener.onStreamOpen(b.build());
            return;
        }
        if (depth == 2) {
            pendingSince = chunkStart;
        }
        Frame parent = open.peek();
        if (parent != null) {
            parent.flushText();
        }
        open.push(new Frame(b));
    }

    private void endElement(long chunkStart) {
        depth--;
        if (depth == 0) {
            finished = true;
            listener.onStreamClose();
            return;
        }
        Frame frame = open.pop();
        frame.flushText();
        Element element = frame.builder.build();
        if (depth == 1) {
            pendingSince = chunkStart;
            listener.onElement(element);
        } else {
            open.peek().builder.child(element);
        }
    }

    private void text(long chunkStart) {
        if (depth >= 2) {
            open.peek().text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
        } else if (depth == 1) {
            if (!isWhitespace(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength())) {
                fail(XmlViolation.BAD_FORMAT, "character data between first-level elements");
                return;
            }
            pendingSince = chunkStart;
        }
    }

    /** Matches "<!DOCTYPE" across pieces of input, in the prolog only. */
    private void scanForDoctype(byte[] data, int off, int len) {
        for (int i = off; i < off + len && !doctypeSeen; i++) {
            doctypeMatched = data[i] == DOCTYPE[doctypeMatched] ? doctypeMatched + 1 : (data[i] == DOCTYPE[0] ? 1 : 0);
            doctypeSeen = doctypeMatched == DOCTYPE.length;
        }
    }

    private XmlViolation classify(XMLStreamException e) {
        // Aalto's non-blocking parser rejects an internal DTD subset as a syntax error; it is still a DTD.
        if (!rootSeen && doctypeSeen) {
            return XmlViolation.RESTRICTED_XML;
        }
        // An entity reference in an attribute value cannot be reported as an event, only as an error.
        String m = e.getMessage();
        if (m != null && m.contains("ENTITY_REFERENCE")) {
            return XmlViolation.RESTRICTED_XML;
        }
        return XmlViolation.NOT_WELL_FORMED;
    }

    private static String clean(XMLStreamException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int at = m.indexOf("\n at [");
        m = (at > 0 ? m.substring(0, at) : m).replaceAll("\\s+", " ").trim();
        int loc = m.indexOf(" at [row,col");
        return loc > 0 ? m.substring(0, loc).trim() : m;
    }

    private void fail(XmlViolation violation, String message) {
        if (finished) {
            return;
        }
        finished = true;
        open.clear();
        listener.onError(new XmlStreamError(violation, message, bytesFed, recent.asLenientUtf8()));
    }

    private static boolean isWhitespace(char[] chars, int start, int len) {
        for (int i = start; i < start + len; i++) {
            char c = chars[i];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** An element being read, with its pending character data. */
    private static final class Frame {
        final Element.Builder builder;
        final StringBuilder text = new StringBuilder();

        Frame(Element.Builder builder) {
            this.builder = builder;
        }

        void flushText() {
            if (text.length() > 0) {
                builder.text(text.toString());
                text.setLength(0);
            }
        }
    }
}
