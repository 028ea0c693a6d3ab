package io.presencekit.xcap;

import java.util.Objects;
import java.util.Optional;

/**
 * The condition on the document's entity tag under which the server is to carry out a request
 * (RFC 4825, section 7.11; RFC 7232, section 3). XCAP entity tags belong to the whole document,
 * so a condition on an element or attribute operation is checked against the document's tag.
 *
 * <ul>
 * <li>{@link #ifMatch(String)}: only if the document is still at that version; a mismatch answers
 * 412 ({@link XcapPreconditionFailedException}).</li>
 * <li>{@link #ifNoneMatch(String)}: on GET, 304 Not Modified if the document is still at that
 * version (a normal {@link XcapResponse}); on PUT or DELETE, 412.</li>
 * <li>{@link #createOnly()} ({@code If-None-Match: *}): only if the document does not exist.</li>
 * <li>{@link #ifExists()} ({@code If-Match: *}): only if the document exists.</li>
 * </ul>
 *
 * <p>Entity tags are sent exactly as the server sent them ({@code "abc"}, weak {@code W/"abc"}).
 * A bare value without quotes, as some documents list them (OMA xcap-directory, Kamailio's
 * among them), is quoted, since an entity tag is always quoted on the wire. How the wildcard is
 * written is a per-server setting ({@link XcapCompatibility}).
 *
 * <p>Immutable and thread-safe.
 */
public final class Precondition {
    /** The HTTP header carrying a precondition. */
    public enum Header {
        /** {@code If-Match}. */
        IF_MATCH("If-Match"),
        /** {@code If-None-Match}. */
        IF_NONE_MATCH("If-None-Match");

        private final String headerName;

        Header(String headerName) {
            this.headerName = headerName;
        }

        /** The header's name. */
        public String headerName() {
            return headerName;
        }
    }

    private static final Precondition NONE = new Precondition(null, null);
    private static final Precondition CREATE_ONLY = new Precondition(Header.IF_NONE_MATCH, null);
    private static final Precondition IF_EXISTS = new Precondition(Header.IF_MATCH, null);

    private final Header header;
    private final String etag;

    private Precondition(Header header, String etag) {
        this.header = header;
        this.etag = etag;
    }

    /** No condition. */
    public static Precondition none() {
        return NONE;
    }

    /** {@code If-Match: <etag>}: only if the document is still at version {@code etag}. */
    public static Precondition ifMatch(String etag) {
        return new Precondition(Header.IF_MATCH, entityTag(etag));
    }

    /** {@code If-None-Match: <etag>}: a GET answers 304 if unchanged; a PUT or DELETE fails with 412 if unchanged. */
    public static Precondition ifNoneMatch(String etag) {
        return new Precondition(Header.IF_NONE_MATCH, entityTag(etag));
    }

    /** {@code If-None-Match: *}: only if the document does not exist yet (create, never overwrite). */
    public static Precondition createOnly() {
        return CREATE_ONLY;
    }

    /** {@code If-Match: *}: only if the document exists (modify, never create). */
    public static Precondition ifExists() {
        return IF_EXISTS;
    }

    /** The header this condition is sent in; empty for {@link #none()}. */
    public Optional<Header> header() {
        return Optional.ofNullable(header);
    }

    /** The entity tag, quoted; empty for {@link #none()} and the wildcard conditions. */
    public Optional<String> etag() {
        return Optional.ofNullable(etag);
    }

    /** Whether this is a wildcard condition ({@link #createOnly()} or {@link #ifExists()}). */
    public boolean isWildcard() {
        return header != null && etag == null;
    }

    /** The header value as sent to a server with the given compatibility settings; empty for {@link #none()}. */
    public Optional<String> headerValue(XcapCompatibility compatibility) {
        if (header == null) {
            return Optional.empty();
        }
        return Optional.of(etag != null ? etag : compatibility.wildcard());
    }

    private static String entityTag(String etag) {
        Objects.requireNonNull(etag, "etag");
        String t = etag.strip();
        if (t.isEmpty() || t.equals("*") || t.equals("\"*\"")) {
            throw new IllegalArgumentException("not an entity tag: '" + etag
                    + "' (use createOnly() or ifExists() for the wildcard)");
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                throw new IllegalArgumentException("control character in entity tag: " + etag.strip());
            }
        }
        boolean quoted = t.length() >= 2 && t.endsWith("\"") && (t.startsWith("\"") || t.startsWith("W/\""))
                && (t.startsWith("W/") ? t.length() >= 4 : true);
        if (quoted) {
            String opaque = t.substring(t.indexOf('"') + 1, t.length() - 1);
            if (opaque.indexOf('"') >= 0) {
                throw new IllegalArgumentException("not an entity tag: " + t);
            }
            return t;
        }
        if (t.indexOf('"') >= 0 || t.indexOf(',') >= 0) {
            throw new IllegalArgumentException("not an entity tag: " + t);
        }
        return "\"" + t + "\"";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Precondition p && header == p.header && Objects.equals(etag, p.etag);
    }

    @Override
    public int hashCode() {
        return Objects.hash(header, etag);
    }

    @Override
    public String toString() {
        if (header == null) {
            return "Precondition[none]";
        }
        return "Precondition[" + header.headerName() + ": " + (etag != null ? etag : "*") + "]";
    }
}
