package io.presencekit.pidf.rpid;

import io.presencekit.pidf.Namespaces;
import io.presencekit.pidf.Note;
import io.presencekit.xml.ExtensionElement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.xml.namespace.QName;

/** Helpers shared by the RPID model types. */
final class Rpid {
    private Rpid() {
    }

    /** {@code rpid:localName}. */
    static QName name(String localName) {
        return new QName(Namespaces.RPID, localName, "rpid");
    }

    /** An ordered, unmodifiable vocabulary. */
    static Set<String> vocabulary(String... tokens) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(tokens)));
    }

    static boolean sameInstant(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b == null : b != null && a.isEqual(b);
    }

    static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    /**
     * Continues {@link Objects#hash}'s fold: {@code hash(Objects.hash(a, b), c, d)} equals
     * {@code Objects.hash(a, b, c, d)}, and {@code hash(1, a)} equals {@code Objects.hash(a)}. The
     * shared parts of a hash code can then be computed in one place and still give each element
     * the value it always had.
     */
    static int hash(int h, Object... values) {
        for (Object v : values) {
            h = 31 * h + Objects.hashCode(v);
        }
        return h;
    }

    /**
     * Checks that {@code e} may stand where the schema has {@code <xs:any namespace="##other">}:
     * an element with a namespace other than RPID's.
     */
    static <E extends ExtensionElement> E requireForeign(E e, String where) {
        Objects.requireNonNull(e, where);
        String ns = e.qname().getNamespaceURI();
        if (ns.isEmpty() || Namespaces.RPID.equals(ns)) {
            throw new IllegalArgumentException(where + " must be in a namespace other than RPID's: " + e.qname());
        }
        return e;
    }

    static Note note(Note note, String what) {
        return Objects.requireNonNull(note, what);
    }

    /** The texts of {@code notes}, in order. */
    static List<String> texts(List<Note> notes) {
        return notes.stream().map(Note::text).toList();
    }

    /** " from=..." style fragment for toString, or "" when null. */
    static String field(String name, Object value) {
        return value == null ? "" : ", " + name + "=" + value;
    }

    /** Whitespace as XML defines it: space, tab, line feed, carriage return. */
    static boolean isXmlSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /**
     * {@code value} with XML whitespace collapsed as for {@code xs:token}: leading and trailing
     * runs removed, inner runs replaced by one space.
     */
    static String collapse(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        boolean pending = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isXmlSpace(c)) {
                pending = sb.length() > 0;
            } else {
                if (pending) {
                    sb.append(' ');
                    pending = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
