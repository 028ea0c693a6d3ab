package io.presencekit.xcap.policy;

import io.presencekit.xcap.usage.ItemDocument;
import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.Values;
import java.util.List;
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
public final class Ruleset extends ItemDocument {
    /** {@code cp:ruleset}. */
    public static final QName QNAME = new QName(XcapNamespaces.COMMON_POLICY, "ruleset", "cp");

    private Ruleset(Builder b) {
        super(b);
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
        return new Builder(this);
    }

    /** The rules, in document order (the order Kamailio evaluates them in: the first match wins there). */
    public List<Rule> rules() {
        return Values.ofType(items(), Rule.class);
    }

    /** The rule with id {@code id}, if any. */
    public Optional<Rule> rule(String id) {
        return rules().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** Builds a {@link Ruleset}. Not thread-safe. */
    public static final class Builder extends ItemDocument.Builder<Builder> {
        private Builder() {
        }

        private Builder(Ruleset document) {
            super(document);
        }

        /** Appends a rule. */
        public Builder rule(Rule rule) {
            return item(Objects.requireNonNull(rule, "rule"));
        }

        /** Inserts a rule at {@code index} among the items. */
        public Builder rule(int index, Rule rule) {
            return insert(index, Objects.requireNonNull(rule, "rule"));
        }

        /** Replaces the rule with the same id in place, or appends {@code rule}. */
        public Builder putRule(Rule rule) {
            return replaceOrAppend(Rule.class, r -> r.id().equals(rule.id()), Objects.requireNonNull(rule, "rule"));
        }

        /** Removes the rules with id {@code id}. */
        public Builder removeRule(String id) {
            return removeIf(Rule.class, r -> r.id().equals(id));
        }

        public Ruleset build() {
            return new Ruleset(this);
        }
    }
}
