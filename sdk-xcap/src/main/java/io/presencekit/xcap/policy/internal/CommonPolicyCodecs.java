package io.presencekit.xcap.policy.internal;

import static io.presencekit.xcap.usage.XcapNamespaces.COMMON_POLICY;

import io.presencekit.xcap.policy.Actions;
import io.presencekit.xcap.policy.Conditions;
import io.presencekit.xcap.policy.Except;
import io.presencekit.xcap.policy.Identity;
import io.presencekit.xcap.policy.Many;
import io.presencekit.xcap.policy.One;
import io.presencekit.xcap.policy.Rule;
import io.presencekit.xcap.policy.Sphere;
import io.presencekit.xcap.policy.Transformations;
import io.presencekit.xcap.policy.Validity;
import io.presencekit.xcap.usage.internal.Reading;
import io.presencekit.xcap.usage.internal.Reading.Wildcard;
import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.ExtensionCodec;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Extras;
import io.presencekit.xml.Values;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.xml.namespace.QName;

/** The RFC 4745 common-policy element codecs. Immutable and thread-safe. */
final class CommonPolicyCodecs {
    static final QName FROM = new QName(COMMON_POLICY, "from", "cp");
    static final QName UNTIL = new QName(COMMON_POLICY, "until", "cp");

    private CommonPolicyCodecs() {
    }

    static List<ExtensionCodec<?>> codecs() {
        return List.of(new RuleCodec(),
                new ContainerCodec<>(Conditions.class, Conditions.QNAME, true, Conditions::items,
                        Conditions::attributes, (items, attrs) -> {
                            Conditions.Builder b = Conditions.builder();
                            items.forEach(b::add);
                            attrs.forEach(b::attribute);
                            return b.build();
                        }),
                new ContainerCodec<>(Actions.class, Actions.QNAME, false, Actions::items, Actions::attributes,
                        (items, attrs) -> {
                            Actions.Builder b = Actions.builder();
                            items.forEach(b::add);
                            attrs.forEach(b::attribute);
                            return b.build();
                        }),
                new ContainerCodec<>(Transformations.class, Transformations.QNAME, false, Transformations::items,
                        Transformations::attributes, (items, attrs) -> {
                            Transformations.Builder b = Transformations.builder();
                            items.forEach(b::add);
                            attrs.forEach(b::attribute);
                            return b.build();
                        }),
                new IdentityCodec(), new OneCodec(), new ManyCodec(), new ExceptCodec(), new SphereCodec(),
                new ValidityCodec());
    }

    /** {@code rule} (RFC 4745, section 10): conditions, actions, transformations, each optional, in that order. */
    static final class RuleCodec implements ExtensionCodec<Rule> {
        private static final List<String> PARTS = List.of("conditions", "actions", "transformations");

        @Override
        public QName name() {
            return Rule.QNAME;
        }

        @Override
        public Class<Rule> type() {
            return Rule.class;
        }

        @Override
        public Rule read(ElementReader in) {
            String id = Reading.required(in, "id", "rule");
            String where = "rule '" + id + "'";
            if (!Values.isNcName(id.strip())) {
                in.schemaViolation(where + ": the id is not an xs:ID");
            }
            Rule.Builder b = Rule.builder(id);
            Reading.otherAttributes(in, COMMON_POLICY, Wildcard.NONE, where, "id").forEach(b::attribute);
            int last = -1;
            while (in.nextChild()) {
                int at = COMMON_POLICY.equals(in.namespaceUri()) ? PARTS.indexOf(in.localName()) : -1;
                if (at < 0) {
                    if (COMMON_POLICY.equals(in.namespaceUri()) || in.namespaceUri().isEmpty()) {
                        b.extension(Reading.unexpected(in, where));
                    } else {
                        in.schemaViolation("element <" + in.localName() + "> from another namespace in " + where
                                + " (RFC 4745 allows none); kept as is");
                        b.extension(in.readExtension());
                    }
                    continue;
                }
                if (at <= last) {
                    b.extension(Reading.unexpected(in, where));
                    continue;
                }
                last = at;
                ExtensionElement e = in.readExtension();
                if (e instanceof Conditions c) {
                    b.conditions(c);
                } else if (e instanceof Actions a) {
                    b.actions(a);
                } else if (e instanceof Transformations t) {
                    b.transformations(t);
                } else {
                    b.extension(e);
                }
            }
            return b.build();
        }

