package io.presencekit.xcap.usage.internal;

import io.presencekit.error.DocumentParseException;
import io.presencekit.error.DocumentParseException.Reason;
import io.presencekit.xml.DocumentReader;
import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ExtensionElement;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;

/** Reading rules the XCAP document readers share. Stateless. */
public final class Reading {
    private Reading() {
    }

    /**
     * Refuses a document whose root is not {@code {namespace}localName} ({@link Reason#WRONG_DOCUMENT}).
     * The rest of the document is parsed first, so that one that is not even well-formed is refused
     * as {@link Reason#MALFORMED}: that is the more basic fault.
     */
    public static void root(DocumentReader in, String namespace, String localName, String what) {
        if (!in.is(namespace, localName)) {
            int line = in.line();
            int column = in.column();
            String found = "{" + in.namespaceUri() + "}" + in.localName();
            in.skip();
            throw new DocumentParseException(Reason.WRONG_DOCUMENT, "not " + what + ": root element is " + found
                    + ", expected {" + namespace + "}" + localName, line, column);
        }
    }

    /** Which attributes a schema type admits beyond its own: its {@code anyAttribute}, if any. */
    public enum Wildcard {
        /** No {@code anyAttribute}: every other attribute is a slip. */
        NONE,
        /** {@code anyAttribute namespace="##other"}: un-namespaced and own-namespace attributes are slips. */
        OTHER,
        /** {@code anyAttribute} of any namespace: nothing is a slip. */
        ANY
    }

    /**
     * The attributes of the current element other than the un-namespaced {@code known} ones, in
     * document order. Those the schema does not admit are schema slips, kept all the same.
     * {@code xsi:} attributes are admitted everywhere, as schema validators admit them.
     */
    public static Map<QName, String> otherAttributes(ElementReader in, String ownNamespace, Wildcard wildcard,
            String where, String... known) {
        Map<QName, String> others = in.otherAttributes(false, known);
        if (others.isEmpty() || wildcard == Wildcard.ANY) {
            return others;
        }
        for (QName a : others.keySet()) {
            String ns = a.getNamespaceURI();
            if (XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI.equals(ns)) {
                continue;
            }
            if (wildcard == Wildcard.NONE || ns.isEmpty() || ns.equals(ownNamespace)) {
                in.schemaViolation("unexpected attribute '" + a.getLocalPart() + "' on " + where + "; kept as is");
            }
        }
        return others;
    }

    /**
     * Refuses any attribute except {@code xml:lang} when {@code lang} is allowed: for elements
     * whose schema has no attribute wildcard. Lenient reading keeps the element whole instead.
     */
    public static void noOtherAttributes(ElementReader in, boolean lang, String where, String... known) {
        Map<QName, String> others = in.otherAttributes(lang, known);
        if (!others.isEmpty()) {
            throw in.invalid("unexpected attribute '" + others.keySet().iterator().next().getLocalPart() + "' on "
                    + where);
        }
    }

    /**
     * An element at a {@code ##other} extension point: elements of the document's own namespace, or
     * of none, do not belong there (a schema slip, kept as a generic element); others are read
     * through the registry.
     */
    public static ExtensionElement foreign(ElementReader in, String ownNamespace, String where) {
        String ns = in.namespaceUri();
        if (ns.isEmpty() || ns.equals(ownNamespace)) {
            return unexpected(in, where);
        }
        return in.readExtension();
    }

    /** An element the schema does not allow where it is: a schema slip; kept as a generic element. */
    public static ExtensionElement unexpected(ElementReader in, String where) {
        in.schemaViolation("unexpected element <" + in.localName() + "> in " + where + "; kept as is");
        return in.readGeneric();
    }

    /** The value of a required un-namespaced attribute; a missing one makes the element unreadable. */
    public static String required(ElementReader in, String attribute, String where) {
        String v = in.attribute(attribute);
        if (v == null) {
            throw in.invalid(where + " without the required attribute '" + attribute + "'");
        }
        return v;
    }

    /** {@code xs:anyURI} text content: the whitespace around it is layout (the type collapses whitespace). */
    public static String uri(String text) {
        return text.strip();
    }

    /** Whether {@code name} is {@code xml:lang}. */
    public static boolean isLang(QName name) {
        return XMLConstants.XML_NS_URI.equals(name.getNamespaceURI()) && "lang".equals(name.getLocalPart());
    }

    /** An {@code xs:boolean}, or an invalid-value error. */
    public static boolean bool(ElementReader in, String value, String where) {
        switch (value.strip()) {
            case "true":
            case "1":
                return true;
            case "false":
            case "0":
                return false;
            default:
                throw in.invalid(where + ": '" + value + "' is not a boolean");
        }
    }

    /**
     * An {@code xs:nonNegativeInteger} that fits a long, or null. The lexical space allows an
     * optional sign on the digits ({@code +5}, {@code -0}).
     */
    public static Long nonNegative(String s) {
        String t = s.strip();
        int start = 0;
        boolean negative = false;
        if (!t.isEmpty() && (t.charAt(0) == '+' || t.charAt(0) == '-')) {
            negative = t.charAt(0) == '-';
            start = 1;
        }
        if (start == t.length()) {
            return null;
        }
        long v = 0;
        for (int i = start; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9' || v > (Long.MAX_VALUE - (c - '0')) / 10) {
                return null;
            }
            v = v * 10 + (c - '0');
        }
        return negative && v != 0 ? null : v;
    }
}
