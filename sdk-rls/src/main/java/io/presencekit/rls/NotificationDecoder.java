package io.presencekit.rls;

import io.presencekit.error.PresenceKitException;
import io.presencekit.pidf.PidfCodec;
import io.presencekit.pidf.watcherinfo.WatcherInfoCodec;
import io.presencekit.rls.ListNotification.InstanceNotification;
import io.presencekit.rls.ListNotification.ResourceNotification;
import io.presencekit.rls.MultipartParseException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decodes the body of a resource-list NOTIFY (RFC 4662, section 5) into a
 * {@link ListNotification}: a {@code multipart/related} body with an RLMI root (RFC 2387), or a
 * bare {@code application/rlmi+xml} body. Each instance's {@code cid} is resolved to its part,
 * which is read by type: {@code application/pidf+xml} with the {@link PidfCodec},
 * {@code application/watcherinfo+xml} with the {@link WatcherInfoCodec}, {@code multipart/related}
 * as a nested list (recursively), anything else handed on {@linkplain PartContent.Raw raw}.
 *
 * <p>{@code multipart/signed} (RFC 1847), as a whole body or as a part, is unwrapped: its first
 * part is decoded and the signature is <em>not</em> verified; a warning says so. Verifying S/MIME
 * signatures is left to the application, which has the raw parts through {@link MultipartCodec}.
 *
 * <p>A part that cannot be used (bad XML, hostile XML, a broken transfer encoding, a {@code cid}
 * naming no part) becomes {@link PartContent.Failed} for its instance, with a warning; the rest
 * of the notification is kept. What makes the whole notification unusable throws a
 * {@link PresenceKitException}: a body that cannot be split ({@link MultipartParseException}) or
 * a root that is not usable RLMI ({@link io.presencekit.error.DocumentParseException}). In
 * {@linkplain Builder#strict(boolean) strict} mode a dangling {@code cid} or a part the
 * multipart codec could not decode throws as well.
 *
 * <p>Immutable and thread-safe; share instances.
 */
public final class NotificationDecoder {
    private static final NotificationDecoder STANDARD = builder().build();

    private final RlmiCodec rlmi;
    private final PidfCodec pidf;
    private final WatcherInfoCodec watcherInfo;
    private final MultipartCodec multipart;
    private final boolean strict;

    private NotificationDecoder(Builder b) {
        this.rlmi = b.rlmi;
        this.pidf = b.pidf;
        this.watcherInfo = b.watcherInfo;
        this.multipart = b.multipart;
        this.strict = b.strict;
    }

    /** The lenient decoder with the standard codecs. */
    public static NotificationDecoder standard() {
        return STANDARD;
    }

    /** A builder starting from {@link #standard()}'s settings. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Decodes {@code body}, whose Content-Type header value is {@code contentType}.
     *
     * @throws PresenceKitException when the notification as a whole is unusable (see the class description)
     */
    public ListNotification decode(String contentType, byte[] body) {
        return decode(MediaType.parse(contentType), body);
    }

    /** As {@link #decode(String, byte[])} with a parsed Content-Type. */
    public ListNotification decode(MediaType contentType, byte[] body) {
        Objects.requireNonNull(body, "body");
        List<String> warnings = new ArrayList<>();
        if (contentType.is(RlmiCodec.CONTENT_TYPE)) {
            return resolve(rlmi.read(body), null, warnings);
        }
        if (!contentType.isMultipart()) {
            throw new MultipartParseException(Reason.BAD_CONTENT_TYPE, "not a resource-list notification: "
                    + contentType.essence(), -1);
        }
        Multipart body2 = multipart.read(contentType, body);
        return fromMultipart(unwrap(body2, warnings), warnings);
    }

    /** The related body inside (possibly several layers of) multipart/signed. */
    private Multipart unwrap(Multipart m, List<String> warnings) {
        Multipart current = m;
        while (current.contentType().is("multipart", "signed")) {
            warnings.add("multipart/signed unwrapped; signature not verified");
            MimePart signed = current.parts().isEmpty() ? null : current.parts().get(0);
            if (signed == null || signed.multipart().isEmpty()) {
                if (signed != null && signed.problem().isPresent()) {
                    throw signed.problem().get();
                }
                throw new MultipartParseException(Reason.BAD_CONTENT_TYPE,
                        "multipart/signed does not hold a multipart/related list", -1);
            }
            current = signed.multipart().get();
        }
        return current;
    }

    private ListNotification fromMultipart(Multipart m, List<String> warnings) {
        warnings.addAll(m.warnings());
        if (!m.contentType().is("multipart", "related")) {
            throw new MultipartParseException(Reason.BAD_CONTENT_TYPE, "not a resource-list notification: "
                    + m.contentType().essence(), -1);
        }
        MimePart root = m.root().orElseThrow(() -> new MultipartParseException(Reason.START_NOT_FOUND,
                "multipart/related body without parts", -1));
        if (root.problem().isPresent()) {
            throw root.problem().get();
        }
        if (!root.contentType().is(RlmiCodec.CONTENT_TYPE)) {
            throw new MultipartParseException(Reason.BAD_CONTENT_TYPE, "root part is "
                    + root.contentType().essence() + ", not " + RlmiCodec.CONTENT_TYPE, -1);
        }
        return resolve(root.read(rlmi::read), m, warnings);
    }

    private ListNotification resolve(RlmiList list, Multipart m, List<String> warnings) {
        List<ResourceNotification> resources = new ArrayList<>(list.resources().size());
        for (Resource r : list.resources()) {
            List<InstanceNotification> instances = new ArrayList<>(r.instances().size());
            for (Instance i : r.instances()) {
                instances.add(new InstanceNotification(i, content(r, i, m, warnings)));
            }
            resources.add(new ResourceNotification(r, instances));
        }
        return new ListNotification(list, resources, warnings);
    }

    private PartContent content(Resource r, Instance i, Multipart m, List<String> warnings) {
        if (i.cid().isEmpty()) {
            return PartContent.None.INSTANCE;
        }
        String cid = i.cid().get();
        MimePart part = m == null ? null : m.part(cid).orElse(null);
        if (part == null) {
            MultipartParseException e = new MultipartParseException(Reason.DANGLING_CID, "instance " + i.id()
                    + " of " + r.uri() + " names part <" + cid + ">, which the body does not have", -1);
            if (strict) {
                throw e;
            }
            warnings.add(e.getMessage());
            return new PartContent.Failed(null, new byte[0], e);
        }
        try {
            return read(part, warnings);
        } catch (PresenceKitException e) {
            if (strict && e instanceof MultipartParseException) {
                throw e;
            }
            warnings.add("part <" + cid + "> of " + r.uri() + " unusable: " + e.getMessage());
            return new PartContent.Failed(part.contentType(), part.body(), e);
        }
    }

    private PartContent read(MimePart part, List<String> warnings) {
        if (part.problem().isPresent()) {
            throw part.problem().get();
        }
        MediaType type = part.contentType();
        if (type.is(PidfCodec.CONTENT_TYPE)) {
            return new PartContent.Presence(part.read(pidf::read));
        }
        if (type.is(WatcherInfoCodec.CONTENT_TYPE)) {
            return new PartContent.WatcherInfoDocument(part.read(watcherInfo::read));
        }
        if (type.isMultipart() && part.multipart().isPresent()) {
            Multipart nested = unwrap(part.multipart().get(), warnings);
            List<String> nestedWarnings = new ArrayList<>();
            ListNotification list = fromMultipart(nested, nestedWarnings);
            warnings.addAll(nestedWarnings);
            return new PartContent.NestedList(list);
        }
        return new PartContent.Raw(type, part.body());
    }

    /** Builds a {@link NotificationDecoder}. Not thread-safe. */
    public static final class Builder {
        private RlmiCodec rlmi = RlmiCodec.standard();
        private PidfCodec pidf = PidfCodec.standard();
        private WatcherInfoCodec watcherInfo = WatcherInfoCodec.standard();
        private MultipartCodec multipart = MultipartCodec.standard();
        private boolean strict;

        private Builder() {
        }

        public Builder rlmiCodec(RlmiCodec codec) {
            this.rlmi = Objects.requireNonNull(codec, "codec");
            return this;
        }

        public Builder pidfCodec(PidfCodec codec) {
            this.pidf = Objects.requireNonNull(codec, "codec");
            return this;
        }

        public Builder watcherInfoCodec(WatcherInfoCodec codec) {
            this.watcherInfo = Objects.requireNonNull(codec, "codec");
            return this;
        }

        public Builder multipartCodec(MultipartCodec codec) {
            this.multipart = Objects.requireNonNull(codec, "codec");
            return this;
        }

        /**
         * Throw on a dangling {@code cid}, or on a part the multipart codec kept raw with a problem
         * (transfer encoding, nested body), instead of reporting it per instance. A part whose XML
         * does not parse is reported per instance in both modes.
         */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        public NotificationDecoder build() {
            return new NotificationDecoder(this);
        }
    }
}
