package io.presencekit.pidf.watcherinfo;

import io.presencekit.error.DocumentParseException;
import io.presencekit.pidf.watcherinfo.internal.WatcherInfoReader;
import io.presencekit.pidf.watcherinfo.internal.WatcherInfoWriter;
import io.presencekit.xml.DocumentCodec;
import io.presencekit.xml.ExtensionRegistry;

/**
 * Reads and writes watcher information documents ({@code application/watcherinfo+xml}, RFC 3858),
 * the bodies of {@code presence.winfo} NOTIFYs (RFC 3857).
 *
 * <p>Two modes:
 * <ul>
 * <li>{@link #standard()}, used for NOTIFY bodies: refuses what is not well-formed, not watcherinfo
 * (root element and namespace exact), carries a DOCTYPE or entity, or breaks a limit. Schema slips
 * inside the document (a missing or unknown {@code status}, a {@code version} that is not a
 * number, elements out of order) are tolerated and recorded in {@link WatcherInfo#warnings()};
 * a typed attribute that cannot be used is kept as a raw attribute, so nothing is lost.</li>
 * <li>{@link #strict()}: every schema slip is a {@link DocumentParseException}.</li>
 * </ul>
 *
 * <p>Elements from other namespaces are kept (typed if a codec is {@linkplain Builder#register
 * registered} for them, else as generic elements) and written back unchanged. Output is
 * deterministic UTF-8 with {@code urn:ietf:params:xml:ns:watcherinfo} as the default namespace.
 *
 * <p>Immutable and thread-safe; share instances. Each instance has its own extension registry.
 */
public final class WatcherInfoCodec extends DocumentCodec<WatcherInfo> {
    /** The MIME type of watcherinfo documents. */
    public static final String CONTENT_TYPE = "application/watcherinfo+xml";

    // before the shared instances, which need it
    private static final Format<WatcherInfo> FORMAT = new Format<>("watcherinfo", WatcherInfoReader::read,
            WatcherInfoWriter::write, null);

    private static final WatcherInfoCodec STANDARD = builder().build();
    private static final WatcherInfoCodec STRICT = builder().strict(true).build();

    private WatcherInfoCodec(Builder b) {
        super(FORMAT, b);
    }

    /** The lenient codec with default limits; the one for NOTIFY bodies. */
    public static WatcherInfoCodec standard() {
        return STANDARD;
    }

    /** The schema-enforcing codec with default limits. */
    public static WatcherInfoCodec strict() {
        return STRICT;
    }

    /** A builder starting from {@link #standard()}'s settings: lenient, default limits, no extension codecs. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this codec's settings and registry. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Builds a {@link WatcherInfoCodec}. The codecs it registers are for elements at the schema's
     * {@code ##other} extension points. Not thread-safe.
     */
    public static final class Builder extends DocumentCodec.Builder<WatcherInfoCodec, Builder> {
        private Builder() {
            super(ExtensionRegistry.empty());
        }

        private Builder(WatcherInfoCodec codec) {
            super(codec);
        }

        @Override
        public WatcherInfoCodec build() {
            return new WatcherInfoCodec(this);
        }
    }
}
