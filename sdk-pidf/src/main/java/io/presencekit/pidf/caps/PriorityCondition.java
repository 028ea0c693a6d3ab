package io.presencekit.pidf.caps;

/**
 * One item of {@code caps:priority}: which SIP request priorities a service handles (RFC 5196,
 * section 3.2). Immutable.
 */
public sealed interface PriorityCondition {
    /** {@code equals value="n"}: priority {@code n}. */
    record Equals(int value) implements PriorityCondition {
    }

    /**
     * {@code higherthan minvalue="n"}: priorities above {@code n}. The RFC 5196 schema spells the
     * element {@code higherhan}; both spellings are read, and the schema's is written, because
     * python-sipsimple validates against that schema.
     */
    record HigherThan(int minValue) implements PriorityCondition {
    }

    /** {@code lowerthan maxvalue="n"}: priorities below {@code n}. */
    record LowerThan(int maxValue) implements PriorityCondition {
    }

    /** {@code range minvalue="a" maxvalue="b"}: priorities from {@code a} to {@code b}. */
    record Range(int minValue, int maxValue) implements PriorityCondition {
        public Range {
            if (minValue > maxValue) {
                throw new IllegalArgumentException("priority range " + minValue + ".." + maxValue + " is empty");
            }
        }
    }
}
