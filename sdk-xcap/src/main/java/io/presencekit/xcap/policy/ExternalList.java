package io.presencekit.xcap.policy;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Values;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * The OMA {@code external-list} condition ({@code ocp:external-list}, OMA-TS-XDM_Core common
 * policy extensions): matches a watcher listed in one of the resource lists its entries point to,
 * by XCAP URI ({@code anc}). Blink's pres-rules use it for {@code oma_grantedcontacts} and
 * {@code oma_blockedcontacts}. Kamailio ignores it, so rules that must work there also need an
 * {@link Identity}. Immutable.
 *
 * @param entries the list references, in order
 */
public record ExternalList(List<Entry> entries) implements ExtensionElement {
    /** {@code ocp:external-list}. */
    public static final QName QNAME = new QName(XcapNamespaces.OMA_COMMON_POLICY, "external-list", "ocp");

    public ExternalList {
        entries = Values.list(entries, "entries");
    }

    /** An external list referring to the lists at {@code anchors}. */
    public static ExternalList of(String... anchors) {
        return new ExternalList(Arrays.stream(anchors).map(Entry::of).toList());
    }

    @Override
    public QName qname() {
        return QNAME;
    }

    /** The anchors of the entries that have one, in order. */
    public List<String> anchors() {
        return entries.stream().map(Entry::anchor).filter(Objects::nonNull).toList();
    }

    /**
     * One {@code ocp:entry}: the XCAP URI of a resource list ({@code anc}), and any other
     * attributes (the schema allows attributes of any namespace).
     *
     * @param anchor     the {@code anc} attribute, or null
     * @param attributes the other attributes, in order
     */
    public record Entry(String anchor, Map<QName, String> attributes) {
        public Entry {
            attributes = Values.orderedMap(attributes, "attributes");
        }

        /** {@code <entry anc="..."/>}. */
        public static Entry of(String anchor) {
            return new Entry(anchor, Map.of());
        }
    }
}
