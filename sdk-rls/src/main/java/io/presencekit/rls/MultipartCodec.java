package io.presencekit.rls;

import io.presencekit.rls.internal.MultipartParser;
import io.presencekit.rls.internal.MultipartWriter;
import java.util.Objects;

/**
 * Splits and writes multipart bodies (RFC 2046, section 5.1; {@code multipart/related}, RFC
 * 2387), working on bytes: parts are never decoded as text, so binary and non-ASCII content
 * passes unchanged. Nested {@code multipart/*} parts are parsed too, down to
 * {@link MultipartLimits#maxDepth()}.
 *
 * <p>What is read: the Content-Type parameters {@code boundary}, {@code type} and {@code start}
 * (quoted or not); per part the header fields (folded lines joined, all kept in order),
 * Content-ID, Content-Type and Content-Transfer-Encoding ({@code binary}, {@code 8bit},
 * {@code 7bit} and {@code base64} are decoded; {@code quoted-printable} and unknown encodings are
 * refused with {@link MultipartParseException.Reason#UNSUPPORTED_TRANSFER_ENCODING}). Lines may
 * end in CRLF or in a bare LF. The preamble and epilogue are ignored.
 *
 * <p>Every broken body ends in a {@link MultipartParseException} with a reason, or in one of the
 * documented lenient outcomes. {@link #standard()} is lenient:
 * <ul>
 * <li>a body that ends without the close delimiter is accepted when its last part ended with a
 * line break (or right after a delimiter line), with a warning; content that stops mid-line is
 * {@link MultipartParseException.Reason#TRUNCATED_PART truncated};</li>
 * <li>a header line that is not {@code Name: value} ends the headers, with a warning, and starts
 * the content (some servers, and an RFC 4662 example, omit the blank line);</li>
 * <li>a part whose transfer encoding cannot be undone, whose Content-Type cannot be parsed, or
 * whose nested body is broken is kept raw with its {@linkplain MimePart#problem() problem}, so
 * that the other parts stay usable.</li>
 * </ul>
 * {@link #strict()} refuses all of these. Limits are never relaxed, and a {@code start}
 * parameter that names no part is refused in both modes.
 *
 * <p>Immutable and thread-safe; share instances.
 */
public final class MultipartCodec {
    private static final MultipartCodec STANDARD = builder().build();
    private static final MultipartCodec STRICT = builder().strict(true).build();

    private final MultipartLimits limits;
    private final boolean strict;

    private MultipartCodec(Builder b) {
        this.limits = b.limits;
        this.strict = b.strict;
    }

    /** The lenient codec with default limits; the one for NOTIFY bodies. */
    public static MultipartCodec standard() {
        return STANDARD;
    }

    /** The codec that refuses every irregularity, with default limits. */
    public static MultipartCodec strict() {
        return STRICT;
    }

    /** A builder starting from {@link #standard()}'s settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this codec's settings. */
    public Builder toBuilder() {
        return new Builder().limits(limits).strict(strict);
    }

    /** The limits on input. */
    public MultipartLimits limits() {
        return limits;
    }

    /** Whether this codec refuses what the lenient one tolerates. */
    public boolean isStrict() {
        return strict;
    }

    /**
     * Splits {@code body} (copied once) according to {@code contentType}, the value of the
     * message's Content-Type header.
     *
     * @throws MultipartParseException when the body cannot be split (see the class description)
     */
    public Multipart read(String contentType, byte[] body) {
        return read(MediaType.parse(contentType), body);
    }

    /** As {@link #read(String, byte[])} with a parsed Content-Type. */
    public Multipart read(MediaType contentType, byte[] body) {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        return MultipartParser.parse(contentType, body, limits, strict);
    }

    /**
     * Writes {@code multipart} (nested bodies included) with CRLF line ends; its
     * {@link Multipart#contentType()} is the Content-Type header to send with it.
     *
     * @throws IllegalArgumentException if a part's content contains the delimiter, or a part asks
     *                                  for a transfer encoding this codec cannot write
     */
    public byte[] write(Multipart multipart) {
        return MultipartWriter.write(multipart);
    }

    /** Builds a {@link MultipartCodec}. Not thread-safe. */
    public static final class Builder {
        private MultipartLimits limits = MultipartLimits.DEFAULT;
        private boolean strict;

        private Builder() {
        }

        public Builder limits(MultipartLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Refuse every irregularity (true) or tolerate the documented ones with warnings (false, the default). */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        public MultipartCodec build() {
            return new MultipartCodec(this);
        }
    }
}
