package io.presencekit.xcap.prescontent;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Values;
import java.util.Map;
import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * One text child of a pres-content document: {@code mime-type}, {@code encoding}, {@code data} or
 * {@code description} (OMA Presence Content XDM). The schema lets each carry attributes of any
 * namespace; {@code description} also {@code xml:lang}, kept among {@link #attributes()}. Immutable.
 *
 * @param name       the element name
 * @param text       the text content as read
 * @param attributes the attributes, in order
 */
public record ContentValue(QName name, String text, Map<QName, String> attributes) implements ExtensionElement {
    /** {@code mime-type}. */
    public static final QName MIME_TYPE = new QName(XcapNamespaces.OMA_PRES_CONTENT, "mime-type");
    /** {@code encoding}. */
    public static final QName ENCODING = new QName(XcapNamespaces.OMA_PRES_CONTENT, "encoding");
    /** {@code description}. */
    public static final QName DESCRIPTION = new QName(XcapNamespaces.OMA_PRES_CONTENT, "description");
    /** {@code data}. */
    public static final QName DATA = new QName(XcapNamespaces.OMA_PRES_CONTENT, "data");

    private static final QName XML_LANG = new QName(javax.xml.XMLConstants.XML_NS_URI, "lang", "xml");

    public ContentValue {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        attributes = Values.orderedMap(attributes, "attributes");
    }

    /** An element {@code name} with {@code text} and no attributes. */
    public static ContentValue of(QName name, String text) {
        return new ContentValue(name, text, Map.of());
    }

    /** A {@code description} in language {@code lang} (null for none). */
    public static ContentValue description(String text, String lang) {
        return new ContentValue(DESCRIPTION, text, lang == null ? Map.of() : Map.of(XML_LANG, lang));
    }

    @Override
    public QName qname() {
        return name;
    }

    /** The {@code xml:lang} attribute, or null. */
    public String lang() {
        return attributes.get(XML_LANG);
    }
}
