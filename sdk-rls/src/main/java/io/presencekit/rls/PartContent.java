package io.presencekit.rls;

import io.presencekit.error.PresenceKitException;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.pidf.watcherinfo.WatcherInfo;
import java.util.Arrays;
import java.util.Objects;

/**
 * What the MIME part an RLMI {@code instance} points to (its {@code cid}, RFC 4662, section 5.2)
 * holds, decoded by type: a presence document, a watcher information document, a nested list
 * (RFC 4662, section 5.3), raw content of any other type, or the error that kept it from being
 * decoded. An instance without a {@code cid} has {@link None}.
 *
 * <p>Immutable and thread-safe; equality is by value (bytes compared by content, errors by
 * message).
 */
public sealed interface PartContent {
    /** The instance names no part. */
    record None() implements PartContent {
        /** The one value. */
        public static final None INSTANCE = new None();
    }

    /** An {@code application/pidf+xml} part, read with {@code PidfCodec}. */
    record Presence(PresenceDocument document) implements PartContent {
        public Presence {
            Objects.requireNonNull(document, "document");
        }
    }

    /** An {@code application/watcherinfo+xml} part, read with {@code WatcherInfoCodec}. */
    record WatcherInfoDocument(WatcherInfo document) implements PartContent {
        public WatcherInfoDocument {
            Objects.requireNonNull(document, "document");
        }
    }

    /** A {@code multipart/related} part with its own RLMI root: a nested list, decoded like the outer one. */
    record NestedList(ListNotification list) implements PartContent {
        public NestedList {
            Objects.requireNonNull(list, "list");
        }
    }

    /** A part of a type the decoder does not read, handed on as it came. */
    record Raw(MediaType contentType, byte[] body) implements PartContent {
        public Raw {
            Objects.requireNonNull(contentType, "contentType");
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Raw r && contentType.equals(r.contentType) && Arrays.equals(body, r.body);
        }

        @Override
        public int hashCode() {
            return contentType.hashCode() * 31 + Arrays.hashCode(body);
        }

        @Override
        public String toString() {
            return "Raw[" + contentType + ", " + body.length + " bytes]";
        }
    }

    /**
     * A part that could not be used: its content did not parse (a
     * {@link io.presencekit.error.DocumentParseException}, hostile XML included), its transfer
     * encoding or nested body was broken, or the {@code cid} names no part
     * ({@link MultipartParseException.Reason#DANGLING_CID}; {@code contentType} is then null and
     * {@code body} empty).
     */
    record Failed(MediaType contentType, byte[] body, PresenceKitException error) implements PartContent {
        public Failed {
            Objects.requireNonNull(error, "error");
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Failed f && Objects.equals(contentType, f.contentType) && Arrays.equals(body, f.body)
                    && error.getClass() == f.error.getClass() && Objects.equals(error.getMessage(),
                            f.error.getMessage());
        }

        @Override
        public int hashCode() {
            return Objects.hash(contentType, Arrays.hashCode(body), error.getMessage());
        }

        @Override
        public String toString() {
            return "Failed[" + contentType + ", " + error + "]";
        }
    }
}