        @Override
        public void write(Rule value, ElementWriter out) {
            out.startElement(Rule.QNAME).attribute("id", value.id()).attributes(value.extras().attributes());
            value.conditions().ifPresent(out::write);
            value.actions().ifPresent(out::write);
            value.transformations().ifPresent(out::write);
            out.writeAll(value.extras());
            out.endElement();
        }
    }

    /** Builds a container from its children and attributes. */
    interface Factory<T> {
        T create(List<ExtensionElement> items, Map<QName, String> attributes);
    }

    /**
     * {@code conditions} (identity, sphere, validity and {@code ##other}), {@code actions} and
     * {@code transformations} ({@code ##other} only).
     */
    static final class ContainerCodec<T extends ExtensionElement> implements ExtensionCodec<T> {
        private final Class<T> type;
        private final QName name;
        private final boolean conditions;
        private final Function<T, List<ExtensionElement>> items;
        private final Function<T, Map<QName, String>> attributes;
        private final Factory<T> factory;

        ContainerCodec(Class<T> type, QName name, boolean conditions, Function<T, List<ExtensionElement>> items,
                Function<T, Map<QName, String>> attributes, Factory<T> factory) {
            this.type = type;
            this.name = name;
            this.conditions = conditions;
            this.items = items;
            this.attributes = attributes;
            this.factory = factory;
        }

        @Override
        public QName name() {
            return name;
        }

        @Override
        public Class<T> type() {
            return type;
        }

        @Override
        public T read(ElementReader in) {
            String where = name.getLocalPart();
            Map<QName, String> attrs = Reading.otherAttributes(in, COMMON_POLICY, Wildcard.NONE, where);
            List<ExtensionElement> children = new ArrayList<>();
            while (in.nextChild()) {
                if (conditions && COMMON_POLICY.equals(in.namespaceUri())
                        && (in.localName().equals("identity") || in.localName().equals("sphere")
                                || in.localName().equals("validity"))) {
                    children.add(in.readExtension());
                } else {
                    children.add(Reading.foreign(in, COMMON_POLICY, where));
                }
            }
            return factory.create(children, attrs);
        }

        @Override
        public void write(T value, ElementWriter out) {
            out.startElement(name).attributes(attributes.apply(value));
            out.writeAll(items.apply(value));
            out.endElement();
        }
    }

    /** {@code identity}: one or more {@code one}, {@code many} or {@code ##other}. */
    static final class IdentityCodec implements ExtensionCodec<Identity> {
        @Override
        public QName name() {
            return Identity.QNAME;
        }

        @Override
        public Class<Identity> type() {
            return Identity.class;
        }

        @Override
        public Identity read(ElementReader in) {
            Reading.noOtherAttributes(in, false, "identity");
            List<ExtensionElement> children = new ArrayList<>();
            while (in.nextChild()) {
                if (in.is(COMMON_POLICY, "one") || in.is(COMMON_POLICY, "many")) {
                    children.add(in.readExtension());
                } else {
                    children.add(Reading.foreign(in, COMMON_POLICY, "identity"));
                }
            }
            if (children.isEmpty()) {
                in.schemaViolation("identity without one or many");
            }
            return new Identity(children);
        }

        @Override
        public void write(Identity value, ElementWriter out) {
            out.startElement(Identity.QNAME).writeAll(value.items()).endElement();
        }
    }

    /** {@code one}: an {@code id}, at most one element from another namespace. */
    static final class OneCodec implements ExtensionCodec<One> {
        @Override
        public QName name() {
            return One.QNAME;
        }

        @Override
        public Class<One> type() {
            return One.class;
        }

        @Override
        public One read(ElementReader in) {
            String id = Reading.required(in, "id", "one");
            Map<QName, String> attrs = Reading.otherAttributes(in, COMMON_POLICY, Wildcard.NONE, "one", "id");
            List<ExtensionElement> children = new ArrayList<>();
            while (in.nextChild()) {
                if (!children.isEmpty()) {
                    in.schemaViolation("more than one element inside one '" + id + "'");
                }
                children.add(Reading.foreign(in, COMMON_POLICY, "one"));
            }
            return new One(id, Extras.of(attrs, children));
        }

