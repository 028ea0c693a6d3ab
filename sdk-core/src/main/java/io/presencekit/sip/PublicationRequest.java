package io.presencekit.sip;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What to publish and how (RFC 3903, section 4): the event package ({@code presence} unless set),
 * the body's content type ({@code application/pidf+xml} unless set), the expiry asked for (the
 * account's {@link SipAccount#publishInterval()} unless set), the target resource (the account's
 * AoR unless set), an optional first body, and the {@link PublicationRetryPolicy}. Hand it to
 * {@link SipEngine#publish}.
 *
 * <p>Immutable and thread-safe; the body is copied in and out.
 */
public final class PublicationRequest {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9.!%*_+`'~-]+");
    private static final Pattern MEDIA_TYPE = Pattern.compile(
            "[A-Za-z0-9.!%*_+`'~-]+/[A-Za-z0-9.!%*_+`'~-]+(\\s*;\\s*[A-Za-z0-9.!%*_+`'~-]+=[^;\\s]+)*");
    private static final Pattern SIP_URI = Pattern.compile("sips?:([^@;:?\\s]+@)?[^@;?\\s]+(;[^\\s]*)?",
            Pattern.CASE_INSENSITIVE);
    /** The largest expiry accepted: one day. */
    public static final Duration MAX_EXPIRES = Duration.ofDays(1);

    private final String event;
    private final String contentType;
    private final Duration expires;
    private final String target;
    private final byte[] body;
    private final PublicationRetryPolicy retryPolicy;

    private PublicationRequest(Builder b) {
        this.event = b.event;
        this.contentType = b.contentType;
        this.expires = b.expires;
        this.target = b.target;
        this.body = b.body;
        this.retryPolicy = b.retryPolicy;
    }

    /** A builder with every default. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this request's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.event = event;
        b.contentType = contentType;
        b.expires = expires;
        b.target = target;
        b.body = body;
        b.retryPolicy = retryPolicy;
        return b;
    }

    /** The event package (RFC 6665, section 7.2), {@code presence} by default. */
    public String event() {
        return event;
    }

    /** The Content-Type of every body, {@code application/pidf+xml} by default. */
    public String contentType() {
        return contentType;
    }

    /** The expiry asked for; empty means the account's publish interval. */
    public Optional<Duration> expires() {
        return Optional.ofNullable(expires);
    }

    /** The resource published for; empty means the account's AoR. */
    public Optional<String> target() {
        return Optional.ofNullable(target);
    }

    /** A copy of the first body, published as soon as the publication starts. */
    public Optional<byte[]> body() {
        return body == null ? Optional.empty() : Optional.of(body.clone());
    }

    /** Decides whether and when a failed PUBLISH is sent again. */
    public PublicationRetryPolicy retryPolicy() {
        return retryPolicy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicationRequest r && event.equals(r.event) && contentType.equals(r.contentType)
                && Objects.equals(expires, r.expires) && Objects.equals(target, r.target)
                && Arrays.equals(body, r.body) && retryPolicy.equals(r.retryPolicy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(event, contentType, expires, target, Arrays.hashCode(body), retryPolicy);
    }

    @Override
    public String toString() {
        return "PublicationRequest[event=" + event + ", contentType=" + contentType + ", expires=" + expires
                + ", target=" + target + ", body=" + (body == null ? "none" : body.length + " bytes") + "]";
    }

    /** Builds a {@link PublicationRequest}. Not thread-safe. */
    public static final class Builder {
        private String event = "presence";
        private String contentType = "application/pidf+xml";
        private Duration expires;
        private String target;
        private byte[] body;
        private PublicationRetryPolicy retryPolicy = PublicationRetryPolicy.standard();

        private Builder() {
        }

        /** The event package, a token such as {@code presence} (no parameters). */
        public Builder event(String event) {
            Objects.requireNonNull(event, "event");
            if (!TOKEN.matcher(event).matches()) {
                throw new IllegalArgumentException("not an event package token: " + event);
            }
            this.event = event;
            return this;
        }

        /** The Content-Type of the bodies, {@code type/subtype} with optional parameters. */
        public Builder contentType(String contentType) {
            Objects.requireNonNull(contentType, "contentType");
            if (!MEDIA_TYPE.matcher(contentType.trim()).matches()) {
                throw new IllegalArgumentException("not a media type: " + contentType);
            }
            this.contentType = contentType.trim().toLowerCase(Locale.ROOT);
            return this;
        }

        /** The expiry to ask for, 1 s to one day; null for the account's publish interval. */
        public Builder expires(Duration expires) {
            if (expires != null && (expires.toSeconds() < 1 || expires.compareTo(MAX_EXPIRES) > 0)) {
                throw new IllegalArgumentException("expires must be between 1 s and one day: " + expires);
            }
            this.expires = expires;
            return this;
        }

        /** The resource to publish for, a SIP URI; null for the account's AoR. */
        public Builder target(String target) {
            if (target != null && (!SIP_URI.matcher(target).matches() || !target.contains("@"))) {
                throw new IllegalArgumentException("not a sip:user@domain URI: " + target);
            }
            this.target = target;
            return this;
        }

        /** The first body, published at once; null to publish only on the first update. */
        public Builder body(byte[] body) {
            if (body != null && body.length == 0) {
                throw new IllegalArgumentException("a published body must not be empty");
            }
            this.body = body == null ? null : body.clone();
            return this;
        }

        /** The retry decisions; {@link PublicationRetryPolicy#standard()} by default. */
        public Builder retryPolicy(PublicationRetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        public PublicationRequest build() {
            return new PublicationRequest(this);
        }
    }
}
