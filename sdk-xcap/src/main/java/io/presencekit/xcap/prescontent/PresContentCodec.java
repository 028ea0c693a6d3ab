package io.presencekit.xcap.prescontent;

import io.presencekit.error.DocumentParseException;
import io.presencekit.xcap.prescontent.internal.PresContentSupport;
import io.presencekit.xcap.usage.XcapDocumentCodec;
import io.presencekit.xml.DocumentCodec;
import io.presencekit.xml.ExtensionRegistry;
import io.presencekit.xml.XmlLimits;

/**
 * Reads and writes pres-content documents ({@code application/vnd.oma.pres-content+xml}, OMA
 * Presence Content XDM), the documents of the XCAP application usage
 * {@code org.openmobilealliance.pres-content}.
 *
 * <ul>
 * <li>{@link #standard()}: refuses what is not well-formed, not pres-content (root element and
 * namespace exact), carries a DOCTYPE or entity, or breaks a limit; tolerates schema slips (no
 * {@code data}, elements out of order) and records them in {@link PresContent#warnings()}.
 * Whether the MIME type, encoding and size suit a status icon is not a schema matter: see
 * {@link PresContent#isAcceptableIcon()}.</li>
 * <li>{@link #strict()}: every schema slip is a {@link DocumentParseException}.</li>
 * </ul>
 *
 * <p>Elements from other namespaces and attributes of any namespace are kept and written back.
 * Output is deterministic UTF-8 with the pres-content namespace as default. The default limits
 * are {@link XmlLimits#DEFAULT} with text nodes of up to {@value #MAX_TEXT_LENGTH} characters, so
 * that the base64 of an icon as large as OpenXCAP accepts ({@link PresContent#MAX_ICON_BYTES})
 * fits.
 *
 * <p>Immutable and thread-safe; share instances.
 */
public final class PresContentCodec extends DocumentCodec<PresContent>
        implements XcapDocumentCodec<PresContent> {
    /** The MIME type of pres-content documents. */
    public static final String CONTENT_TYPE = "application/vnd.oma.pres-content+xml";

    /** The longest text node the default limits accept: base64 of {@link PresContent#MAX_ICON_BYTES}, with room for line breaks. */
    public static final int MAX_TEXT_LENGTH = 512 * 1024;

    private static final XmlLimits DEFAULT_LIMITS = XmlLimits.DEFAULT.copy().maxTextLength(MAX_TEXT_LENGTH).build();

    // before the shared instances, which need it
    private static final Format<PresContent> FORMAT = new Format<>("pres-content",
            PresContentSupport::read, PresContentSupport::write, null, PresContentSupport.core());

    private static final PresContentCodec STANDARD = builder().build();
    private static final PresContentCodec STRICT = builder().strict(true).build();

    private PresContentCodec(Builder b) {
        super(FORMAT, b);
    }

    /** The lenient codec with default limits. */
    public static PresContentCodec standard() {
        return STANDARD;
    }

    /** The schema-enforcing codec with default limits. */
    public static PresContentCodec strict() {
        return STRICT;
    }

    /** A builder starting from {@link #standard()}'s settings (lenient, the default limits above). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this codec's settings and extension codecs. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    /**
     * Builds a {@link PresContentCodec}. The codecs it registers are for elements from other
     * namespaces: the document's own elements are always read by the SDK's codecs, which cannot be
     * replaced. Not thread-safe.
     */
    public static final class Builder extends DocumentCodec.Builder<PresContentCodec, Builder> {
        private Builder() {
            super(ExtensionRegistry.empty());
            limits(DEFAULT_LIMITS);
        }

        private Builder(PresContentCodec codec) {
            super(codec);
        }

        @Override
        public PresContentCodec build() {
            return new PresContentCodec(this);
        }
    }
}
