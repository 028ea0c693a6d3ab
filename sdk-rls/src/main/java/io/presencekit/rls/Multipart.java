package io.presencekit.rls;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed or to-be-encoded multipart body (RFC 2046, section 5.1) of any subtype, in practice
 * {@code multipart/related} (RFC 2387) for resource-list NOTIFYs and {@code multipart/signed}
 * around signed lists: its Content-Type (with the {@code boundary}, and for related bodies
 * {@code type} and {@code start}), its parts in order, lookup by Content-ID, and the warnings of
 * a lenient parse.
 *
 * <p>Immutable and thread-safe.
 */
public final class Multipart {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] BOUNDARY_CHARS =
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();

    private final MediaType contentType;
    private final List<MimePart> parts;
    private final List<String> warnings;
    private final Map<String, MimePart> byId;

    private Multipart(MediaType contentType, List<MimePart> parts, List<String> warnings) {
        this.contentType = contentType;
        this.parts = List.copyOf(parts);
        this.warnings = List.copyOf(warnings);
        Map<String, MimePart> m = new HashMap<>(Math.max(16, parts.size() * 2));
        for (MimePart p : this.parts) {
            p.contentId().ifPresent(id -> m.putIfAbsent(id, p));
        }
        this.byId = m;
    }

    /** A body as the parser makes it. Not for application use; build bodies with {@link #builder}. */
    public static Multipart parsed(MediaType contentType, List<MimePart> parts, List<String> warnings) {
        return new Multipart(contentType, parts, warnings);
    }

    /**
     * A builder for a {@code multipart/related} body whose root part has type {@code rootType}
     * (RFC 2387: the {@code type} parameter), for example {@code application/rlmi+xml}.
     */
    public static Builder related(String rootType) {
        return new Builder(MediaType.of("multipart", "related").withParameter("type", rootType));
    }

    /** A builder for a body of type {@code contentType} (a {@code multipart/*} type). */
    public static Builder builder(MediaType contentType) {
        if (!contentType.isMultipart()) {
            throw new IllegalArgumentException("not a multipart type: " + contentType);
        }
        return new Builder(contentType);
    }

    /** The Content-Type, with the boundary. */
    public MediaType contentType() {
        return contentType;
    }

    /** The boundary. */
    public String boundary() {
        return contentType.parameter("boundary").orElseThrow();
    }

    /** The parts in order. */
    public List<MimePart> parts() {
        return parts;
    }

    /** The part whose Content-ID (without angle brackets, a leading {@code cid:} ignored) is {@code contentId}. */
    public Optional<MimePart> part(String contentId) {
        return Optional.ofNullable(byId.get(normalizeId(contentId)));
    }

    /**
     * The root part (RFC 2387, section 3.2): the one the {@code start} parameter names, else the
     * first. Empty only for a body without parts.
     */
    public Optional<MimePart> root() {
        Optional<String> start = contentType.parameter("start");
        if (start.isPresent()) {
            return part(start.get());
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(parts.get(0));
    }

    /** What a lenient parse tolerated, in body order. */
    public List<String> warnings() {
        return warnings;
    }

    /** A Content-ID without surrounding space, angle brackets or {@code cid:} prefix. */
    public static String normalizeId(String id) {
        String s = id.strip();
        if (s.regionMatches(true, 0, "cid:", 0, 4)) {
            s = s.substring(4);
        }
        if (s.length() >= 2 && s.charAt(0) == '<' && s.charAt(s.length() - 1) == '>') {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    @Override
    public String toString() {
        return "Multipart[" + contentType.essence() + ", " + parts.size() + " parts]";
    }

    /** Builds a {@link Multipart} to encode. Not thread-safe. */
    public static final class Builder {
        private MediaType contentType;
        private final List<MimePart> parts = new ArrayList<>();

        private Builder(MediaType contentType) {
            this.contentType = contentType;
        }

        /** The boundary; a random one is chosen when none is set. */
        public Builder boundary(String boundary) {
            if (boundary.isEmpty() || boundary.length() > 70 || boundary.endsWith(" ")) {
                throw new IllegalArgumentException("a boundary has 1 to 70 characters and no trailing space");
            }
            contentType = contentType.withParameter("boundary", boundary);
            return this;
        }

        /** The Content-ID (without angle brackets) of the root part: the {@code start} parameter. */
        public Builder start(String contentId) {
            contentType = contentType.withParameter("start", "<" + contentId + ">");
            return this;
        }

        /** Sets a parameter of the Content-Type. */
        public Builder parameter(String name, String value) {
            contentType = contentType.withParameter(name, value);
            return this;
        }

        public Builder part(MimePart part) {
            parts.add(Objects.requireNonNull(part, "part"));
            return this;
        }

        public Multipart build() {
            MediaType type = contentType;
            if (type.parameter("boundary").isEmpty()) {
                char[] b = new char[24];
                for (int i = 0; i < b.length; i++) {
                    b[i] = BOUNDARY_CHARS[RANDOM.nextInt(BOUNDARY_CHARS.length)];
                }
                type = type.withParameter("boundary", new String(b));
            }
            return new Multipart(type, parts, List.of());
        }
    }
}
