package io.presencekit.xcap.rlsservices.internal;

import static io.presencekit.xcap.usage.XcapNamespaces.RLS_SERVICES;

import io.presencekit.xcap.resourcelists.ResourceList;
import io.presencekit.xcap.resourcelists.internal.ListCodec;
import io.presencekit.xcap.rlsservices.Service;
import io.presencekit.xcap.usage.internal.Reading;
import io.presencekit.xcap.usage.internal.Reading.Wildcard;
import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.ExtensionCodec;
import io.presencekit.xml.ExtensionElement;
import javax.xml.namespace.QName;

/**
 * {@code rls:service} (RFC 4826, section 4.2): {@code resource-list} or {@code list}, then
 * {@code packages}, then elements from other namespaces. Immutable and thread-safe.
 */
final class ServiceCodec implements ExtensionCodec<Service> {
    static final QName RESOURCE_LIST = new QName(RLS_SERVICES, "resource-list", "rls");
    static final QName LIST = new QName(RLS_SERVICES, "list", "rls");
    static final QName PACKAGES = new QName(RLS_SERVICES, "packages", "rls");
    static final QName PACKAGE = new QName(RLS_SERVICES, "package", "rls");
    static final ListCodec LIST_CODEC = new ListCodec(LIST);

    @Override
    public QName name() {
        return Service.QNAME;
    }

    @Override
    public Class<Service> type() {
        return Service.class;
    }

    @Override
    public Service read(ElementReader in) {
        String uri = Reading.required(in, "uri", "service");
        String where = "service '" + uri + "'";
        Service.Builder b = Service.builder(uri);
        Reading.otherAttributes(in, RLS_SERVICES, Wildcard.OTHER, where, "uri").forEach(b::attribute);
        boolean hasList = false;
        boolean hasPackages = false;
        boolean foreign = false;
        while (in.nextChild()) {
            if (!RLS_SERVICES.equals(in.namespaceUri())) {
                foreign = true;
                b.extension(Reading.foreign(in, RLS_SERVICES, where));
                continue;
            }
            switch (in.localName()) {
                case "resource-list":
                case "list":
                    if (hasList || hasPackages || foreign) {
                        b.extension(Reading.unexpected(in, where));
                    } else if (in.localName().equals("list")) {
                        hasList = true;
                        ExtensionElement e = in.readExtension();
                        if (e instanceof ResourceList l) {
                            b.list(l);
                        } else {
                            b.extension(e);
                        }
                    } else {
                        hasList = true;
                        Reading.noOtherAttributes(in, false, where + " resource-list");
                        b.resourceList(Reading.uri(in.text()));
                    }
                    break;
                case "packages":
                    if (hasPackages || foreign) {
                        b.extension(Reading.unexpected(in, where));
                    } else {
                        hasPackages = true;
                        packages(in, b, where);
                    }
                    break;
                default:
                    b.extension(Reading.unexpected(in, where));
                    break;
            }
        }
        if (!hasList) {
            in.schemaViolation(where + " has neither resource-list nor list");
        }
        return b.build();
    }

    private static void packages(ElementReader in, Service.Builder b, String where) {
        Reading.noOtherAttributes(in, false, where + " packages");
        b.hasPackages(true);
        while (in.nextChild()) {
            if (in.is(RLS_SERVICES, "package")) {
                Reading.noOtherAttributes(in, false, where + " package");
                b.addPackage(in.text().strip());
            } else {
                b.packagesExtension(Reading.foreign(in, RLS_SERVICES, where + " packages"));
            }
        }
    }

    @Override
    public void write(Service value, ElementWriter out) {
        out.startElement(Service.QNAME).attribute("uri", value.uri()).attributes(value.extras().attributes());
        value.resourceList().ifPresent(r -> out.textElement(RESOURCE_LIST, r));
        value.list().ifPresent(l -> LIST_CODEC.write(l, out));
        if (value.hasPackages()) {
            out.startElement(PACKAGES);
            for (String p : value.packages()) {
                out.textElement(PACKAGE, p);
            }
            out.writeAll(value.packagesExtensions());
            out.endElement();
        }
        out.writeAll(value.extras());
        out.endElement();
    }
}
