package io.presencekit.xcap.directory;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.ParseWarning;
import io.presencekit.xml.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * An xcap-directory document ({@code application/vnd.oma.xcap-directory+xml}, OMA XDM Core, XCAP
 * application usage {@code org.openmobilealliance.xcap-directory}, document
 * {@code directory.xml}): every document the user has, per application usage, with its ETag. The
 * way to find the existing pres-rules document (whatever its name) before writing one.
 *
 * <p>Immutable and thread-safe. {@link #warnings()} is not part of equality.
 */
public final class XcapDirectory {
    /** {@code xcap-directory}. */
    public static final QName QNAME = new QName(XcapNamespaces.OMA_XCAP_DIRECTORY, "xcap-directory");

    private final List<ExtensionElement> items;
    private final Map<QName, String> attributes;
    private final List<ParseWarning> warnings;

    private XcapDirectory(List<ExtensionElement> items, Map<QName, String> attributes, List<ParseWarning> warnings) {
        this.items = List.copyOf(items);
        this.attributes = Values.orderedMap(attributes, "attributes");
        this.warnings = List.copyOf(warnings);
    }

    /** A directory of {@code folders}. */
    public static XcapDirectory of(Folder... folders) {
        return new XcapDirectory(List.of(folders), Map.of(), List.of());
    }

    /**
     * A directory of {@code items} (folders, and whatever a lenient read kept) with root
     * {@code attributes} (none are defined) and the read's warnings.
     */
    public static XcapDirectory of(List<? extends ExtensionElement> items, Map<QName, String> attributes,
            List<ParseWarning> warnings) {
        return new XcapDirectory(new ArrayList<>(items), attributes, warnings);
    }

    /** The folders, in order. */
    public List<Folder> folders() {
        return Values.ofType(items, Folder.class);
    }

    /** The folder of application usage {@code auid}, if listed. */
    public Optional<Folder> folder(String auid) {
        return folders().stream().filter(f -> f.auid().equals(auid)).findFirst();
    }

    /** The documents of application usage {@code auid}, in order (empty when not listed). */
    public List<DirectoryEntry> documents(String auid) {
        return folder(auid).map(Folder::entries).orElse(List.of());
    }

    /** Every element of the root in order: the folders, and whatever a lenient read kept. */
    public List<ExtensionElement> items() {
        return items;
    }

    /** Attributes on the root element (none are defined), kept as read. */
    public Map<QName, String> attributes() {
        return attributes;
    }

    /** Schema slips tolerated while reading this document (always empty for built documents). */
    public List<ParseWarning> warnings() {
        return warnings;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof XcapDirectory d && items.equals(d.items) && attributes.equals(d.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(items, attributes);
    }

    @Override
    public String toString() {
        return "XcapDirectory[items=" + items + (warnings.isEmpty() ? "" : ", warnings=" + warnings) + "]";
    }
}
