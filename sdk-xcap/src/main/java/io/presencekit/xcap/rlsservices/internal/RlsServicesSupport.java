package io.presencekit.xcap.rlsservices.internal;

import static io.presencekit.xcap.usage.XcapNamespaces.RLS_SERVICES;

import io.presencekit.xcap.resourcelists.internal.ResourceListsCodecs;
import io.presencekit.xcap.resourcelists.internal.ResourceListsNamespaces;
import io.presencekit.xcap.rlsservices.RlsServices;
import io.presencekit.xcap.rlsservices.Service;
import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xcap.usage.internal.NamespaceSet;
import io.presencekit.xcap.usage.internal.Reading;
import io.presencekit.xcap.usage.internal.Reading.Wildcard;
import io.presencekit.xml.DocumentReader;
import io.presencekit.xml.DocumentWriter;
import io.presencekit.xml.ExtensionCodec;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.ExtensionRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads and writes rls-services documents (RFC 4826, section 4.2). */
public final class RlsServicesSupport {
    private static final List<ExtensionCodec<?>> CORE;

    static {
        List<ExtensionCodec<?>> c = new ArrayList<>(ResourceListsCodecs.core());
        c.add(new ServiceCodec());
        c.add(ServiceCodec.LIST_CODEC);
        CORE = List.copyOf(c);
    }

    private RlsServicesSupport() {
    }

    /** The rls-services and resource-lists element codecs. */
    public static List<ExtensionCodec<?>> core() {
        return CORE;
    }

    /** The default registry builder: resource-lists prefixes and extensions, {@code rls} for the own namespace. */
    public static ExtensionRegistry.Builder defaults() {
        return ResourceListsCodecs.prefixes(ExtensionRegistry.builder()).prefix(RLS_SERVICES, "rls")
                .registerAll(ResourceListsCodecs.defaults());
    }

    public static RlsServices read(DocumentReader in) {
        Reading.root(in, RLS_SERVICES, "rls-services", "an rls-services document");
        RlsServices.Builder b = RlsServices.builder();
        Reading.otherAttributes(in, RLS_SERVICES, Wildcard.NONE, "rls-services").forEach(b::attribute);
        Set<String> uris = new HashSet<>();
        while (in.nextChild()) {
            if (in.is(RLS_SERVICES, "service")) {
                ExtensionElement e = in.readExtension();
                if (e instanceof Service s && !uris.add(s.uri())) {
                    in.schemaViolation("duplicate service uri '" + s.uri()
                            + "' (RFC 4826, section 4.3); kept as is");
                }
                b.item(e);
            } else {
                b.item(Reading.unexpected(in, "rls-services"));
            }
        }
        return b.warnings(in.warnings()).build();
    }

    public static byte[] write(RlsServices doc, ExtensionRegistry registry) {
        NamespaceSet ns = new NamespaceSet(registry).add(RLS_SERVICES).attributes(doc.attributes());
        for (ExtensionElement e : doc.items()) {
            if (e instanceof Service s) {
                ns.attributes(s.extras().attributes());
                s.list().ifPresent(l -> {
                    ns.add(XcapNamespaces.RESOURCE_LISTS);
                    ResourceListsNamespaces.collect(ns, l);
                });
                s.packagesExtensions().forEach(x -> ResourceListsNamespaces.collect(ns, x));
                s.extras().children().forEach(x -> ResourceListsNamespaces.collect(ns, x));
            } else {
                ns.other(e);
            }
        }
        DocumentWriter out = new DocumentWriter(registry).declareOnRoot(ns.result());
        out.startElement(RlsServices.QNAME).attributes(doc.attributes());
        out.writeAll(doc.items());
        out.endElement();
        return out.toByteArray();
    }
}
