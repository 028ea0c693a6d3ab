package io.presencekit.xcap.policy;

import io.presencekit.error.DocumentParseException;
import io.presencekit.xcap.policy.internal.PolicySupport;
import io.presencekit.xcap.usage.XcapDocumentCodec;
import io.presencekit.xcap.usage.internal.CodecSupport;
import io.presencekit.xml.ExtensionCodec;
import io.presencekit.xml.ExtensionRegistry;
import io.presencekit.xml.XmlLimits;
import java.io.InputStream;
import java.util.Objects;
import javax.xml.namespace.QName;

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
public final class PolicyCodec implements XcapDocumentCodec<Ruleset> {
    /** The MIME type of policy documents. */
    public static final String CONTENT_TYPE = "application/auth-policy+xml";

    private static final PolicyCodec STANDARD = builder().build();
    private static final PolicyCodec STRICT = builder().strict(true).build();

    private final ExtensionRegistry source;
    private final CodecSupport<Ruleset> support;

    private PolicyCodec(Builder b) {
        this.source = b.registry.build();
        this.support = new CodecSupport<>("policy document",
                CodecSupport.registry(source, PolicySupport.core()), b.limits, b.strict,
                PolicySupport::read, PolicySupport::write);
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
        Builder b = new Builder();
        b.registry = source.toBuilder();
        b.limits = support.limits();
        b.strict = support.strict();
        return b;
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public boolean isStrict() {
        return support.strict();
    }

    @Override
    public XmlLimits limits() {
        return support.limits();
    }

    /** The registry, the common-policy element codecs included. */
    public ExtensionRegistry registry() {
        return support.registry();
    }

    @Override
    public Ruleset read(byte[] input) {
        return support.read(input);
    }

    @Override
    public Ruleset read(byte[] input, int offset, int length) {
        return support.read(input, offset, length);
    }

    @Override
    public Ruleset read(InputStream in) {
        return support.read(in);
    }

    @Override
    public byte[] write(Ruleset document) {
        return support.write(document);
    }

    /** Builds a {@link PolicyCodec}. Not thread-safe. */
    public static final class Builder {
        private ExtensionRegistry.Builder registry = PolicySupport.defaults();
        private XmlLimits limits = XmlLimits.DEFAULT;
        private boolean strict;

        private Builder() {
        }

        /** Enforce the schema (true) or tolerate slips with warnings (false, the default). */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /** Limits on input size, depth, attributes and text. */
        public Builder limits(XmlLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Adds or replaces the codec for an element from another namespace. The codecs of the
         * common-policy elements themselves cannot be replaced.
         */
        public Builder register(ExtensionCodec<?> codec) {
            registry.register(codec);
            return this;
        }

        /** Removes the codec for {@code name}: that element is then kept as a generic element. */
        public Builder unregister(QName name) {
            registry.unregister(name);
            return this;
        }

        /** Sets the prefix written for {@code namespaceUri}. */
        public Builder prefix(String namespaceUri, String prefix) {
            registry.prefix(namespaceUri, prefix);
            return this;
        }

        public PolicyCodec build() {
            return new PolicyCodec(this);
        }
    }
}
