package io.presencekit.xcap.usage.internal;

import io.presencekit.pidf.PidfCodec;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.xcap.usage.XcapDocumentCodec;
import io.presencekit.xml.XmlLimits;
import java.io.InputStream;
import java.util.Objects;

/** A {@link PidfCodec} seen as the codec of the pidf-manipulation application usage. */
public final class PidfDocumentCodec implements XcapDocumentCodec<PresenceDocument> {
    private final PidfCodec codec;

    public PidfDocumentCodec(PidfCodec codec) {
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    @Override
    public String contentType() {
        return PidfCodec.CONTENT_TYPE;
    }

    @Override
    public boolean isStrict() {
        return codec.isStrict();
    }

    @Override
    public XmlLimits limits() {
        return codec.limits();
    }

    @Override
    public PresenceDocument read(byte[] input) {
        return codec.read(input);
    }

    @Override
    public PresenceDocument read(byte[] input, int offset, int length) {
        return codec.read(input, offset, length);
    }

    @Override
    public PresenceDocument read(InputStream in) {
        return codec.read(in);
    }

    @Override
    public byte[] write(PresenceDocument document) {
        return codec.write(document);
    }
}
