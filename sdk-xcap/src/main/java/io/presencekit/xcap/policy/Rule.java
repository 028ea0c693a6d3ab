package io.presencekit.xcap.policy;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Extras;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * A common-policy {@code rule} (RFC 4745, section 10): an id, and optional conditions, actions and
 * transformations. A rule applies when all its conditions match (a rule without conditions always
 * matches); the permissions of all applicable rules are combined (RFC 4745, section 10.2).
 *
 * <p>The schema allows nothing else in a rule; a lenient read keeps anything else (for example
 * AG Projects' {@code agp-cp:display-name}) in {@link #extras()}, written after the transformations.
 *
 * <p>Immutable and thread-safe.
 */
public final class Rule implements ExtensionElement {
    /** {@code cp:rule}. */
    public static final QName QNAME = new QName(XcapNamespaces.COMMON_POLICY, "rule", "cp");

    private final String id;
    private final Conditions conditions;
    private final Actions actions;
    private final Transformations transformations;
    private final Extras extras;

    private Rule(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.conditions = b.conditions;
        this.actions = b.actions;
        this.transformations = b.transformations;
        this.extras = Extras.of(b.attributes, b.children);
    }

    /** A builder for rule {@code id} (an {@code xs:ID}, unique in the document). */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** A builder holding this rule. */
    public Builder toBuilder() {
        Builder b = new Builder(id);
        b.conditions = conditions;
        b.actions = actions;
        b.transformations = transformations;
        b.attributes.putAll(extras.attributes());
        b.children.addAll(extras.children());
        return b;
    }

    @Override
    public QName qname() {
        return QNAME;
    }

    /** The {@code id} attribute. */
    public String id() {
        return id;
    }

    /** The conditions, if the rule has a {@code conditions} element. */
    public Optional<Conditions> conditions() {
        return Optional.ofNullable(conditions);
    }

    /** The actions, if the rule has an {@code actions} element. */
    public Optional<Actions> actions() {
        return Optional.ofNullable(actions);
    }

    /** The transformations, if the rule has a {@code transformations} element. */
    public Optional<Transformations> transformations() {
        return Optional.ofNullable(transformations);
    }

    /** The pres-rules {@code sub-handling} action, if any. */
    public Optional<SubHandling> subHandling() {
        return actions == null ? Optional.empty() : actions.subHandling();
    }

    /** Attributes other than {@code id} and elements the schema does not define in a rule, kept as read. */
    public Extras extras() {
        return extras;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rule r && id.equals(r.id) && Objects.equals(conditions, r.conditions)
                && Objects.equals(actions, r.actions) && Objects.equals(transformations, r.transformations)
                && extras.equals(r.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, conditions, actions, transformations, extras);
    }

    @Override
    public String toString() {
        return "Rule[id=" + id + (conditions == null ? "" : ", " + conditions)
                + (actions == null ? "" : ", " + actions)
                + (transformations == null ? "" : ", " + transformations)
                + (extras.isEmpty() ? "" : ", extras=" + extras) + "]";
    }

    /** Builds a {@link Rule}. Not thread-safe. */
    public static final class Builder {
        private String id;
        private Conditions conditions;
        private Actions actions;
        private Transformations transformations;
        private final Map<QName, String> attributes = new LinkedHashMap<>();
        private final List<ExtensionElement> children = new ArrayList<>();

        private Builder(String id) {
            id(id);
        }

        public Builder id(String id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        /** Sets the conditions; null removes the element. */
        public Builder conditions(Conditions conditions) {
            this.conditions = conditions;
            return this;
        }

        /** Sets the conditions to {@code conditions}. */
        public Builder conditions(ExtensionElement... conditions) {
            return conditions(Conditions.of(conditions));
        }

        /** Sets the actions; null removes the element. */
        public Builder actions(Actions actions) {
            this.actions = actions;
            return this;
        }

        /** Sets the actions to {@code actions}. */
        public Builder actions(ExtensionElement... actions) {
            return actions(Actions.of(actions));
        }

        /** Sets the transformations; null removes the element. */
        public Builder transformations(Transformations transformations) {
            this.transformations = transformations;
            return this;
        }

        /** Sets the transformations to {@code transformations}. */
        public Builder transformations(ExtensionElement... transformations) {
            return transformations(Transformations.of(transformations));
        }

        /** Sets the {@code sub-handling} action, keeping the other actions. */
        public Builder subHandling(SubHandling subHandling) {
            Actions.Builder a = actions == null ? Actions.builder() : actions.toBuilder();
            a.removeIf(e -> e instanceof SubHandling);
            a.add(0, subHandling);
            actions = a.build();
            return this;
        }

        /** Adds an attribute. */
        public Builder attribute(QName name, String value) {
            attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Appends an element after the transformations (not allowed by RFC 4745: for exact copies). */
        public Builder extension(ExtensionElement element) {
            children.add(Objects.requireNonNull(element, "element"));
            return this;
        }

        public Rule build() {
            return new Rule(this);
        }
    }
}
