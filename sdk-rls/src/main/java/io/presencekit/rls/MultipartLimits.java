package io.presencekit.rls;

/**
 * Bounds on what the multipart codec accepts, against hostile or runaway bodies. Immutable; build
 * with {@link #custom()} or derive with {@link #copy()}.
 *
 * <p>{@link #DEFAULT} suits resource-list NOTIFYs: a 1,000-member list is about 150 KB with
 * 1,001 parts, so 8 MiB and 20,000 parts leave headroom while bounding the cost of one body.
 */
public final class MultipartLimits {
    /** Defaults: 20,000 parts, 8 MiB, nesting depth 8, 16 KiB of headers per part. */
    public static final MultipartLimits DEFAULT = custom().build();

    private final int maxParts;
    private final int maxTotalBytes;
    private final int maxDepth;
    private final int maxHeaderBytes;

    private MultipartLimits(Builder b) {
        this.maxParts = b.maxParts;
        this.maxTotalBytes = b.maxTotalBytes;
        this.maxDepth = b.maxDepth;
        this.maxHeaderBytes = b.maxHeaderBytes;
    }

    /** A builder starting from the defaults. */
    public static Builder custom() {
        return new Builder();
    }

    /** A builder starting from these limits. */
    public Builder copy() {
        return new Builder().maxParts(maxParts).maxTotalBytes(maxTotalBytes).maxDepth(maxDepth)
                .maxHeaderBytes(maxHeaderBytes);
    }

    /** Most parts in one body, nested parts included. */
    public int maxParts() {
        return maxParts;
    }

    /** Largest accepted body, in bytes. */
    public int maxTotalBytes() {
        return maxTotalBytes;
    }

    /** Deepest multipart nesting (the outermost multipart is depth 1). */
    public int maxDepth() {
        return maxDepth;
    }

    /** Largest header block of one part, in bytes. */
    public int maxHeaderBytes() {
        return maxHeaderBytes;
    }

    @Override
    public String toString() {
        return "MultipartLimits[parts=" + maxParts + ", bytes=" + maxTotalBytes + ", depth=" + maxDepth
                + ", headerBytes=" + maxHeaderBytes + "]";
    }

    /** Builds {@link MultipartLimits}. Not thread-safe. */
    public static final class Builder {
        private int maxParts = 20_000;
        private int maxTotalBytes = 8 * 1024 * 1024;
        private int maxDepth = 8;
        private int maxHeaderBytes = 16 * 1024;

        private Builder() {
        }

        public Builder maxParts(int v) {
            maxParts = positive(v, "maxParts");
            return this;
        }

        public Builder maxTotalBytes(int v) {
            maxTotalBytes = positive(v, "maxTotalBytes");
            return this;
        }

        public Builder maxDepth(int v) {
            maxDepth = positive(v, "maxDepth");
            return this;
        }

        public Builder maxHeaderBytes(int v) {
            maxHeaderBytes = positive(v, "maxHeaderBytes");
            return this;
        }

        public MultipartLimits build() {
            return new MultipartLimits(this);
        }

        private static int positive(int v, String name) {
            if (v <= 0) {
                throw new IllegalArgumentException(name + " must be positive: " + v);
            }
            return v;
        }
    }
}
