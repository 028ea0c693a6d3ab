package io.presencekit.xcap.policy.internal;

import static io.presencekit.xcap.usage.XcapNamespaces.COMMON_POLICY;

import io.presencekit.xcap.policy.ExternalList;
import io.presencekit.xcap.policy.Identity;
import io.presencekit.xcap.policy.Many;
import io.presencekit.xcap.policy.One;
import io.presencekit.xcap.policy.ProvideComponents;
import io.presencekit.xcap.policy.Rule;
import io.presencekit.xcap.policy.Ruleset;
import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xcap.usage.internal.NamespaceSet;
import io.presencekit.xcap.usage.internal.Reading;
import io.presencekit.xcap.usage.internal.Reading.Wildcard;
import io.presencekit.xml.DocumentReader;
import io.presencekit.xml.DocumentWriter;
import io.presencekit.xml.ExtensionCodec;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.ExtensionRegistry;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads and writes common-policy rulesets (RFC 4745, RFC 5025 and the OMA and AG Projects extensions). */
public final class PolicySupport {
    private static final List<ExtensionCodec<?>> CORE = CommonPolicyCodecs.codecs();
    private static final List<ExtensionCodec<?>> DEFAULTS = PolicyLeaves.codecs();

    private PolicySupport() {
    }

    /** The RFC 4745 element codecs. */
    public static List<ExtensionCodec<?>> core() {
        return CORE;
    }

    /** The default registry: pres-rules, OMA and AG Projects codecs with the prefixes used in the wild. */
    public static ExtensionRegistry.Builder defaults() {
        return ExtensionRegistry.builder()
                .prefix(XcapNamespaces.COMMON_POLICY, "cp")
                .prefix(XcapNamespaces.PRES_RULES, "pr")
                .prefix(XcapNamespaces.OMA_COMMON_POLICY, "ocp")
                .prefix(XcapNamespaces.OMA_PRES_RULES, "opr")
                .prefix(XcapNamespaces.AGP_COMMON_POLICY, "agp-cp")
                .registerAll(DEFAULTS);
    }

    public static Ruleset read(DocumentReader in) {
        Reading.root(in, COMMON_POLICY, "ruleset", "a common-policy ruleset");
        Ruleset.Builder b = Ruleset.builder();
        Reading.otherAttributes(in, COMMON_POLICY, Wildcard.NONE, "ruleset").forEach(b::attribute);
        Set<String> ids = new HashSet<>();
        while (in.nextChild()) {
            if (in.is(COMMON_POLICY, "rule")) {
                ExtensionElement e = in.readExtension();
                if (e instanceof Rule r && !ids.add(r.id())) {
                    in.schemaViolation("duplicate rule id '" + r.id() + "' (an xs:ID); kept as is");
                }
                b.item(e);
            } else {
                b.item(Reading.unexpected(in, "ruleset"));
            }
        }
        return b.warnings(in.warnings()).build();
    }

    public static byte[] write(Ruleset doc, ExtensionRegistry registry) {
        NamespaceSet ns = new NamespaceSet(registry).add(COMMON_POLICY).attributes(doc.attributes());
        for (ExtensionElement e : doc.items()) {
            collect(ns, e);
        }
        DocumentWriter out = new DocumentWriter(registry).declareOnRoot(ns.result());
        out.startElement(Ruleset.QNAME).attributes(doc.attributes());
        out.writeAll(doc.items());
        out.endElement();
        return out.toByteArray();
    }

    private static void collect(NamespaceSet ns, ExtensionElement e) {
        if (e instanceof Rule r) {
            ns.add(COMMON_POLICY).attributes(r.extras().attributes());
            r.conditions().ifPresent(c -> {
                ns.attributes(c.attributes());
                c.items().forEach(x -> collect(ns, x));
            });
            r.actions().ifPresent(a -> {
                ns.attributes(a.attributes());
                a.items().forEach(x -> collect(ns, x));
            });
            r.transformations().ifPresent(t -> {
                ns.attributes(t.attributes());
                t.items().forEach(x -> collect(ns, x));
            });
            r.extras().children().forEach(x -> collect(ns, x));
        } else if (e instanceof Identity i) {
            ns.add(COMMON_POLICY);
            i.items().forEach(x -> collect(ns, x));
        } else if (e instanceof One o) {
            ns.add(COMMON_POLICY).attributes(o.extras().attributes());
            o.extras().children().forEach(x -> collect(ns, x));
        } else if (e instanceof Many m) {
            ns.add(COMMON_POLICY).attributes(m.attributes());
            m.items().forEach(x -> collect(ns, x));
        } else if (e instanceof ProvideComponents p) {
            ns.add(XcapNamespaces.PRES_RULES);
            p.items().forEach(x -> collect(ns, x));
        } else if (e instanceof ExternalList l) {
            ns.add(XcapNamespaces.OMA_COMMON_POLICY);
            l.entries().forEach(x -> ns.attributes(x.attributes()));
        } else {
            ns.other(e);
        }
    }
}
