package io.presencekit.sip;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One NOTIFY of a subscription (RFC 6665, section 4.1.3), as delivered to a
 * {@link SubscriptionListener}: the {@code Subscription-State} with its {@code reason},
 * {@code expires} and {@code retry-after} parameters, the body with its content type (a pending
 * notification usually has none), a few headers of interest, the CSeq, and the Call-ID of the
 * dialog it belongs to (a new Call-ID means a new subscription: versioned packages restart
 * their version count).
 *
 * <p>Immutable and thread-safe (the body is copied in and out).
 */
public final class Notification {
    private final String event;
    private final SubscriptionState state;
    private final String reasonText;
    private final Duration expires;
    private final Duration retryAfter;
    private final String contentType;
    private final byte[] body;
    private final Map<String, List<String>> headers;
    private final long cseq;
    private final String callId;

    /**
     * @param event       the Event header's package
     * @param state       the subscription state
     * @param reasonText  the {@code reason} parameter as sent, or null
     * @param expires     the {@code expires} parameter, or null
     * @param retryAfter  the {@code retry-after} parameter, or null
     * @param contentType the Content-Type header value with its parameters, or null without a body
     * @param body        the body (empty when none)
     * @param headers     selected headers by name, values in order
     * @param cseq        the CSeq number
     * @param callId      the dialog's Call-ID
     */
    public Notification(String event, SubscriptionState state, String reasonText, Duration expires,
            Duration retryAfter, String contentType, byte[] body, Map<String, List<String>> headers, long cseq,
            String callId) {
        this.event = Objects.requireNonNull(event, "event");
        this.state = Objects.requireNonNull(state, "state");
        this.reasonText = reasonText;
        this.expires = expires;
        this.retryAfter = retryAfter;
        this.contentType = contentType;
        this.body = body == null ? new byte[0] : body.clone();
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.headers = Collections.unmodifiableMap(copy);
        this.cseq = cseq;
        this.callId = Objects.requireNonNull(callId, "callId");
    }

    /** The event package of the Event header. */
    public String event() {
        return event;
    }

    /** The subscription state. */
    public SubscriptionState state() {
        return state;
    }

    /** The termination reason, when the state is terminated and a reason was given. */
    public Optional<SubscriptionReason> reason() {
        return Optional.ofNullable(reasonText).map(SubscriptionReason::parse);
    }

    /** The {@code reason} parameter exactly as sent (also an unknown one). */
    public Optional<String> reasonText() {
        return Optional.ofNullable(reasonText);
    }

    /** The {@code expires} parameter: how long the notifier keeps the subscription. */
    public Optional<Duration> expires() {
        return Optional.ofNullable(expires);
    }

    /** The {@code retry-after} parameter of a terminated subscription. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The Content-Type value with its parameters (for example a multipart boundary), if a body came. */
    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    /** The media type alone ({@code type/subtype}, lower case), if a body came. */
    public Optional<String> mediaType() {
        return contentType().map(c -> {
            int semi = c.indexOf(';');
            return (semi < 0 ? c : c.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        });
    }

    /** Whether the notification carries a body. */
    public boolean hasBody() {
        return body.length > 0;
    }

    /** A copy of the body (empty when none). */
    public byte[] body() {
        return body.clone();
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The selected headers (Event, Subscription-State, Content-Type, Content-ID, Require, From, To, Contact). */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The values of header {@code name} (case-insensitive), empty when absent. */
    public List<String> header(String name) {
        List<String> out = new ArrayList<>();
        headers.forEach((k, v) -> {
            if (k.equalsIgnoreCase(name)) {
                out.addAll(v);
            }
        });
        return out;
    }

    /** The CSeq number of the NOTIFY. */
    public long cseq() {
        return cseq;
    }

    /** The Call-ID of the subscription's dialog. */
    public String callId() {
        return callId;
    }

    @Override
    public String toString() {
        return "Notification[" + event + " " + state.name().toLowerCase(Locale.ROOT)
                + (reasonText != null ? ";reason=" + reasonText : "") + (expires != null ? ";expires="
                + expires.toSeconds() : "") + ", cseq=" + cseq + ", " + body.length + " bytes"
                + (contentType != null ? " " + contentType : "") + "]";
    }
}
