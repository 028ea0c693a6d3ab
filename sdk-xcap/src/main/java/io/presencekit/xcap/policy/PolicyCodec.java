package io.presencekit.xcap.policy;

import io.presencekit.error.DocumentParseException;
import io.presencekit.xcap.policy.internal.PolicySupport;
import io.presencekit.xcap.usage.XcapDocumentCodec;
import io.presencekit.xml.DocumentCodec;

/**
 * Reads and writes authorization policy documents ({@code application/auth-policy+xml}): RFC 4745
 * common-policy rulesets, as used by the XCAP application usages {@code pres-rules} (RFC 5025)
 * and {@code org.openmobilealliance.pres-rules}.
 *
 * <p>The common-policy elements are always read typed. By default the RFC 5025 pres-rules
 * elements ({@link SubHandling}, {@link ProvideComponents}, {@link ComponentFilter},
 * {@link BooleanPermission}, {@link ProvideUserInput}, {@link ProvideUnknownAttribute},
 * {@link ProvideAllAttributes}), the OMA ones ({@link ExternalList}, {@link OtherIdentity},
 * {@link AnonymousRequest}, the OMA {@link BooleanPermission} kinds, {@link ProvideGeopriv}) and
 * AG Projects' {@link FalseCondition} are read typed too. Rules, conditions and transformations of
 * other clients, and elements of unknown namespaces, are kept and written back unchanged, in place.
 *
 * <ul>
 * <li>{@link #standard()}: refuses what is not well-formed, not a ruleset (root element and
 * namespace exact), carries a DOCTYPE or entity, or breaks a limit; tolerates schema slips and
 * records them in {@link Ruleset#warnings()}. An element it cannot represent typed (a
 * {@code sub-handling} of {@code maybe}, say) is kept whole as a generic element, with a warning.</li>
 * <li>{@link #strict()}: every schema slip is a {@link DocumentParseException}.</li>
 * </ul>
 *
 * <p>Output is deterministic UTF-8 with the common-policy namespace as default and the prefixes
 * {@code pr}, {@code ocp}, {@code opr} and {@code agp-cp} declared once on the root.
 *
 * <p>Immutable and thread-safe; share instances.
 */
public final class PolicyCodec extends DocumentCodec<Ruleset>
        implements XcapDocumentCodec<Ruleset> {
    /** The MIME type of policy documents. */
    public static final String CONTENT_TYPE = "application/auth-policy+xml";

    // before the shared instances, which need it
    private static final Format<Ruleset> FORMAT = new Format<>("policy",
            PolicySupport::read, PolicySupport::write, null, PolicySupport.core());

    private static final PolicyCodec STANDARD = builder().build();
    private static final PolicyCodec STRICT = builder().strict(true).build();

    private PolicyCodec(Builder b) {
        super(FORMAT, b);
    }

    /** The lenient codec with default limits. */
    public static PolicyCodec standard() {
        return STANDARD;
    }

    /** The schema-enforcing codec with default limits. */
    public static PolicyCodec strict() {
        return STRICT;
    }

    /** A builder starting from {@link #standard()}'s settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this codec's settings and extension codecs. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    /**
     * Builds a {@link PolicyCodec}. The codecs it registers are for elements from other namespaces:
     * the common-policy elements themselves are always read by the SDK's codecs, which cannot be
     * replaced. Not thread-safe.
     */
    public static final class Builder extends DocumentCodec.Builder<PolicyCodec, Builder> {
        private Builder() {
            super(PolicySupport.defaults().build());
        }

        private Builder(PolicyCodec codec) {
            super(codec);
        }

        @Override
        public PolicyCodec build() {
            return new PolicyCodec(this);
        }
    }
}
