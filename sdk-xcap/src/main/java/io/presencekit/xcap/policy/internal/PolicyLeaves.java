package io.presencekit.xcap.policy.internal;

import static io.presencekit.xcap.usage.XcapNamespaces.OMA_COMMON_POLICY;
import static io.presencekit.xcap.usage.XcapNamespaces.PRES_RULES;

import io.presencekit.xcap.policy.AnonymousRequest;
import io.presencekit.xcap.policy.BooleanPermission;
import io.presencekit.xcap.policy.ComponentFilter;
import io.presencekit.xcap.policy.ExternalList;
import io.presencekit.xcap.policy.FalseCondition;
import io.presencekit.xcap.policy.OtherIdentity;
import io.presencekit.xcap.policy.ProvideAllAttributes;
import io.presencekit.xcap.policy.ProvideComponents;
import io.presencekit.xcap.policy.ProvideGeopriv;
import io.presencekit.xcap.policy.ProvideUnknownAttribute;
import io.presencekit.xcap.policy.ProvideUserInput;
import io.presencekit.xcap.policy.SubHandling;
import io.presencekit.xcap.usage.internal.Reading;
import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.ExtensionCodec;
import io.presencekit.xml.ExtensionElement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.xml.namespace.QName;

/**
 * The pres-rules (RFC 5025), OMA (common policy and pres-rules) and AG Projects policy element
 * codecs. A value one of them cannot represent makes the element unreadable, so that a lenient
 * reader keeps it whole. Immutable and thread-safe.
 */
final class PolicyLeaves {
    static final QName OMA_ENTRY = new QName(OMA_COMMON_POLICY, "entry", "ocp");

    private PolicyLeaves() {
    }

    static List<ExtensionCodec<?>> codecs() {
        List<ExtensionCodec<?>> c = new ArrayList<>();
        c.add(new TokenCodec<>(SubHandling.class, SubHandling.QNAME, SubHandling::fromToken, SubHandling::token));
        c.add(new TokenCodec<>(ProvideUserInput.class, ProvideUserInput.QNAME, ProvideUserInput::fromToken,
                ProvideUserInput::token));
        c.add(new TokenCodec<>(ProvideGeopriv.class, ProvideGeopriv.QNAME, ProvideGeopriv::fromToken,
                ProvideGeopriv::token));
        for (BooleanPermission.Kind k : BooleanPermission.Kind.values()) {
            c.add(new BooleanPermissionCodec(k));
        }
        for (ProvideComponents.Component component : ProvideComponents.Component.values()) {
            c.add(new ProvideComponentsCodec(component));
        }
        for (ComponentFilter.Kind k : ComponentFilter.Kind.values()) {
            c.add(new ComponentFilterCodec(k));
        }
        c.add(new ProvideUnknownAttributeCodec());
        c.add(new EmptyCodec<>(ProvideAllAttributes.class, ProvideAllAttributes.QNAME, ProvideAllAttributes.INSTANCE));
        c.add(new EmptyCodec<>(OtherIdentity.class, OtherIdentity.QNAME, OtherIdentity.INSTANCE));
        c.add(new EmptyCodec<>(AnonymousRequest.class, AnonymousRequest.QNAME, AnonymousRequest.INSTANCE));
        c.add(new EmptyCodec<>(FalseCondition.class, FalseCondition.QNAME, FalseCondition.INSTANCE));
        c.add(new ExternalListCodec());
        return List.copyOf(c);
    }

    /** Refuses content in an element that has none. */
    static void empty(ElementReader in, String where) {
        if (in.nextChild()) {
            throw in.invalid("unexpected <" + in.localName() + "> in " + where + ", which has no content");
        }
    }

    /** Text content of an element without attributes. */
    static String text(ElementReader in, String where) {
        Reading.noOtherAttributes(in, false, where);
        return in.text();
    }

    /** An element whose text is one of an enumeration's tokens. */
    static final class TokenCodec<T extends ExtensionElement> implements ExtensionCodec<T> {
        private final Class<T> type;
        private final QName name;
        private final Function<String, T> parse;
        private final Function<T, String> token;

        TokenCodec(Class<T> type, QName name, Function<String, T> parse, Function<T, String> token) {
            this.type = type;
            this.name = name;
            this.parse = parse;
            this.token = token;
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
            String t = text(in, name.getLocalPart());
            T value = parse.apply(t);
            if (value == null) {
                throw in.invalid(name.getLocalPart() + " '" + t + "' is not a defined value");
            }
            return value;
        }

        @Override
        public void write(T value, ElementWriter out) {
            out.textElement(name, token.apply(value));
        }
    }

    /** A {@code booleanPermission} element. */
    static final class BooleanPermissionCodec implements ExtensionCodec<BooleanPermission> {
        private final BooleanPermission.Kind kind;

        BooleanPermissionCodec(BooleanPermission.Kind kind) {
            this.kind = kind;
        }

        @Override
        public QName name() {
            return kind.qname();
        }

        @Override
        public Class<BooleanPermission> type() {
            return BooleanPermission.class;
        }

        @Override
        public BooleanPermission read(ElementReader in) {
            String where = kind.qname().getLocalPart();
            return new BooleanPermission(kind, Reading.bool(in, text(in, where), where));
        }

        @Override
        public void write(BooleanPermission value, ElementWriter out) {
            out.textElement(value.kind().qname(), value.allowed() ? "true" : "false");
        }
    }

    /** {@code provide-services}, {@code provide-devices}, {@code provide-persons}. */
    static final class ProvideComponentsCodec implements ExtensionCodec<ProvideComponents> {
        private final ProvideComponents.Component component;

