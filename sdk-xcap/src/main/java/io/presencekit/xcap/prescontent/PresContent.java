package io.presencekit.xcap.prescontent;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Extras;
import io.presencekit.xml.ParseWarning;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.xml.namespace.QName;

/**
 * A pres-content document ({@code application/vnd.oma.pres-content+xml}, OMA Presence Content XDM,
 * XCAP application usage {@code org.openmobilealliance.pres-content}): a piece of content such as
 * the user's status icon, with its MIME type, transfer encoding, descriptions and data. Blink
 * stores its avatar as {@code oma_status-icon/index}, base64 encoded, and publishes that document's
 * URL as the CIPID {@code icon}.
 *
 * <p>{@link #icon} builds such a document from image bytes; {@link #decodedData()} gives them
 * back. Attributes of any namespace on the root and elements from other namespaces after
 * {@code data} are kept in {@link #extras()}.
 *
 * <p>Immutable and thread-safe. {@link #warnings()} is not part of equality.
 */
public final class PresContent {
    /** {@code content}. */
    public static final QName QNAME = new QName(XcapNamespaces.OMA_PRES_CONTENT, "content");
    /** The image types OpenXCAP accepts for a status icon (and Blink writes). */
    public static final Set<String> ICON_MIME_TYPES = Set.of("image/jpeg", "image/png", "image/gif");
    /** The largest status icon OpenXCAP accepts, in bytes of image data. */
    public static final int MAX_ICON_BYTES = 300 * 1024;
    /** The transfer encoding of binary data. */
    public static final String BASE64 = "base64";

    private final ContentValue mimeType;
    private final ContentValue encoding;
    private final List<ContentValue> descriptions;
    private final ContentValue data;
    private final Extras extras;
    private final List<ParseWarning> warnings;

    private PresContent(Builder b) {
        this.mimeType = b.mimeType;
        this.encoding = b.encoding;
        this.descriptions = List.copyOf(b.descriptions);
        this.data = b.data;
        this.extras = Extras.of(b.attributes, b.children);
        this.warnings = List.copyOf(b.warnings);
    }

    /** An empty builder (the schema requires data). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A status icon: {@code image} base64-encoded, with {@code mimeType} (one of
     * {@link #ICON_MIME_TYPES} for OpenXCAP and Blink) and an optional description.
     */
    public static PresContent icon(byte[] image, String mimeType, String description) {
        Objects.requireNonNull(image, "image");
        Builder b = builder().mimeType(mimeType).encoding(BASE64).data(Base64.getEncoder().encodeToString(image));
        if (description != null) {
            b.description(description, null);
        }
        return b.build();
    }

