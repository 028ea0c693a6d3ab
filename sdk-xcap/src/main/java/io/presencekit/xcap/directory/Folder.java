package io.presencekit.xcap.directory;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Values;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * One folder of an xcap-directory document (OMA XDM Core): the user's documents of one
 * application usage ({@code auid}), or an {@code error-code} when the server could not list
 * them. Immutable.
 *
 * @param auid       the application usage ({@code auid})
 * @param items      the entries in order ({@link DirectoryEntry}, and whatever a lenient read kept)
 * @param errorCode  the {@code error-code} text, or null
 * @param attributes attributes other than {@code auid} a lenient read kept
 */
public record Folder(String auid, List<ExtensionElement> items, String errorCode, Map<QName, String> attributes)
        implements ExtensionElement {
    /** {@code folder}. */
    public static final QName QNAME = new QName(XcapNamespaces.OMA_XCAP_DIRECTORY, "folder");

    public Folder {
        java.util.Objects.requireNonNull(auid, "auid");
        items = Values.list(items, "items");
        attributes = Values.orderedMap(attributes, "attributes");
    }

    /** A folder listing {@code entries}. */
    public static Folder of(String auid, DirectoryEntry... entries) {
        return new Folder(auid, List.of(entries), null, Map.of());
    }

    /** A folder the server could not list. */
    public static Folder error(String auid, String errorCode) {
        return new Folder(auid, List.of(), errorCode, Map.of());
    }

    @Override
    public QName qname() {
        return QNAME;
    }

    /** The documents, in order. */
    public List<DirectoryEntry> entries() {
        return Values.ofType(items, DirectoryEntry.class);
    }

    /** The error code, if the folder carries one. */
    public Optional<String> error() {
        return Optional.ofNullable(errorCode);
    }
}