        ProvideComponentsCodec(ProvideComponents.Component component) {
            this.component = component;
        }

        @Override
        public QName name() {
            return component.qname();
        }

        @Override
        public Class<ProvideComponents> type() {
            return ProvideComponents.class;
        }

        @Override
        public ProvideComponents read(ElementReader in) {
            String where = component.qname().getLocalPart();
            Reading.noOtherAttributes(in, false, where);
            boolean all = false;
            List<ExtensionElement> items = new ArrayList<>();
            while (in.nextChild()) {
                if (in.is(PRES_RULES, component.all().getLocalPart())) {
                    if (all || !items.isEmpty()) {
                        throw in.invalid("<" + in.localName() + "> together with other content in " + where);
                    }
                    Reading.noOtherAttributes(in, false, in.localName());
                    empty(in, component.all().getLocalPart());
                    all = true;
                    continue;
                }
                if (all) {
                    throw in.invalid("<" + in.localName() + "> after <" + component.all().getLocalPart() + "> in "
                            + where);
                }
                ComponentFilter.Kind k = PRES_RULES.equals(in.namespaceUri())
                        ? ComponentFilter.Kind.fromLocalName(in.localName()) : null;
                if (k != null) {
                    if (!k.appliesTo(component)) {
                        in.schemaViolation("<" + in.localName() + "> does not apply in " + where + "; kept as is");
                    }
                    items.add(in.readExtension());
                } else {
                    items.add(Reading.foreign(in, PRES_RULES, where));
                }
            }
            return new ProvideComponents(component, all, items);
        }

        @Override
        public void write(ProvideComponents value, ElementWriter out) {
            out.startElement(value.component().qname());
            if (value.all()) {
                out.startElement(value.component().all()).endElement();
            }
            out.writeAll(value.items());
            out.endElement();
        }
    }

    /** {@code service-uri}, {@code service-uri-scheme}, {@code occurrence-id}, {@code class}, {@code deviceID}. */
    static final class ComponentFilterCodec implements ExtensionCodec<ComponentFilter> {
        private final ComponentFilter.Kind kind;

        ComponentFilterCodec(ComponentFilter.Kind kind) {
            this.kind = kind;
        }

        @Override
        public QName name() {
            return kind.qname();
        }

        @Override
        public Class<ComponentFilter> type() {
            return ComponentFilter.class;
        }

        @Override
        public ComponentFilter read(ElementReader in) {
            // xs:token and xs:anyURI: the whitespace around the value is not part of it
            return new ComponentFilter(kind, text(in, kind.qname().getLocalPart()).strip());
        }

        @Override
        public void write(ComponentFilter value, ElementWriter out) {
            out.textElement(value.kind().qname(), value.value());
        }
    }

    /** {@code provide-unknown-attribute}: {@code ns} and {@code name}, a boolean. */
    static final class ProvideUnknownAttributeCodec implements ExtensionCodec<ProvideUnknownAttribute> {
        @Override
        public QName name() {
            return ProvideUnknownAttribute.QNAME;
        }

        @Override
        public Class<ProvideUnknownAttribute> type() {
            return ProvideUnknownAttribute.class;
        }

        @Override
        public ProvideUnknownAttribute read(ElementReader in) {
            String where = "provide-unknown-attribute";
            String ns = Reading.required(in, "ns", where);
            String name = Reading.required(in, "name", where);
            Reading.noOtherAttributes(in, false, where, "ns", "name");
            return new ProvideUnknownAttribute(ns, name, Reading.bool(in, in.text(), where));
        }

        @Override
        public void write(ProvideUnknownAttribute value, ElementWriter out) {
            out.startElement(ProvideUnknownAttribute.QNAME).attribute("ns", value.namespace())
                    .attribute("name", value.name()).text(value.allowed() ? "true" : "false").endElement();
        }
    }

    /** An element without attributes or content, read as its one instance. */
    static final class EmptyCodec<T extends ExtensionElement> implements ExtensionCodec<T> {
        private final Class<T> type;
        private final QName name;
        private final T instance;

        EmptyCodec(Class<T> type, QName name, T instance) {
            this.type = type;
            this.name = name;
            this.instance = instance;
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
            Reading.noOtherAttributes(in, false, name.getLocalPart());
            empty(in, name.getLocalPart());
            return instance;
        }

        @Override
        public void write(T value, ElementWriter out) {
            out.startElement(name).endElement();
        }
    }

    /** OMA {@code external-list}: {@code entry} elements with an {@code anc} and any attributes. */
    static final class ExternalListCodec implements ExtensionCodec<ExternalList> {
        @Override
        public QName name() {
            return ExternalList.QNAME;
        }

        @Override
        public Class<ExternalList> type() {
            return ExternalList.class;
        }

        @Override
        public ExternalList read(ElementReader in) {
            Reading.noOtherAttributes(in, false, "external-list");
            List<ExternalList.Entry> entries = new ArrayList<>();
            while (in.nextChild()) {
                if (!in.is(OMA_COMMON_POLICY, "entry")) {
                    throw in.invalid("unexpected <" + in.localName() + "> in external-list");
                }
                String anc = in.attribute("anc");
                ExternalList.Entry e = new ExternalList.Entry(anc,
                        in.otherAttributes(false, "anc"));
                empty(in, "external-list entry");
                entries.add(e);
            }
            return new ExternalList(entries);
        }

        @Override
        public void write(ExternalList value, ElementWriter out) {
            out.startElement(ExternalList.QNAME);
            for (ExternalList.Entry e : value.entries()) {
                out.startElement(OMA_ENTRY).attribute("anc", e.anchor()).attributes(e.attributes()).endElement();
            }
            out.endElement();
        }
    }
}
