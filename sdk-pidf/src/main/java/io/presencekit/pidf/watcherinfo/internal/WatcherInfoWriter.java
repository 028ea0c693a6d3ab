package io.presencekit.pidf.watcherinfo.internal;

import static io.presencekit.pidf.Namespaces.WATCHERINFO;

import io.presencekit.pidf.watcherinfo.Watcher;
import io.presencekit.pidf.watcherinfo.WatcherInfo;
import io.presencekit.pidf.watcherinfo.WatcherList;
import io.presencekit.xml.DocumentWriter;
import io.presencekit.xml.ExtensionCodec;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.ExtensionRegistry;
import io.presencekit.xml.NamespaceCollector;
import io.presencekit.xml.GenericElement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link WatcherInfo} in schema order (RFC 3858, section 6: watcher lists, then elements
 * from other namespaces; in a list, watchers, then other elements), with {@code watcherinfo} as the
 * default namespace and the namespaces of extension elements declared once on the root.
 */
public final class WatcherInfoWriter {
    private final ExtensionRegistry registry;
    private final DocumentWriter out;

    private WatcherInfoWriter(ExtensionRegistry registry) {
        this.registry = registry;
        this.out = new DocumentWriter(registry);
    }

    /** Serializes {@code doc} as UTF-8. */
    public static byte[] write(WatcherInfo doc, ExtensionRegistry registry) {
        WatcherInfoWriter w = new WatcherInfoWriter(registry);
        w.out.declareOnRoot(w.namespaces(doc));
        w.watcherinfo(doc);
        return w.out.toByteArray();
    }

    private Map<String, String> namespaces(WatcherInfo doc) {
        NamespaceCollector ns = new NamespaceCollector(registry).add(WATCHERINFO);
        for (WatcherList l : doc.watcherLists()) {
            ns.addAll(l.extras().children());
        }
        return ns.addAll(doc.extras().children()).result();
    }

    private void watcherinfo(WatcherInfo doc) {
        out.startElement(WatcherInfo.QNAME);
        doc.version().ifPresent(v -> out.attribute("version", Long.toString(v)));
        if (doc.state() != null) {
            out.attribute("state", doc.state().token());
        }
        out.attributes(doc.extras().attributes());
        for (WatcherList l : doc.watcherLists()) {
            watcherList(l);
        }
        out.writeAll(doc.extras());
        out.endElement();
    }

    private void watcherList(WatcherList l) {
        out.startElement(WatcherList.QNAME).attribute("resource", l.resource()).attribute("package", l.eventPackage())
                .attributes(l.extras().attributes());
        for (Watcher w : l.watchers()) {
            watcher(w);
        }
        out.writeAll(l.extras());
        out.endElement();
    }

    private void watcher(Watcher w) {
        out.startElement(Watcher.QNAME).attribute("id", w.id());
        if (w.status() != null) {
            out.attribute("status", w.status().token());
        }
        if (w.event() != null) {
            out.attribute("event", w.event().token());
        }
        out.attribute("display-name", w.displayName().orElse(null));
        out.attribute(Watcher.XML_LANG, w.lang());
        w.expiration().ifPresent(d -> out.attribute("expiration", Long.toString(d.getSeconds())));
        w.durationSubscribed().ifPresent(d -> out.attribute("duration-subscribed", Long.toString(d.getSeconds())));
        out.attributes(w.attributes());
        if (!w.uri().isEmpty()) {
            out.text(w.uri());
        }
        out.endElement();
    }
}
