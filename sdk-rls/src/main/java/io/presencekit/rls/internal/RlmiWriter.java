package io.presencekit.rls.internal;

import io.presencekit.rls.Instance;
import io.presencekit.rls.Name;
import io.presencekit.rls.Resource;
import io.presencekit.rls.RlmiList;
import io.presencekit.xml.DocumentWriter;
import io.presencekit.xml.ExtensionRegistry;
import io.presencekit.xml.NamespaceCollector;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link RlmiList} in schema order (RFC 4662, section 5.1: names, then resources; in a
 * resource, names then instances), with RLMI as the default namespace and the namespaces of
 * extension elements declared once on the root. Unknown elements follow the typed ones.
 */
public final class RlmiWriter {
    private final ExtensionRegistry registry;
    private final DocumentWriter out;

    private RlmiWriter(ExtensionRegistry registry) {
        this.registry = registry;
        this.out = new DocumentWriter(registry);
    }

    /** Serializes {@code list} as UTF-8. */
    public static byte[] write(RlmiList list, ExtensionRegistry registry) {
        RlmiWriter w = new RlmiWriter(registry);
        w.out.declareOnRoot(w.namespaces(list));
        w.list(list);
        return w.out.toByteArray();
    }

    private Map<String, String> namespaces(RlmiList list) {
        NamespaceCollector ns = new NamespaceCollector(registry).add(RlmiList.NAMESPACE);
        for (Resource r : list.resources()) {
            ns.addAll(r.extras().children());
            for (Instance i : r.instances()) {
                ns.addAll(i.extras().children());
            }
        }
        return ns.addAll(list.extras().children()).result();
    }

    private void list(RlmiList list) {
        out.startElement(RlmiList.QNAME).attribute("uri", list.uri());
        list.version().ifPresent(v -> out.attribute("version", Long.toString(v)));
        // a lenient read keeps an unusable fullState as a raw attribute: do not write it twice
        if (!list.extras().attributes().containsKey(new javax.xml.namespace.QName("fullState"))) {
            out.attribute("fullState", Boolean.toString(list.fullState()));
        }
        out.attribute("cid", list.cid().orElse(null));
        out.attributes(list.extras().attributes());
        names(list.names());
        for (Resource r : list.resources()) {
            resource(r);
        }
        out.writeAll(list.extras());
        out.endElement();
    }

    private void names(List<Name> names) {
        for (Name n : names) {
            out.textElement(Name.QNAME, n.text(), n.lang(), n.attributes());
        }
    }

    private void resource(Resource r) {
        out.startElement(Resource.QNAME).attribute("uri", r.uri()).attributes(r.extras().attributes());
        names(r.names());
        for (Instance i : r.instances()) {
            out.startElement(Instance.QNAME).attribute("id", i.id());
            if (i.state() != null) {
                out.attribute("state", i.state().token());
            }
            out.attribute("reason", i.reason().orElse(null)).attribute("cid", i.cid().orElse(null))
                    .attributes(i.extras().attributes());
            out.writeAll(i.extras());
            out.endElement();
        }
        out.writeAll(r.extras());
        out.endElement();
    }
}