        @Override
        public void write(One value, ElementWriter out) {
            out.startElement(One.QNAME).attribute("id", value.id()).attributes(value.extras().attributes())
                    .writeAll(value.extras()).endElement();
        }
    }

    /** {@code many}: an optional {@code domain}, {@code except} and {@code ##other} children. */
    static final class ManyCodec implements ExtensionCodec<Many> {
        @Override
        public QName name() {
            return Many.QNAME;
        }

        @Override
        public Class<Many> type() {
            return Many.class;
        }

        @Override
        public Many read(ElementReader in) {
            String domain = in.attribute("domain");
            Map<QName, String> attrs = Reading.otherAttributes(in, COMMON_POLICY, Wildcard.NONE, "many", "domain");
            List<ExtensionElement> children = new ArrayList<>();
            while (in.nextChild()) {
                if (in.is(COMMON_POLICY, "except")) {
                    children.add(in.readExtension());
                } else {
                    children.add(Reading.foreign(in, COMMON_POLICY, "many"));
                }
            }
            return new Many(domain, children, attrs);
        }

        @Override
        public void write(Many value, ElementWriter out) {
            out.startElement(Many.QNAME).attribute("domain", value.domain()).attributes(value.attributes())
                    .writeAll(value.items()).endElement();
        }
    }

    /** {@code except}: {@code id} and {@code domain} attributes, no content. */
    static final class ExceptCodec implements ExtensionCodec<Except> {
        @Override
        public QName name() {
            return Except.QNAME;
        }

        @Override
        public Class<Except> type() {
            return Except.class;
        }

        @Override
        public Except read(ElementReader in) {
            Reading.noOtherAttributes(in, false, "except", "id", "domain");
            String id = in.attribute("id");
            String domain = in.attribute("domain");
            PolicyLeaves.empty(in, "except");
            return new Except(id, domain);
        }

        @Override
        public void write(Except value, ElementWriter out) {
            out.startElement(Except.QNAME).attribute("domain", value.domain()).attribute("id", value.id())
                    .endElement();
        }
    }

    /** {@code sphere}: a required {@code value}, no content. */
    static final class SphereCodec implements ExtensionCodec<Sphere> {
        @Override
        public QName name() {
            return Sphere.QNAME;
        }

        @Override
        public Class<Sphere> type() {
            return Sphere.class;
        }

        @Override
        public Sphere read(ElementReader in) {
            String value = Reading.required(in, "value", "sphere");
            Reading.noOtherAttributes(in, false, "sphere", "value");
            PolicyLeaves.empty(in, "sphere");
            return new Sphere(value);
        }

        @Override
        public void write(Sphere value, ElementWriter out) {
            out.startElement(Sphere.QNAME).attribute("value", value.value()).endElement();
        }
    }

    /** {@code validity}: {@code from}, {@code until} pairs of {@code xs:dateTime}. */
    static final class ValidityCodec implements ExtensionCodec<Validity> {
        @Override
        public QName name() {
            return Validity.QNAME;
        }

        @Override
        public Class<Validity> type() {
            return Validity.class;
        }

        @Override
        public Validity read(ElementReader in) {
            Reading.noOtherAttributes(in, false, "validity");
            List<Validity.Interval> intervals = new ArrayList<>();
            OffsetDateTime from = null;
            while (in.nextChild()) {
                if (from == null && in.is(COMMON_POLICY, "from")) {
                    from = dateTime(in, "from");
                } else if (from != null && in.is(COMMON_POLICY, "until")) {
                    intervals.add(new Validity.Interval(from, dateTime(in, "until")));
                    from = null;
                } else {
                    throw in.invalid("unexpected <" + in.localName() + "> in validity (from, until pairs)");
                }
            }
            if (from != null) {
                throw in.invalid("validity: from without until");
            }
            if (intervals.isEmpty()) {
                in.schemaViolation("validity without an interval");
            }
            return new Validity(intervals);
        }

        private static OffsetDateTime dateTime(ElementReader in, String what) {
            Reading.noOtherAttributes(in, false, what);
            return in.parseDateTime(in.text().strip());
        }

        @Override
        public void write(Validity value, ElementWriter out) {
            out.startElement(Validity.QNAME);
            for (Validity.Interval i : value.intervals()) {
                out.textElement(FROM, out.formatDateTime(i.from()));
                out.textElement(UNTIL, out.formatDateTime(i.until()));
            }
            out.endElement();
        }
    }
}
