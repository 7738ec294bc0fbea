package org.xmppcert.xmpp.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.xmppcert.xmpp.xml.Element;
import org.xmppcert.xmpp.transcript.SecretMasker;
import org.xmppcert.xmpp.transcript.TranscriptListener;
import org.xmppcert.xmpp.xml.XmlLimits;

/**
 * How a session behaves regardless of whom it talks to: bounds on waiting and on what the peer
 * may make it hold, the transcript listeners and the secrets to mask. Immutable.
 */
public final class SessionOptions {

    /** The default bound on any single expected reply. */
    public static final Duration DEFAULT_REPLY_TIMEOUT = Duration.ofSeconds(10);
    /** The default bound on one TCP connection attempt. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final XmlLimits xmlLimits;
    private final Duration replyTimeout;
    private final Duration connectTimeout;
    private final List<TranscriptListener> listeners;
    private final SecretMasker masker;
    private final String lang;
    private final int maxQueuedElements;
    private final int maxQueuedChars;
    private final Function<Element, List<Element>> inboundTamper;

    private SessionOptions(Builder b) {
        this.xmlLimits = b.xmlLimits;
        this.replyTimeout = b.replyTimeout;
        this.connectTimeout = b.connectTimeout;
        this.listeners = List.copyOf(b.listeners);
        this.masker = b.masker;
        this.lang = b.lang;
        this.maxQueuedElements = b.maxQueuedElements;
        this.maxQueuedChars = b.maxQueuedChars;
        this.inboundTamper = b.inboundTamper;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static SessionOptions defaults() {
        return builder().build();
    }

    public XmlLimits xmlLimits() {
        return xmlLimits;
    }

    public Duration replyTimeout() {
        return replyTimeout;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public List<TranscriptListener> listeners() {
        return listeners;
    }

    /** The masker shared by the session and its negotiation; secrets are added as they become known. */
    public SecretMasker masker() {
        return masker;
    }

    /** The {@code xml:lang} of our stream header (RFC 6120 §4.7.4), or {@code null} for none. */
    public String lang() {
        return lang;
    }

    /** Received elements waiting to be taken, at most: the oldest are dropped past it. */
    public int maxQueuedElements() {
        return maxQueuedElements;
    }

    /** Received elements waiting to be taken, at most this many characters in all. */
    public int maxQueuedChars() {
        return maxQueuedChars;
    }

    /**
     * What turns each received element into what the session sees, or {@code null} (the norm)
     * for nothing. See {@link Builder#inboundTamper}.
     */
    public Function<Element, List<Element>> inboundTamper() {
        return inboundTamper;
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.xmlLimits = xmlLimits;
        b.replyTimeout = replyTimeout;
        b.connectTimeout = connectTimeout;
        b.listeners.addAll(listeners);
        b.masker = masker;
        b.lang = lang;
        b.maxQueuedElements = maxQueuedElements;
        b.maxQueuedChars = maxQueuedChars;
        b.inboundTamper = inboundTamper;
        return b;
    }

    /** Builds {@link SessionOptions}. */
    public static final class Builder {
        private XmlLimits xmlLimits = XmlLimits.DEFAULT;
        private Duration replyTimeout = DEFAULT_REPLY_TIMEOUT;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private final List<TranscriptListener> listeners = new ArrayList<>();
        private SecretMasker masker = new SecretMasker();
        private String lang = "en";
        private int maxQueuedElements = 10_000;
        private int maxQueuedChars = 16 * 1024 * 1024;
        private Function<Element, List<Element>> inboundTamper;

        private Builder() {
        }

        public Builder xmlLimits(XmlLimits limits) {
            this.xmlLimits = Objects.requireNonNull(limits);
            return this;
        }

        public Builder replyTimeout(Duration timeout) {
            this.replyTimeout = positive(timeout);
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout);
            return this;
        }

        public Builder transcriptListener(TranscriptListener listener) {
            listeners.add(Objects.requireNonNull(listener));
            return this;
        }

        public Builder masker(SecretMasker masker) {
            this.masker = Objects.requireNonNull(masker);
            return this;
        }

        public Builder lang(String lang) {
            this.lang = lang;
            return this;
        }

        public Builder maxQueued(int elements, int chars) {
            if (elements < 1 || chars < 1) {
                throw new IllegalArgumentException("queue bounds must be positive");
            }
            this.maxQueuedElements = elements;
            this.maxQueuedChars = chars;
            return this;
        }

        /**
         * Makes a conforming server look broken: every element received after the stream header
         * is replaced by what the function returns (none drops it, several inject), before the
         * transcript records it and before anyone sees it. It exists to prove that a check can
         * fail (the negative controls of the scenarios): a certification run never sets it.
         */
        public Builder inboundTamper(Function<Element, List<Element>> tamper) {
            this.inboundTamper = tamper;
            return this;
        }

        public SessionOptions build() {
            return new SessionOptions(this);
        }

        private static Duration positive(Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("a timeout must be positive, was " + d);
            }
            return d;
        }
    }
}
