package io.presencekit.rls;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One body part of a multipart body (RFC 2046, section 5.1): its header fields in order, and its
 * content with the Content-Transfer-Encoding already undone. A part whose type is
 * {@code multipart/*} also holds the {@linkplain #multipart() parsed nested body}: a nested
 * resource list is a {@code multipart/related} part with its own RLMI root (RFC 4662, section
 * 5.3).
 *
 * <p>A lenient parse keeps a part it could not fully decode (an unknown transfer encoding, bad
 * base64, a broken nested body) with its raw content and the {@linkplain #problem() problem}, so
 * that the other parts stay usable.
 *
 * <p>Immutable and thread-safe. Parts built by the parser share one private copy of the body.
 */
public final class MimePart {
    /** Content-Type of a part without one (RFC 2046, section 5.1.1). */
    public static final MediaType DEFAULT_TYPE = new MediaType("text", "plain", java.util.Map.of("charset",
            "us-ascii"));

    /** One header field, name as written, value unfolded. */
    public record Header(String name, String value) {
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /** Reads content straight from the part's storage without a copy: {@code data} must not be changed. */
    @FunctionalInterface
    public interface ContentReader<T> {
        /** The value read from {@code data[offset, offset + length)}. */
        T read(byte[] data, int offset, int length);
    }

    private final List<Header> headers;
    private final MediaType contentType;
    private final String contentId;
    private final byte[] data;
    private final int offset;
    private final int length;
    private final Multipart multipart;
    private final MultipartParseException problem;

    private MimePart(List<Header> headers, MediaType contentType, String contentId, byte[] data, int offset,
            int length, Multipart multipart, MultipartParseException problem) {
        this.headers = headers;
        this.contentType = contentType;
        this.contentId = contentId;
        this.data = data;
        this.offset = offset;
        this.length = length;
        this.multipart = multipart;
        this.problem = problem;
    }

    /**
     * A part as the parser makes it: {@code data} is not copied and must never change. Not for
     * application use; build parts with {@link #builder()}.
     */
    public static MimePart parsed(List<Header> headers, MediaType contentType, String contentId, byte[] data,
            int offset, int length, Multipart multipart, MultipartParseException problem) {
        return new MimePart(List.copyOf(headers), contentType, contentId, data, offset, length, multipart, problem);
    }

    /** A builder for a part to encode. */
    public static Builder builder() {
        return new Builder();
    }

    /** The header fields in order, Content-Type, Content-ID and Content-Transfer-Encoding included. */
    public List<Header> headers() {
        return headers;
    }

    /** The value of the first header named {@code name} (any case), if present. */
    public Optional<String> header(String name) {
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return Optional.of(h.value());
            }
        }
        return Optional.empty();
    }

    /** The Content-Type, {@link #DEFAULT_TYPE} when the part has none (or, in a lenient parse, a broken one). */
    public MediaType contentType() {
        return contentType;
    }

    /** The Content-ID without its angle brackets, if present. */
    public Optional<String> contentId() {
        return Optional.ofNullable(contentId);
    }

    /** The Content-Transfer-Encoding in lower case; {@code binary} when absent. */
    public String transferEncoding() {
        return header("Content-Transfer-Encoding").map(v -> v.strip().toLowerCase(Locale.ROOT)).orElse("binary");
    }

    /** The decoded content (a copy). */
    public byte[] body() {
        return Arrays.copyOfRange(data, offset, offset + length);
    }

    /** The decoded content as a stream, without a copy. */
    public InputStream bodyStream() {
        return new ByteArrayInputStream(data, offset, length);
    }

    /** Length of the decoded content. */
    public int bodyLength() {
        return length;
    }

    /** Hands the decoded content to {@code reader} without a copy, for example {@code part.read(codec::read)}. */
    public <T> T read(ContentReader<T> reader) {
        return reader.read(data, offset, length);
    }

    /** The nested body of a {@code multipart/*} part that parsed. */
    public Optional<Multipart> multipart() {
        return Optional.ofNullable(multipart);
    }

    /** Why a lenient parse could not decode this part, if it could not; {@link #body()} is then the raw content. */
    public Optional<MultipartParseException> problem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public String toString() {
        return "MimePart[" + contentType.essence() + (contentId == null ? "" : ", cid=" + contentId) + ", "
                + length + " bytes" + (problem == null ? "" : ", problem=" + problem.reason()) + "]";
    }

    /**
     * Builds a part to encode. The Content-Type and Content-ID given here are written first, the
     * other headers after them; a nested {@link Multipart} gives the part its content and its
     * Content-Type. Not thread-safe.
     */
    public static final class Builder {
        private MediaType contentType;
        private String contentId;
        private final List<Header> headers = new ArrayList<>();
        private byte[] body = new byte[0];
        private Multipart multipart;

        private Builder() {
        }

        public Builder contentType(MediaType contentType) {
            this.contentType = Objects.requireNonNull(contentType, "contentType");
            return this;
        }

        public Builder contentType(String contentType) {
            return contentType(MediaType.parse(contentType));
        }

        /** The Content-ID, without angle brackets. */
        public Builder contentId(String contentId) {
            this.contentId = contentId;
            return this;
        }

        /** Adds a header; {@code Content-Transfer-Encoding: base64} makes the encoder write base64. */
        public Builder header(String name, String value) {
            if (name.equalsIgnoreCase("Content-Type") || name.equalsIgnoreCase("Content-ID")) {
                throw new IllegalArgumentException("set " + name + " with its own builder method");
            }
            headers.add(new Header(name, value));
            return this;
        }

        /** The content (copied). */
        public Builder body(byte[] body) {
            this.body = body.clone();
            this.multipart = null;
            return this;
        }

        /** A nested multipart body as the content. */
        public Builder multipart(Multipart multipart) {
            this.multipart = Objects.requireNonNull(multipart, "multipart");
            this.contentType = multipart.contentType();
            this.body = new byte[0];
            return this;
        }

        public MimePart build() {
            MediaType type = contentType == null ? DEFAULT_TYPE : contentType;
            List<Header> all = new ArrayList<>();
            if (contentType != null) {
                all.add(new Header("Content-Type", type.toString()));
            }
            if (contentId != null) {
                all.add(new Header("Content-ID", "<" + contentId + ">"));
            }
            all.addAll(headers);
            return new MimePart(List.copyOf(all), type, contentId, body, 0, body.length, multipart, null);
        }
    }
}