    /** A builder holding this document (warnings not carried over). */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.mimeType = mimeType;
        b.encoding = encoding;
        b.descriptions.addAll(descriptions);
        b.data = data;
        b.attributes.putAll(extras.attributes());
        b.children.addAll(extras.children());
        return b;
    }

    /** The MIME type of the data, if given. */
    public Optional<String> mimeType() {
        return mimeType == null ? Optional.empty() : Optional.of(mimeType.text().strip());
    }

    /** The transfer encoding of the data (for example {@code base64}), if given. */
    public Optional<String> encoding() {
        return encoding == null ? Optional.empty() : Optional.of(encoding.text().strip());
    }

    /** The descriptions, in order (one per language). */
    public List<ContentValue> descriptions() {
        return descriptions;
    }

    /** The text of the first description, if any. */
    public Optional<String> description() {
        return descriptions.isEmpty() ? Optional.empty() : Optional.of(descriptions.get(0).text());
    }

    /** The data as written (base64 text for an icon); null only in a lenient read of a document without it. */
    public String data() {
        return data == null ? null : data.text();
    }

    /** The {@code mime-type} element with its attributes, if present. */
    public Optional<ContentValue> mimeTypeElement() {
        return Optional.ofNullable(mimeType);
    }

    /** The {@code encoding} element with its attributes, if present. */
    public Optional<ContentValue> encodingElement() {
        return Optional.ofNullable(encoding);
    }

    /** The {@code data} element with its attributes, if present. */
    public Optional<ContentValue> dataElement() {
        return Optional.ofNullable(data);
    }

    /** Whether the data is base64 encoded (the encoding compared without case). */
    public boolean isBase64() {
        return encoding().map(e -> e.toLowerCase(Locale.ROOT).equals(BASE64)).orElse(false);
    }

    /**
     * The data decoded from base64, whitespace and line breaks inside it ignored.
     *
     * @throws IllegalStateException if the document has no data, is not base64 encoded, or the
     *                               data is not valid base64
     */
    public byte[] decodedData() {
        if (data == null) {
            throw new IllegalStateException("pres-content without data");
        }
        if (!isBase64()) {
            throw new IllegalStateException("pres-content data is not base64 encoded: encoding "
                    + encoding().orElse("absent"));
        }
        StringBuilder compact = new StringBuilder(data.text().length());
        for (int i = 0; i < data.text().length(); i++) {
            char c = data.text().charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                compact.append(c);
            }
        }
        try {
            return Base64.getDecoder().decode(compact.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("pres-content data is not valid base64: " + e.getMessage(), e);
        }
    }

    /**
     * Whether this is a status icon OpenXCAP would accept: base64 data of at most
     * {@link #MAX_ICON_BYTES} bytes with one of the {@link #ICON_MIME_TYPES}.
     */
    public boolean isAcceptableIcon() {
        if (!isBase64() || mimeType().filter(ICON_MIME_TYPES::contains).isEmpty()) {
            return false;
        }
        try {
            return decodedData().length <= MAX_ICON_BYTES;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** Attributes on {@code content} (any namespace), and elements after {@code data}, kept as read. */
    public Extras extras() {
        return extras;
    }

    /** Schema slips tolerated while reading this document (always empty for built documents). */
    public List<ParseWarning> warnings() {
        return warnings;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PresContent c && Objects.equals(mimeType, c.mimeType)
                && Objects.equals(encoding, c.encoding) && descriptions.equals(c.descriptions)
                && Objects.equals(data, c.data) && extras.equals(c.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mimeType, encoding, descriptions, data, extras);
    }

    @Override
    public String toString() {
        String d = data == null ? "null" : data.text().length() > 40 ? data.text().length() + " chars" : data.text();
        return "PresContent[mimeType=" + mimeType().orElse(null) + ", encoding=" + encoding().orElse(null)
                + ", descriptions=" + descriptions + ", data=" + d + (extras.isEmpty() ? "" : ", extras=" + extras)
                + (warnings.isEmpty() ? "" : ", warnings=" + warnings) + "]";
    }

    /** Builds {@link PresContent}. Not thread-safe. */
    public static final class Builder {
        private ContentValue mimeType;
        private ContentValue encoding;
        private final List<ContentValue> descriptions = new ArrayList<>();
        private ContentValue data;
        private final Map<QName, String> attributes = new LinkedHashMap<>();
        private final List<ExtensionElement> children = new ArrayList<>();
        private final List<ParseWarning> warnings = new ArrayList<>();

        private Builder() {
        }

        /** Sets the MIME type; null removes it. */
        public Builder mimeType(String mimeType) {
            this.mimeType = mimeType == null ? null : ContentValue.of(ContentValue.MIME_TYPE, mimeType);
            return this;
        }

        /** Sets the encoding; null removes it. */
        public Builder encoding(String encoding) {
            this.encoding = encoding == null ? null : ContentValue.of(ContentValue.ENCODING, encoding);
            return this;
        }

        /** Appends a description in {@code lang} (null for none). */
        public Builder description(String text, String lang) {
            descriptions.add(ContentValue.description(Objects.requireNonNull(text, "text"), lang));
            return this;
        }

        public Builder clearDescriptions() {
            descriptions.clear();
            return this;
        }

        /** Sets the data text; null removes it. */
        public Builder data(String data) {
            this.data = data == null ? null : ContentValue.of(ContentValue.DATA, data);
            return this;
        }

        /**
         * Sets one of the text elements with its attributes, by its name: {@code mime-type},
         * {@code encoding} and {@code data} replace, {@code description} appends.
         */
        public Builder element(ContentValue value) {
            QName n = value.name();
            if (n.equals(ContentValue.MIME_TYPE)) {
                mimeType = value;
            } else if (n.equals(ContentValue.ENCODING)) {
                encoding = value;
            } else if (n.equals(ContentValue.DATA)) {
                data = value;
            } else if (n.equals(ContentValue.DESCRIPTION)) {
                descriptions.add(value);
            } else {
                throw new IllegalArgumentException("not a pres-content element: " + n);
            }
            return this;
        }

        /** Adds an attribute to {@code content}. */
        public Builder attribute(QName name, String value) {
            attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Appends an element after {@code data}. */
        public Builder extension(ExtensionElement element) {
            children.add(Objects.requireNonNull(element, "element"));
            return this;
        }

        /** Records tolerated schema slips (used by readers). */
        public Builder warnings(List<ParseWarning> warnings) {
            this.warnings.addAll(warnings);
            return this;
        }

        public PresContent build() {
            return new PresContent(this);
        }
    }
}
