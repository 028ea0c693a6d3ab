package io.presencekit.xcap;

/**
 * How to talk to one XCAP server where servers disagree with the RFCs. Immutable; start from
 * {@link #STANDARD} or {@link #KAMAILIO}, or build with {@link #custom()} / {@link #copy()}.
 *
 * <p>The one setting today is how the wildcard entity tag is written in {@code If-Match: *} and
 * {@code If-None-Match: *}: unquoted, as RFC 7232 (section 3.1 and 3.2) defines it, or quoted
 * ({@code "*"}), which is what Kamailio's xcap_server compares against: it treats an unquoted
 * {@code If-None-Match: *} as absent (a create-only PUT silently overwrites) and an unquoted
 * {@code If-Match: *} as a mismatch (412 even when the document exists).
 */
public final class XcapCompatibility {
    /** RFC behaviour: the wildcard is written unquoted. */
    public static final XcapCompatibility STANDARD = custom().build();
    /** Kamailio's xcap_server (checked with 5.6): the wildcard is written quoted. */
    public static final XcapCompatibility KAMAILIO = custom().quotedWildcard(true).persistentConnections(false)
            .nonAtomicConditionalWrites(true).build();

    private final boolean quotedWildcard;
    private final boolean persistentConnections;
    private final boolean nonAtomicConditionalWrites;

    private XcapCompatibility(Builder b) {
        this.nonAtomicConditionalWrites = b.nonAtomicConditionalWrites;
        this.quotedWildcard = b.quotedWildcard;
        this.persistentConnections = b.persistentConnections;
    }

    /** A builder starting from {@link #STANDARD}. */
    public static Builder custom() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder copy() {
        return new Builder().quotedWildcard(quotedWildcard).persistentConnections(persistentConnections)
                .nonAtomicConditionalWrites(nonAtomicConditionalWrites);
    }

    /** Whether the wildcard entity tag is written quoted ({@code "*"}) rather than as RFC 7232's {@code *}. */
    public boolean quotedWildcard() {
        return quotedWildcard;
    }

    /** The value written for the wildcard entity tag. */
    /**
     * Whether connections are kept for further requests (HTTP/1.1 persistence). Kamailio's XCAP
     * server closes the connection after every response without saying so, so a digest retry on
     * the same connection finds it gone; with this off every request gets a fresh connection and
     * says {@code Connection: close}.
     */
    public boolean persistentConnections() {
        return persistentConnections;
    }

    /**
     * Whether the server's conditional writes can race (Kamailio 5.6: the ETag check and the write
     * are separate steps in separate processes, so two PUTs on the same ETag may both succeed, and
     * two create-only PUTs may give 200 and 500). The document store then reads a document back
     * after writing it, applies a lost change again, and treats a 500 on a write as a conflict.
     */
    public boolean nonAtomicConditionalWrites() {
        return nonAtomicConditionalWrites;
    }

    public String wildcard() {
        return quotedWildcard ? "\"*\"" : "*";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof XcapCompatibility c && quotedWildcard == c.quotedWildcard
                && persistentConnections == c.persistentConnections
                && nonAtomicConditionalWrites == c.nonAtomicConditionalWrites;
    }

    @Override
    public int hashCode() {
        return (Boolean.hashCode(quotedWildcard) * 31 + Boolean.hashCode(persistentConnections)) * 31
                + Boolean.hashCode(nonAtomicConditionalWrites);
    }

    @Override
    public String toString() {
        return "XcapCompatibility[quotedWildcard=" + quotedWildcard + ", persistentConnections="
                + persistentConnections + ", nonAtomicConditionalWrites=" + nonAtomicConditionalWrites + "]";
    }

    /** Builds an {@link XcapCompatibility}. Not thread-safe. */
    public static final class Builder {
        private boolean quotedWildcard;
        private boolean persistentConnections = true;
        private boolean nonAtomicConditionalWrites;

        /** The server's conditional writes can race: read documents back after writing (see the getter). */
        public Builder nonAtomicConditionalWrites(boolean nonAtomic) {
            this.nonAtomicConditionalWrites = nonAtomic;
            return this;
        }

        private Builder() {
        }

        /** Keep connections between requests (true, the default) or use one per request (false, for Kamailio). */
        public Builder persistentConnections(boolean persistent) {
            this.persistentConnections = persistent;
            return this;
        }

        /** Write the wildcard entity tag quoted ({@code "*"}, for Kamailio) instead of as {@code *}. */
        public Builder quotedWildcard(boolean quoted) {
            this.quotedWildcard = quoted;
            return this;
        }

        public XcapCompatibility build() {
            return new XcapCompatibility(this);
        }
    }
}
