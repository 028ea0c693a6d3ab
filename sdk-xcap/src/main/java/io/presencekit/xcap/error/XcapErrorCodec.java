package io.presencekit.xcap.error;

import io.presencekit.error.DocumentParseException;
import io.presencekit.error.DocumentParseException.Reason;
import io.presencekit.xcap.XcapMediaTypes;
import io.presencekit.xml.DocumentReader;
import io.presencekit.xml.DocumentWriter;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.ExtensionRegistry;
import io.presencekit.xml.Extras;
import io.presencekit.xml.GenericElement;
import io.presencekit.xml.SecureXmlParser;
import io.presencekit.xml.XmlLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * Reads and writes {@code application/xcap-error+xml} documents (RFC 4825, section 11) on the
 * hardened parser ({@link SecureXmlParser}: no DTDs, no entities, size and depth limits).
 *
 * <p>Reading is lenient where a server's report is merely untidy: unknown attributes and elements
 * are kept (see {@link XcapError}), an {@code <exists>} without {@code field} is kept as unknown
 * content. It refuses what is not XML, not an {@code <xcap-error>} in namespace {@value #NAMESPACE}
 * ({@link Reason#WRONG_DOCUMENT}), or has no condition ({@link Reason#SCHEMA}).
 *
 * <p>Immutable and thread-safe; share instances.
 */
public final class XcapErrorCodec {
    /** The xcap-error namespace. */
    public static final String NAMESPACE = "urn:ietf:params:xml:ns:xcap-error";
    /** The MIME type, {@value}. */
    public static final String CONTENT_TYPE = XcapMediaTypes.ERROR;

    private static final XcapErrorCodec STANDARD = builder().build();
    private static final String PHRASE = "phrase";

    private final SecureXmlParser parser;

    private XcapErrorCodec(Builder b) {
        this.parser = SecureXmlParser.builder().limits(b.limits).build();
    }

    /** The codec with default limits. */
    public static XcapErrorCodec standard() {
        return STANDARD;
    }

    /** A builder starting from the default limits. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses an xcap-error document.
     *
     * @throws DocumentParseException when it is not one
     */
    public XcapError read(byte[] body) {
        Objects.requireNonNull(body, "body");
        return parser.parse(body, XcapErrorCodec::readRoot);
    }

    /** Writes {@code error} as UTF-8 XML, unknown content included. */
    public byte[] write(XcapError error) {
        Objects.requireNonNull(error, "error");
        DocumentWriter w = new DocumentWriter(ExtensionRegistry.empty());
        w.startElement(q("xcap-error"));
        w.attributes(error.extras().attributes());
        writeCondition(w, error.condition());
        w.writeAll(error.extras().children());
        w.endElement();
        return w.toByteArray();
    }

    private static QName q(String local) {
        return new QName(NAMESPACE, local);
    }

    private static XcapError readRoot(DocumentReader in) {
        if (!in.is(NAMESPACE, "xcap-error")) {
            throw new DocumentParseException(Reason.WRONG_DOCUMENT,
                    "not an xcap-error document: root element is " + in.name(), in.line(), in.column());
        }
        Map<QName, String> attributes = in.otherAttributes(false);
        XcapErrorCondition condition = null;
        List<ExtensionElement> others = new ArrayList<>();
        while (in.nextChild()) {
            if (condition == null) {
                condition = readCondition(in);
            } else {
                others.add(in.readGeneric());
            }
        }
        if (condition == null) {
            throw new DocumentParseException(Reason.SCHEMA, "xcap-error without an error condition", in.line(),
                    in.column());
        }
        return new XcapError(condition, Extras.of(attributes, others));
    }

    private static XcapErrorCondition readCondition(DocumentReader in) {
        XcapErrorType type = NAMESPACE.equals(in.namespaceUri()) ? XcapErrorType.ofElementName(in.localName())
                : XcapErrorType.UNKNOWN;
        switch (type) {
            case UNKNOWN:
                return new XcapErrorCondition.Unknown(in.readGeneric());
            case EXTENSION: {
                Map<QName, String> attributes = in.otherAttributes(false);
                List<GenericElement> content = new ArrayList<>();
                while (in.nextChild()) {
                    content.add(in.readGeneric());
                }
                return new XcapErrorCondition.Extension(content, attributes);
            }
            case NO_PARENT: {
                String phrase = in.attribute(PHRASE);
                Map<QName, String> attributes = in.otherAttributes(false, PHRASE);
                String ancestor = null;
                List<ExtensionElement> others = new ArrayList<>();
                while (in.nextChild()) {
                    if (ancestor == null && in.is(NAMESPACE, "ancestor")) {
                        ancestor = in.text().strip();
                    } else {
                        others.add(in.readGeneric());
                    }
                }
                return new XcapErrorCondition.NoParent(phrase, ancestor, Extras.of(attributes, others));
            }
            case UNIQUENESS_FAILURE: {
                String phrase = in.attribute(PHRASE);
                Map<QName, String> attributes = in.otherAttributes(false, PHRASE);
                List<XcapErrorCondition.Exists> exists = new ArrayList<>();
                List<ExtensionElement> others = new ArrayList<>();
                while (in.nextChild()) {
                    if (in.is(NAMESPACE, "exists") && in.attribute("field") != null) {
                        exists.add(readExists(in));
                    } else {
                        others.add(in.readGeneric());
                    }
                }
                return new XcapErrorCondition.UniquenessFailure(phrase, exists, Extras.of(attributes, others));
            }
            default: {
                String phrase = in.attribute(PHRASE);
                Map<QName, String> attributes = in.otherAttributes(false, PHRASE);
                List<ExtensionElement> others = new ArrayList<>();
                while (in.nextChild()) {
                    others.add(in.readGeneric());
                }
                return new XcapErrorCondition.Simple(type, phrase, Extras.of(attributes, others));
            }
        }
    }

    private static XcapErrorCondition.Exists readExists(DocumentReader in) {
        String field = in.attribute("field");
        Map<QName, String> attributes = in.otherAttributes(false, "field");
        List<String> alternatives = new ArrayList<>();
        List<ExtensionElement> others = new ArrayList<>();
        while (in.nextChild()) {
            if (in.is(NAMESPACE, "alt-value")) {
                alternatives.add(in.text());
            } else {
                others.add(in.readGeneric());
            }
        }
        return new XcapErrorCondition.Exists(field, alternatives, Extras.of(attributes, others));
    }

    private static void writeCondition(DocumentWriter w, XcapErrorCondition condition) {
        if (condition instanceof XcapErrorCondition.Unknown u) {
            w.write(u.element());
            return;
        }
        w.startElement(q(condition.type().elementName().orElseThrow()));
        if (condition instanceof XcapErrorCondition.Extension e) {
            w.attributes(e.attributes());
            w.writeAll(e.content());
            w.endElement();
            return;
        }
        w.attribute(PHRASE, condition.reasonPhrase().orElse(null));
        if (condition instanceof XcapErrorCondition.Simple s) {
            writeExtras(w, s.extras());
        } else if (condition instanceof XcapErrorCondition.NoParent np) {
            w.attributes(np.extras().attributes());
            if (np.ancestor() != null) {
                w.textElement(q("ancestor"), np.ancestor());
            }
            w.writeAll(np.extras().children());
        } else if (condition instanceof XcapErrorCondition.UniquenessFailure uf) {
            w.attributes(uf.extras().attributes());
            for (XcapErrorCondition.Exists e : uf.exists()) {
                w.startElement(q("exists")).attribute("field", e.field()).attributes(e.extras().attributes());
                for (String alt : e.altValues()) {
                    w.textElement(q("alt-value"), alt);
                }
                w.writeAll(e.extras().children());
                w.endElement();
            }
            w.writeAll(uf.extras().children());
        }
        w.endElement();
    }

    private static void writeExtras(DocumentWriter w, Extras extras) {
        w.attributes(extras.attributes());
        w.writeAll(extras.children());
    }

    /** Builds an {@link XcapErrorCodec}. Not thread-safe. */
    public static final class Builder {
        private XmlLimits limits = XmlLimits.custom().maxDocumentBytes(64 * 1024).build();

        private Builder() {
        }

        /** Input limits; the default caps a report at 64 KiB, far above any real one. */
        public Builder limits(XmlLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        public XcapErrorCodec build() {
            return new XcapErrorCodec(this);
        }
    }
}
