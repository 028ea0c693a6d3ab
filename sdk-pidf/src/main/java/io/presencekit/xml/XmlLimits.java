package io.presencekit.xml;

/**
 * Bounds on what a reader accepts, against hostile or runaway documents. Immutable; build with
 * {@link #custom()} or derive with {@link #copy()}.
 *
 * <p>{@link #DEFAULT} suits presence payloads: a 1,000-member RLS NOTIFY is about 150 KB, so 2 MiB
 * leaves headroom while keeping a single document's cost bounded.
 */
public final class XmlLimits {
    /** Defaults: 2 MiB, depth 32, 64 attributes of 8 KiB each, 256 KiB of text per node, 100,000 elements. */
    public static final XmlLimits DEFAULT = custom().build();

    private final int maxDocumentBytes;
    private final int maxDepth;
    private final int maxAttributesPerElement;
    private final int maxAttributeLength;
    private final int maxTextLength;
    private final long maxElements;

    private XmlLimits(Builder b) {
        this.maxDocumentBytes = b.maxDocumentBytes;
        this.maxDepth = b.maxDepth;
        this.maxAttributesPerElement = b.maxAttributesPerElement;
        this.maxAttributeLength = b.maxAttributeLength;
        this.maxTextLength = b.maxTextLength;
        this.maxElements = b.maxElements;
    }

    /** A builder starting from the defaults. */
    public static Builder custom() {
        return new Builder();
    }

    /** A builder starting from these limits. */
    public Builder copy() {
        Builder b = new Builder();
        b.maxDocumentBytes = maxDocumentBytes;
        b.maxDepth = maxDepth;
        b.maxAttributesPerElement = maxAttributesPerElement;
        b.maxAttributeLength = maxAttributeLength;
        b.maxTextLength = maxTextLength;
        b.maxElements = maxElements;
        return b;
    }

    /** Largest accepted document, in bytes. */
    public int maxDocumentBytes() {
        return maxDocumentBytes;
    }

    /** Deepest accepted element nesting (the root is depth 1). */
    public int maxDepth() {
        return maxDepth;
    }

    /** Most attributes on one element. */
    public int maxAttributesPerElement() {
        return maxAttributesPerElement;
    }

    /** Longest attribute value, in characters. */
    public int maxAttributeLength() {
        return maxAttributeLength;
    }

    /** Longest text node, in characters. */
    public int maxTextLength() {
        return maxTextLength;
    }

    /** Most elements in one document. */
    public long maxElements() {
        return maxElements;
    }

    @Override
    public String toString() {
        return "XmlLimits[bytes=" + maxDocumentBytes + ", depth=" + maxDepth + ", attributes=" + maxAttributesPerElement
                + ", attributeLength=" + maxAttributeLength + ", textLength=" + maxTextLength + ", elements="
                + maxElements + "]";
    }

    /** Builds {@link XmlLimits}. Not thread-safe. */
    public static final class Builder {
        /** The largest {@link #maxDepth(int)} accepted. */
        public static final int MAX_DEPTH = 1_000;

        private int maxDocumentBytes = 2 * 1024 * 1024;
        private int maxDepth = 32;
        private int maxAttributesPerElement = 64;
        private int maxAttributeLength = 8 * 1024;
        private int maxTextLength = 256 * 1024;
        private long maxElements = 100_000;

        private Builder() {
        }

        public Builder maxDocumentBytes(int v) {
            maxDocumentBytes = positive(v, "maxDocumentBytes");
            return this;
        }

        /**
         * Sets the deepest accepted nesting, at most {@link #MAX_DEPTH}: models of unknown
         * content are trees that equality and writing walk recursively, so deeper documents are
         * refused rather than risking the stack.
         */
        public Builder maxDepth(int v) {
            maxDepth = positive(v, "maxDepth");
            if (v > MAX_DEPTH) {
                throw new IllegalArgumentException("maxDepth above " + MAX_DEPTH + " is not supported: " + v);
            }
            return this;
        }

        public Builder maxAttributesPerElement(int v) {
            maxAttributesPerElement = positive(v, "maxAttributesPerElement");
            return this;
        }

        public Builder maxAttributeLength(int v) {
            maxAttributeLength = positive(v, "maxAttributeLength");
            return this;
        }

        public Builder maxTextLength(int v) {
            maxTextLength = positive(v, "maxTextLength");
            return this;
        }

        public Builder maxElements(long v) {
            if (v <= 0) {
                throw new IllegalArgumentException("maxElements must be positive: " + v);
            }
            maxElements = v;
            return this;
        }

        public XmlLimits build() {
            return new XmlLimits(this);
        }

        private static int positive(int v, String name) {
            if (v <= 0) {
                throw new IllegalArgumentException(name + " must be positive: " + v);
            }
            return v;
        }
    }
}
