package io.presencekit.xcap.directory.internal;

import static io.presencekit.xcap.usage.XcapNamespaces.OMA_XCAP_DIRECTORY;

import io.presencekit.xcap.directory.DirectoryEntry;
import io.presencekit.xcap.directory.Folder;
import io.presencekit.xcap.directory.XcapDirectory;
import io.presencekit.xcap.usage.internal.NamespaceSet;
import io.presencekit.xcap.usage.internal.Reading;
import io.presencekit.xcap.usage.internal.Reading.Wildcard;
import io.presencekit.xml.DocumentReader;
import io.presencekit.xml.DocumentWriter;
import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.ExtensionCodec;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.ExtensionRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;

/** Reads and writes xcap-directory documents (OMA XDM Core). */
public final class DirectorySupport {
    static final QName ERROR_CODE = new QName(OMA_XCAP_DIRECTORY, "error-code");
    private static final List<ExtensionCodec<?>> CORE = List.of(new FolderCodec(), new EntryCodec());

    private DirectorySupport() {
    }

    public static List<ExtensionCodec<?>> core() {
        return CORE;
    }

    public static XcapDirectory read(DocumentReader in) {
        Reading.root(in, OMA_XCAP_DIRECTORY, "xcap-directory", "an xcap-directory document");
        Map<QName, String> attributes = Reading.otherAttributes(in, OMA_XCAP_DIRECTORY, Wildcard.NONE,
                "xcap-directory");
        List<ExtensionElement> items = new ArrayList<>();
        while (in.nextChild()) {
            if (in.is(OMA_XCAP_DIRECTORY, "folder")) {
                items.add(in.readExtension());
            } else {
                items.add(Reading.unexpected(in, "xcap-directory"));
            }
        }
        return XcapDirectory.of(items, attributes, in.warnings());
    }

    public static byte[] write(XcapDirectory doc, ExtensionRegistry registry) {
        NamespaceSet ns = new NamespaceSet(registry).add(OMA_XCAP_DIRECTORY).attributes(doc.attributes());
        for (ExtensionElement e : doc.items()) {
            if (e instanceof Folder f) {
                ns.attributes(f.attributes());
                for (ExtensionElement x : f.items()) {
                    if (x instanceof DirectoryEntry d) {
                        ns.attributes(d.attributes());
                    } else {
                        ns.other(x);
                    }
                }
            } else {
                ns.other(e);
            }
        }
        DocumentWriter out = new DocumentWriter(registry).declareOnRoot(ns.result());
        out.startElement(XcapDirectory.QNAME).attributes(doc.attributes()).writeAll(doc.items()).endElement();
        return out.toByteArray();
    }

    /** {@code folder}: entries, or one {@code error-code}. */
    static final class FolderCodec implements ExtensionCodec<Folder> {
        @Override
        public QName name() {
            return Folder.QNAME;
        }

        @Override
        public Class<Folder> type() {
            return Folder.class;
        }

        @Override
        public Folder read(ElementReader in) {
            String auid = Reading.required(in, "auid", "folder");
            String where = "folder '" + auid + "'";
            Map<QName, String> attributes = Reading.otherAttributes(in, OMA_XCAP_DIRECTORY, Wildcard.NONE, where,
                    "auid");
            List<ExtensionElement> items = new ArrayList<>();
            String errorCode = null;
            while (in.nextChild()) {
                if (in.is(OMA_XCAP_DIRECTORY, "entry") && errorCode == null) {
                    items.add(in.readExtension());
                } else if (in.is(OMA_XCAP_DIRECTORY, "error-code") && errorCode == null && items.isEmpty()) {
                    Reading.noOtherAttributes(in, false, where + " error-code");
                    errorCode = in.text();
                } else {
                    items.add(Reading.unexpected(in, where));
                }
            }
            return new Folder(auid, items, errorCode, attributes);
        }

        @Override
        public void write(Folder value, ElementWriter out) {
            out.startElement(Folder.QNAME).attribute("auid", value.auid()).attributes(value.attributes());
            if (value.errorCode() != null) {
                out.textElement(ERROR_CODE, value.errorCode());
            }
            out.writeAll(value.items());
            out.endElement();
        }
    }

    /** {@code entry}: uri, etag, last-modified, size, any attributes; no content. */
    static final class EntryCodec implements ExtensionCodec<DirectoryEntry> {
        @Override
        public QName name() {
            return DirectoryEntry.QNAME;
        }

        @Override
        public Class<DirectoryEntry> type() {
            return DirectoryEntry.class;
        }

        @Override
        public DirectoryEntry read(ElementReader in) {
            String uri = Reading.required(in, "uri", "directory entry");
            String etag = Reading.required(in, "etag", "directory entry");
            String lastModified = in.attribute("last-modified");
            String size = in.attribute("size");
            Map<QName, String> attributes = in.otherAttributes(false, "uri", "etag", "last-modified", "size");
            if (in.nextChild()) {
                throw in.invalid("unexpected <" + in.localName() + "> in directory entry, which has no content");
            }
            DirectoryEntry entry = new DirectoryEntry(uri, etag, lastModified, size, attributes);
            if (lastModified != null && entry.lastModified().isEmpty()) {
                in.schemaViolation("directory entry '" + uri + "': last-modified '" + lastModified
                        + "' is not a date-time with an offset; kept as is");
            }
            if (size != null && entry.size().isEmpty()) {
                in.schemaViolation("directory entry '" + uri + "': size '" + size
                        + "' is not a non-negative integer; kept as is");
            }
            return entry;
        }

        @Override
        public void write(DirectoryEntry value, ElementWriter out) {
            out.startElement(DirectoryEntry.QNAME).attribute("uri", value.uri()).attribute("etag", value.etag())
                    .attribute("last-modified", value.lastModifiedText()).attribute("size", value.sizeText())
                    .attributes(value.attributes()).endElement();
        }
    }
}
