package io.presencekit.xcap.policy;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.ParseWarning;
import io.presencekit.xml.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * An authorization policy document ({@code application/auth-policy+xml}): a common-policy
 * {@code ruleset} (RFC 4745, section 6) of {@link Rule}s. As a presence authorization document
 * (RFC 5025; XCAP application usages {@code pres-rules} and {@code org.openmobilealliance.pres-rules})
 * its rules carry a {@link SubHandling} action and presence transformations.
 *
 * <p>The schema allows only {@code rule} elements in a ruleset; a lenient read keeps anything
 * else there as a generic element in {@link #items()} (with a warning). Note that Kamailio stops
 * evaluating a ruleset at the first node that is not a rule (an XML comment included); the writer
 * never writes comments.
 *
 * <p>Immutable and thread-safe. {@link #warnings()} is not part of equality.
 */
public final class Ruleset {
    /** {@code cp:ruleset}. */
    public static final QName QNAME = new QName(XcapNamespaces.COMMON_POLICY, "ruleset", "cp");

    private final List<ExtensionElement> items;
    private final Map<QName, String> attributes;
    private final List<ParseWarning> warnings;

    private Ruleset(Builder b) {
        this.items = List.copyOf(b.items);
        this.attributes = Values.orderedMap(b.attributes, "attributes");
        this.warnings = List.copyOf(b.warnings);
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A ruleset of {@code rules}. */
    public static Ruleset of(Rule... rules) {
        Builder b = builder();
        for (Rule r : rules) {
            b.rule(r);
        }
        return b.build();
    }

    /** A builder holding this ruleset (warnings not carried over). */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.items.addAll(items);
        b.attributes.putAll(attributes);
        return b;
    }

    /** The rules, in document order (the order Kamailio evaluates them in: the first match wins there). */
    public List<Rule> rules() {
        return Values.ofType(items, Rule.class);
    }

    /** The rule with id {@code id}, if any. */
    public Optional<Rule> rule(String id) {
        return rules().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** Every element of the ruleset in order: the rules, and whatever a lenient read kept beside them. */
    public List<ExtensionElement> items() {
        return items;
    }

    /** Attributes on the root element (none are defined), kept as read. */
    public Map<QName, String> attributes() {
        return attributes;
    }

    /** Schema slips tolerated while reading this document (always empty for built documents). */
    public List<ParseWarning> warnings() {
        return warnings;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ruleset r && items.equals(r.items) && attributes.equals(r.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(items, attributes);
    }

    @Override
    public String toString() {
        return "Ruleset[items=" + items + (attributes.isEmpty() ? "" : ", attributes=" + attributes)
                + (warnings.isEmpty() ? "" : ", warnings=" + warnings) + "]";
    }

    /** Builds a {@link Ruleset}. Not thread-safe. */
    public static final class Builder {
        private final List<ExtensionElement> items = new ArrayList<>();
        private final Map<QName, String> attributes = new LinkedHashMap<>();
        private final List<ParseWarning> warnings = new ArrayList<>();

        private Builder() {
        }

        /** Appends a rule. */
        public Builder rule(Rule rule) {
            items.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /** Inserts a rule at {@code index} among the items. */
        public Builder rule(int index, Rule rule) {
            items.add(index, Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /** Replaces the rule with the same id in place, or appends {@code rule}. */
        public Builder putRule(Rule rule) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof Rule r && r.id().equals(rule.id())) {
                    items.set(i, rule);
                    return this;
                }
            }
            return rule(rule);
        }

        /** Removes the rules with id {@code id}. */
        public Builder removeRule(String id) {
            items.removeIf(e -> e instanceof Rule r && r.id().equals(id));
            return this;
        }

        /** Appends an element as is (readers use it for what the schema does not allow in a ruleset). */
        public Builder item(ExtensionElement item) {
            items.add(Objects.requireNonNull(item, "item"));
            return this;
        }

        /** Adds an attribute to the root element. */
        public Builder attribute(QName name, String value) {
            attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Records tolerated schema slips (used by readers). */
        public Builder warnings(List<ParseWarning> warnings) {
            this.warnings.addAll(warnings);
            return this;
        }

        public Ruleset build() {
            return new Ruleset(this);
        }
    }
}
