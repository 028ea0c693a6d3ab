package io.presencekit.xcap;

import io.presencekit.xcap.internal.AttValues;
import io.presencekit.xml.Values;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One step of an XCAP element selector (RFC 4825, section 6.3): an element name or {@code *}
 * ({@code by-name}), optionally with a 1-based position among the siblings it names
 * ({@code by-pos}, {@code entry[2]}), an attribute predicate ({@code by-attr},
 * {@code list[@name="friends"]}) or both ({@code by-pos-attr}, {@code entry[2][@uri="sip:a@b"]}),
 * or an {@code extension-selector} kept as text.
 *
 * <p>Names are written as in the document: unprefixed names are in the application usage's default
 * namespace (RFC 4825, section 6.3); a prefix must be bound through
 * {@link NodeSelector.Builder#bindNamespace} unless the server knows it.
 *
 * <p>Immutable and thread-safe. Equal when they select the same way; {@link #toString()} gives
 * the unencoded selector text.
 */
public final class Step {
    private static final String ANY = "*";

    private final String name;
    private final int position;
    private final AttributeTest test;
    private final boolean extension;

    private Step(String name, int position, AttributeTest test, boolean extension) {
        this.name = name;
        this.position = position;
        this.test = test;
        this.extension = extension;
    }

    /** {@code name}: every child element called {@code name} (or any child for {@code *}). */
    public static Step element(String name) {
        return new Step(checkName(name), 0, null, false);
    }

    /** {@code *}: every child element. */
    public static Step anyElement() {
        return new Step(ANY, 0, null, false);
    }

    /** {@code name[position]}: the position-th (from 1) child element called {@code name}. */
    public static Step element(String name, int position) {
        return new Step(checkName(name), checkPosition(position), null, false);
    }

    /** {@code name[@attribute="value"]}: the children called {@code name} whose {@code attribute} is {@code value}. */
    public static Step element(String name, String attribute, String value) {
        return new Step(checkName(name), 0, new AttributeTest(attribute, value), false);
    }

    /** {@code name[position][@attribute="value"]}: the position-th child called {@code name}, if its attribute matches. */
    public static Step element(String name, int position, String attribute, String value) {
        return new Step(checkName(name), checkPosition(position), new AttributeTest(attribute, value), false);
    }

    /**
     * An {@code extension-selector} step (RFC 4825, section 6.3): text with no {@code /}, passed
     * to the server as is, for selectors defined by extensions.
     */
    public static Step extension(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty() || text.indexOf('/') >= 0) {
            throw new IllegalArgumentException("an extension step is non-empty text without '/': " + text);
        }
        return new Step(text, 0, null, true);
    }

    /**
     * Parses one unencoded step. Text that is not a {@code by-name}, {@code by-pos},
     * {@code by-attr} or {@code by-pos-attr} step becomes an {@link #extension} step.
     */
    public static Step parse(String text) {
        Objects.requireNonNull(text, "text");
        Step s = tryParse(text);
        return s != null ? s : extension(text);
    }

    private static Step tryParse(String t) {
        int i = 0;
        int n = t.length();
        while (i < n && t.charAt(i) != '[') {
            i++;
        }
        String name = t.substring(0, i);
        if (!name.equals(ANY) && !isQName(name)) {
            return null;
        }
        int position = 0;
        AttributeTest test = null;
        if (i + 1 < n && isAsciiDigit(t.charAt(i + 1))) {
            int close = t.indexOf(']', i);
            if (close < 0) {
                return null;
            }
            String digits = t.substring(i + 1, close);
            for (int k = 0; k < digits.length(); k++) {
                if (!isAsciiDigit(digits.charAt(k))) {
                    return null;
                }
            }
            try {
                position = Integer.parseInt(digits);
            } catch (NumberFormatException e) {
                return null;
            }
            if (position < 1) {
                return null;
            }
            i = close + 1;
        }
        if (i < n) {
            // "[@" att-name "=" AttValue "]"
            if (!t.startsWith("[@", i) || t.charAt(n - 1) != ']') {
                return null;
            }
            int eq = t.indexOf('=', i);
            if (eq < 0) {
                return null;
            }
            String attribute = t.substring(i + 2, eq);
            String quoted = t.substring(eq + 1, n - 1);
            if (!isQName(attribute) || quoted.length() < 2) {
                return null;
            }
            try {
                test = new AttributeTest(attribute, AttValues.unquote(quoted));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return new Step(name, position, test, false);
    }

    /** The element name ({@code name}, {@code prefix:name} or {@code *}); for an extension step, its text. */
    public String name() {
        return name;
    }

    /** Whether this step selects elements of any name ({@code *}). */
    public boolean isWildcard() {
        return !extension && ANY.equals(name);
    }

    /** Whether this is an {@code extension-selector} step, kept as text. */
    public boolean isExtension() {
        return extension;
    }

    /** The 1-based position predicate, if any. */
    public OptionalInt position() {
        return position == 0 ? OptionalInt.empty() : OptionalInt.of(position);
    }

    /** The attribute predicate, if any. */
    public Optional<AttributeTest> attributeTest() {
        return Optional.ofNullable(test);
    }

    /** The unencoded step as a node selector writes it, for example {@code list[@name="friends"]}. */
    @Override
    public String toString() {
        if (extension || (position == 0 && test == null)) {
            return name;
        }
        StringBuilder sb = new StringBuilder(name);
        if (position != 0) {
            sb.append('[').append(position).append(']');
        }
        if (test != null) {
            sb.append("[@").append(test.name()).append('=').append(AttValues.quote(test.value())).append(']');
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Step s && name.equals(s.name) && position == s.position && Objects.equals(test, s.test)
                && extension == s.extension;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, position, test, extension);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Whether {@code s} is an XML qualified name: {@code NCName} or {@code NCName:NCName}. */
    static boolean isQName(String s) {
        if (s == null) {
            return false;
        }
        int colon = s.indexOf(':');
        if (colon < 0) {
            return Values.isNcName(s);
        }
        return Values.isNcName(s.substring(0, colon)) && Values.isNcName(s.substring(colon + 1));
    }

    private static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (!name.equals(ANY) && !isQName(name)) {
            throw new IllegalArgumentException("not a qualified element name or '*': " + name);
        }
        return name;
    }

    private static int checkPosition(int position) {
        if (position < 1) {
            throw new IllegalArgumentException("positions count from 1: " + position);
        }
        return position;
    }
}
