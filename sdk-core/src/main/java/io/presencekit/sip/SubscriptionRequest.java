package io.presencekit.sip;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a SUBSCRIBE asks for (RFC 6665, section 4.1.2): the target resource, the event package,
 * the Accept types, the duration (default: the account's subscribe interval), extra headers
 * (for example {@code Supported: eventlist} for a resource list, RFC 4662, section 5.1), and an
 * optional body with its content type (xcap-diff, RFC 5875, sends the documents to watch), plus
 * the {@link RetryPolicy}. The extra headers and the body go into every SUBSCRIBE of the
 * subscription, refreshes and the un-SUBSCRIBE included (a Kamailio resource list server needs
 * {@code Supported: eventlist} on each).
 *
 * <p>Immutable and thread-safe.
 */
public final class SubscriptionRequest {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9.!%*_+`'~-]+");
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9.!%*_+`'~-]+");
    private static final java.util.Set<String> RESERVED = java.util.Set.of("via", "from", "to", "call-id", "cseq",
            "contact", "event", "accept", "expires", "content-type", "content-length", "max-forwards", "route",
            "authorization", "proxy-authorization");

    /** One extra header line. */
    public record Header(String name, String value) {
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (!HEADER_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a header name: " + name);
            }
            if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(name + " is set by the subscription itself");
            }
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a header value must be one line: " + name);
            }
        }
    }

    private final String target;
    private final String event;
    private final List<String> accept;
    private final Duration expires;
    private final List<Header> headers;
    private final byte[] body;
    private final String contentType;
    private final RetryPolicy retryPolicy;
    private final String from;

    private SubscriptionRequest(Builder b) {
        this.target = b.target;
        this.event = b.event;
        this.accept = List.copyOf(b.accept);
        this.expires = b.expires;
        this.headers = List.copyOf(b.headers);
        this.body = b.body == null ? null : b.body.clone();
        this.contentType = b.contentType;
        this.retryPolicy = b.retryPolicy != null ? b.retryPolicy : RetryPolicy.standard();
        this.from = b.from;
    }

    /** A builder for a subscription to {@code target} (a SIP URI) for {@code event}. */
    public static Builder builder(String target, String event) {
        return new Builder(target, event);
    }

    /** A builder holding this request's values. */
    public Builder toBuilder() {
        Builder b = new Builder(target, event);
        b.accept.addAll(accept);
        b.expires = expires;
        b.headers.addAll(headers);
        b.body = body;
        b.contentType = contentType;
        b.retryPolicy = retryPolicy;
        b.from = from;
        return b;
    }

    /** The resource: Request-URI and To. */
    public String target() {
        return target;
    }

    /** The event package (no parameters). */
    public String event() {
        return event;
    }

    /** The Accept types, in order; empty sends no Accept (the package default applies). */
    public List<String> accept() {
        return accept;
    }

    /** The duration to ask for; empty means the account's subscribe interval. */
    public Optional<Duration> expires() {
        return Optional.ofNullable(expires);
    }

    /** The extra headers. */
    public List<Header> headers() {
        return headers;
    }

    /** A copy of the body, if any. */
    public Optional<byte[]> body() {
        return Optional.ofNullable(body).map(byte[]::clone);
    }

    /** The body's content type, if there is a body. */
    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    /** The retry policy. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /**
     * The identity in From, when it is not the account's AoR: a gateway subscribing on behalf of
     * a user of another network (RFC 3261, section 8.1.1.3 leaves From to the UA). The server must
     * accept that identity from this client without the account's credentials.
     */
    public Optional<String> from() {
        return Optional.ofNullable(from);
    }

    @Override
    public String toString() {
        return "SubscriptionRequest[" + event + " " + target + "]";
    }

    /** Builds a {@link SubscriptionRequest}. Not thread-safe. */
    public static final class Builder {
        private String target;
        private String event;
        private final List<String> accept = new ArrayList<>();
        private Duration expires;
        private final List<Header> headers = new ArrayList<>();
        private byte[] body;
        private String contentType;
        private RetryPolicy retryPolicy;
        private String from;

        private Builder(String target, String event) {
            target(target);
            event(event);
        }

        /** The resource, a {@code sip:} or {@code sips:} URI. */
        public Builder target(String target) {
            Objects.requireNonNull(target, "target");
            String t = target.trim().toLowerCase(Locale.ROOT);
            if (!(t.startsWith("sip:") || t.startsWith("sips:")) || target.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("not a SIP URI: " + target);
            }
            this.target = target.trim();
            return this;
        }

        /** The event package, a token such as {@code presence}. */
        public Builder event(String event) {
            Objects.requireNonNull(event, "event");
            if (!TOKEN.matcher(event).matches()) {
                throw new IllegalArgumentException("not an event package token: " + event);
            }
            this.event = event;
            return this;
        }

        /** Adds Accept media types. */
        public Builder accept(String... types) {
            for (String t : types) {
                Objects.requireNonNull(t, "type");
                if (!t.contains("/") || t.indexOf('\r') >= 0 || t.indexOf('\n') >= 0 || t.contains(",")) {
                    throw new IllegalArgumentException("not a media type: " + t);
                }
                accept.add(t.trim());
            }
            return this;
        }

        /** The duration to ask for (whole seconds, at least 0). */
        public Builder expires(Duration expires) {
            Objects.requireNonNull(expires, "expires");
            if (expires.isNegative() || expires.toSeconds() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("expires out of range: " + expires);
            }
            this.expires = expires;
            return this;
        }

        /** Adds an extra header line, for example {@code header("Supported", "eventlist")}. */
        public Builder header(String name, String value) {
            headers.add(new Header(name, value));
            return this;
        }

        /** The body and its content type ({@code type/subtype} with optional parameters). */
        public Builder body(String contentType, byte[] body) {
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(body, "body");
            if (!contentType.contains("/") || contentType.indexOf('\r') >= 0 || contentType.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("not a content type: " + contentType);
            }
            this.contentType = contentType.trim();
            this.body = body.clone();
            return this;
        }

        /** How to retry after failures (default {@link RetryPolicy#standard()}). */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** The identity in From (a {@code sip:} or {@code sips:} URI), or null for the account's AoR. */
        public Builder from(String uri) {
            if (uri == null) {
                this.from = null;
                return this;
            }
            String t = uri.trim().toLowerCase(Locale.ROOT);
            if (!(t.startsWith("sip:") || t.startsWith("sips:")) || uri.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("not a SIP URI: " + uri);
            }
            this.from = uri.trim();
            return this;
        }

        public SubscriptionRequest build() {
            return new SubscriptionRequest(this);
        }
    }
}
