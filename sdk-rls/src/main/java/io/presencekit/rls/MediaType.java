package io.presencekit.rls;

import io.presencekit.rls.MultipartParseException.Reason;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A MIME media type with its parameters, as carried by a Content-Type header (RFC 2045, section
 * 5.1): {@code multipart/related;type="application/rlmi+xml";start="<cid>";boundary=xyz}. Type,
 * subtype and parameter names are compared in lower case; parameter values are kept as given,
 * unquoted.
 *
 * <p>Immutable and thread-safe.
 *
 * @param type       the top-level type, lower case ({@code multipart})
 * @param subtype    the subtype, lower case ({@code related})
 * @param parameters the parameters by lower-case name, in header order
 */
public record MediaType(String type, String subtype, Map<String, String> parameters) {
    public MediaType {
        type = Objects.requireNonNull(type, "type").toLowerCase(Locale.ROOT);
        subtype = Objects.requireNonNull(subtype, "subtype").toLowerCase(Locale.ROOT);
        Map<String, String> p = new LinkedHashMap<>();
        parameters.forEach((k, v) -> p.put(k.toLowerCase(Locale.ROOT), Objects.requireNonNull(v, "value")));
        parameters = java.util.Collections.unmodifiableMap(p);
    }

    /** {@code type/subtype} without parameters. */
    public static MediaType of(String type, String subtype) {
        return new MediaType(type, subtype, Map.of());
    }

    /**
     * Parses a Content-Type value; parameter values may be tokens or quoted strings (with
     * backslash escapes); line folding is read as a space.
     *
     * @throws MultipartParseException with reason {@link Reason#BAD_CONTENT_TYPE} on a value that
     *                                 is not {@code type/subtype *(; name=value)}
     */
    public static MediaType parse(String value) {
        Objects.requireNonNull(value, "value");
        String s = value;
        int n = s.length();
        int i = skipSpace(s, 0);
        int slash = s.indexOf('/', i);
        if (slash < 0) {
            throw bad(value, "no '/'");
        }
        String type = s.substring(i, slash).strip();
        int j = slash + 1;
        int end = j;
        while (end < n && s.charAt(end) != ';') {
            end++;
        }
        String subtype = s.substring(j, end).strip();
        if (!isToken(type) || !isToken(subtype)) {
            throw bad(value, "bad type or subtype");
        }
        Map<String, String> params = new LinkedHashMap<>();
        i = end;
        while (i < n) {
            // on ';'
            i = skipSpace(s, i + 1);
            if (i >= n) {
                break; // a trailing ';' is common and harmless
            }
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                throw bad(value, "parameter without '='");
            }
            String name = s.substring(i, eq).strip();
            if (!isToken(name)) {
                throw bad(value, "bad parameter name '" + name + "'");
            }
            i = skipSpace(s, eq + 1);
            String v;
            if (i < n && s.charAt(i) == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = s.charAt(i++);
                    if (c == '\\' && i < n) {
                        sb.append(s.charAt(i++));
                    } else if (c == '"') {
                        closed = true;
                        break;
                    } else {
                        sb.append(c);
                    }
                }
                if (!closed) {
                    throw bad(value, "unterminated quoted string");
                }
                v = sb.toString();
                i = skipSpace(s, i);
                if (i < n && s.charAt(i) != ';') {
                    throw bad(value, "text after a quoted parameter value");
                }
            } else {
                int start = i;
                while (i < n && s.charAt(i) != ';') {
                    i++;
                }
                v = s.substring(start, i).strip();
                if (v.isEmpty() || !isTokenLenient(v)) {
                    throw bad(value, "bad value of parameter '" + name + "'");
                }
            }
            params.put(name.toLowerCase(Locale.ROOT), v);
        }
        return new MediaType(type, subtype, params);
    }

    private static MultipartParseException bad(String value, String why) {
        return new MultipartParseException(Reason.BAD_CONTENT_TYPE, "bad Content-Type '" + value + "': " + why, -1);
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\r'
                || s.charAt(i) == '\n')) {
            i++;
        }
        return i;
    }

    private static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?=".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    // unquoted values seen in the wild carry '<', '>', '@' and '/' (start=<cid@host>, type=a/b)
    private static boolean isTokenLenient(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 127 || c == '"' || c == ';') {
                return false;
            }
        }
        return true;
    }

    /** {@code type/subtype}, lower case. */
    public String essence() {
        return type + "/" + subtype;
    }

    /** Whether this is {@code type/subtype}, compared without case. */
    public boolean is(String type, String subtype) {
        return this.type.equalsIgnoreCase(type) && this.subtype.equalsIgnoreCase(subtype);
    }

    /** Whether this is {@code essence} ({@code type/subtype}), compared without case. */
    public boolean is(String essence) {
        // no concatenation: this runs once per part of a 1,000-part NOTIFY
        int t = type.length();
        return essence.length() == t + 1 + subtype.length() && essence.charAt(t) == '/'
                && essence.regionMatches(true, 0, type, 0, t) && essence.regionMatches(true, t + 1, subtype, 0,
                        subtype.length());
    }

    /** Whether the top-level type is {@code multipart}. */
    public boolean isMultipart() {
        return type.equals("multipart");
    }

    /** The value of parameter {@code name} (any case), if present. */
    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name.toLowerCase(Locale.ROOT)));
    }

    /** A copy with parameter {@code name} set to {@code value}. */
    public MediaType withParameter(String name, String value) {
        Map<String, String> p = new LinkedHashMap<>(parameters);
        p.put(name.toLowerCase(Locale.ROOT), value);
        return new MediaType(type, subtype, p);
    }

    /** The header value, with parameter values quoted when they are not tokens. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(essence());
        parameters.forEach((k, v) -> {
            sb.append(';').append(k).append('=');
            if (isToken(v)) {
                sb.append(v);
            } else {
                sb.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        });
        return sb.toString();
    }
}
