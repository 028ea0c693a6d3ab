package io.presencekit.xcap;

import io.presencekit.xcap.internal.AttValues;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A successful answer of an XCAP server: a 2xx, or 304 Not Modified to a conditional GET
 * (RFC 4825, section 7.11). Failures are {@link XcapException}s, which carry their response too.
 *
 * <p>The entity tag is kept exactly as the server sent it, quotes and weak prefix included, so it
 * can be sent back unchanged in {@link Precondition#ifMatch(String)}. Note that Kamailio answers
 * 200 rather than 201 when a PUT creates a document: {@link #status()} alone cannot tell a create
 * from a replace.
 *
 * <p>Immutable and thread-safe ({@link #body()} returns a copy).
 */
public final class XcapResponse {
    private final String method;
    private final XcapUri uri;
    private final int status;
    private final String reason;
    private final List<Map.Entry<String, String>> headers;
    private final byte[] body;

    private XcapResponse(Builder b) {
        this.method = b.method;
        this.uri = b.uri;
        this.status = b.status;
        this.reason = b.reason;
        this.headers = List.copyOf(b.headers);
        this.body = b.body;
    }

    /** A builder, for servers and tests that make responses themselves. */
    public static Builder builder(String method, XcapUri uri, int status) {
        return new Builder(method, uri, status);
    }

    /** The request method ({@code GET}, {@code PUT}, {@code DELETE}). */
    public String method() {
        return method;
    }

    /** The URI the request was sent to. */
    public XcapUri uri() {
        return uri;
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** The reason phrase as sent (may be empty). */
    public String reason() {
        return reason;
    }

    /** Whether this is 304 Not Modified: the copy the client holds is current. */
    public boolean isNotModified() {
        return status == 304;
    }

    /** The {@code ETag} header exactly as sent (quotes and {@code W/} included), if any. */
    public Optional<String> etag() {
        return header("ETag");
    }

    /** The {@code Content-Type} header as sent, if any. */
    public Optional<String> contentType() {
        return header("Content-Type");
    }

    /** The first value of header {@code name} (case-insensitive), if present. */
    public Optional<String> header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return Optional.of(h.getValue());
            }
        }
        return Optional.empty();
    }

    /** Every value of header {@code name} (case-insensitive), in order. */
    public List<String> headers(String name) {
        List<String> out = new ArrayList<>(1);
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                out.add(h.getValue());
            }
        }
        return out;
    }

    /** Every header in order, as name and value. */
    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    /** The body (a copy); empty when there is none. */
    public byte[] body() {
        return body.clone();
    }

    /** The body's length in bytes. */
    public int bodyLength() {
        return body.length;
    }

    /** The body decoded as UTF-8 (XCAP documents are UTF-8, RFC 4825, section 8.2.2). */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The body of an attribute GET ({@code application/xcap-att+xml}) as the attribute's value:
     * the quoted {@code AttValue} of RFC 4825 (section 7.9) unquoted and unescaped. A body that is
     * not quoted (some servers send the bare value) is returned as is.
     */
    public String attributeValue() {
        String s = bodyAsString().strip();
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0)) {
            try {
                return AttValues.unquote(s);
            } catch (IllegalArgumentException e) {
                return s;
            }
        }
        return s;
    }

    @Override
    public String toString() {
        return method + " " + uri + " -> " + status + (reason.isEmpty() ? "" : " " + reason)
                + etag().map(e -> " ETag " + e).orElse("") + " (" + body.length + " bytes)";
    }

    /** Builds an {@link XcapResponse}. Not thread-safe. */
    public static final class Builder {
        private final String method;
        private final XcapUri uri;
        private final int status;
        private String reason = "";
        private final List<Map.Entry<String, String>> headers = new ArrayList<>();
        private byte[] body = new byte[0];

        private Builder(String method, XcapUri uri, int status) {
            this.method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
            this.uri = Objects.requireNonNull(uri, "uri");
            if (status < 100 || status > 999) {
                throw new IllegalArgumentException("not an HTTP status: " + status);
            }
            this.status = status;
        }

        public Builder reason(String reason) {
            this.reason = reason == null ? "" : reason;
            return this;
        }

        /** Adds a header (kept in order; repeated names allowed). */
        public Builder header(String name, String value) {
            headers.add(Map.entry(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")));
            return this;
        }

        /** The body (copied). */
        public Builder body(byte[] body) {
            this.body = body == null ? new byte[0] : Arrays.copyOf(body, body.length);
            return this;
        }

        public XcapResponse build() {
            return new XcapResponse(this);
        }
    }
}
