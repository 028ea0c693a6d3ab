package io.presencekit.rls.internal;

import io.presencekit.rls.MediaType;
import io.presencekit.rls.MimePart;
import io.presencekit.rls.Multipart;
import io.presencekit.rls.MultipartLimits;
import io.presencekit.rls.MultipartParseException;
import io.presencekit.rls.MultipartParseException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The byte-level splitter behind {@code MultipartCodec} (RFC 2046, section 5.1.1): finds
 * delimiter lines ({@code --boundary} at the start of a line, optionally {@code --} for the close
 * delimiter, then optional spaces and a CRLF or LF), reads each part's header block, undoes the
 * transfer encoding and recurses into nested multipart parts. One instance serves one parse.
 */
public final class MultipartParser {
    // the header names every part of a list NOTIFY carries: matched on bytes, no string made
    private static final String[] KNOWN_NAMES = {"Content-Type", "Content-ID", "Content-Transfer-Encoding"};
    private static final byte[][] KNOWN_NAME_BYTES = {
        KNOWN_NAMES[0].getBytes(StandardCharsets.ISO_8859_1), KNOWN_NAMES[1].getBytes(StandardCharsets.ISO_8859_1),
        KNOWN_NAMES[2].getBytes(StandardCharsets.ISO_8859_1)};

    private final MultipartLimits limits;
    private final boolean strict;
    private int partCount;
    // the parts of one body repeat their Content-Type and transfer encoding values: the last
    // value of each known header is reused when the next part has the same bytes
    private final String[] lastValue = new String[KNOWN_NAMES.length];
    private String lastTypeValue;
    private MediaType lastType;

    private MultipartParser(MultipartLimits limits, boolean strict) {
        this.limits = limits;
        this.strict = strict;
    }

    /** Splits {@code body} (copied once, so that the parts stay immutable). */
    public static Multipart parse(MediaType contentType, byte[] body, MultipartLimits limits, boolean strict) {
        if (body.length > limits.maxTotalBytes()) {
            throw new MultipartParseException(Reason.LIMIT_EXCEEDED, "body of " + body.length
                    + " bytes exceeds the limit of " + limits.maxTotalBytes(), -1);
        }
        byte[] copy = body.clone();
        return new MultipartParser(limits, strict).multipart(copy, contentType, 0, copy.length, 1);
    }

    /** A delimiter line at {@code pos}; the next line starts at {@code next}. */
    private record Delimiter(int pos, int next, boolean close, boolean atEnd) {
    }

    private Multipart multipart(byte[] a, MediaType type, int start, int end, int depth) {
        if (!type.isMultipart()) {
            throw new MultipartParseException(Reason.BAD_CONTENT_TYPE, "not a multipart type: " + type.essence(), -1);
        }
        if (depth > limits.maxDepth()) {
            throw new MultipartParseException(Reason.LIMIT_EXCEEDED, "multipart nesting deeper than "
                    + limits.maxDepth(), start);
        }
        String boundary = type.parameter("boundary").orElseThrow(() -> new MultipartParseException(
                Reason.MISSING_BOUNDARY_PARAMETER, "Content-Type " + type.essence() + " has no boundary parameter",
                -1));
        if (boundary.isEmpty() || boundary.length() > 200) {
            throw new MultipartParseException(Reason.BAD_CONTENT_TYPE, "boundary of " + boundary.length()
                    + " characters", -1);
        }
        Search delim = new Search(("--" + boundary).getBytes(StandardCharsets.ISO_8859_1));
        List<String> warnings = new ArrayList<>();
        List<MimePart> parts = new ArrayList<>();
        Delimiter d = find(a, delim, start, start, end);
        if (d == null) {
            throw new MultipartParseException(Reason.BOUNDARY_NEVER_FOUND, "no delimiter line --" + boundary
                    + " in the body", start);
        }
        while (!d.close()) {
            int partStart = d.next();
            if (d.atEnd()) {
                missingClose(warnings, partStart, "the body ends right after a delimiter line");
                break;
            }
            Delimiter n = find(a, delim, partStart, start, end);
            int regionEnd = n == null ? end : n.pos();
            List<MimePart.Header> headers = new ArrayList<>();
            int bodyStart = headers(a, partStart, regionEnd, headers, warnings);
            int contentEnd;
            if (n == null) {
                if (bodyStart < 0) {
                    throw new MultipartParseException(Reason.TRUNCATED_PART, "the body ends inside the headers of part "
                            + (parts.size() + 1), end);
                }
                if (end > bodyStart && a[end - 1] != '\n') {
                    throw new MultipartParseException(Reason.TRUNCATED_PART, "the body ends inside the content of part "
                            + (parts.size() + 1), end);
                }
                missingClose(warnings, end, "the body ends without the close delimiter after part " + (parts.size() + 1));
                contentEnd = stripLineBreak(a, bodyStart, end);
            } else {
                if (bodyStart < 0) {
                    if (partStart < regionEnd) {
                        if (strict) {
                            throw new MultipartParseException(Reason.BAD_HEADER, "headers of part "
                                    + (parts.size() + 1) + " not ended by an empty line", regionEnd);
                        }
                        warnings.add("headers of part " + (parts.size() + 1) + " not ended by an empty line");
                    }
                    bodyStart = regionEnd;
                }
                contentEnd = Math.max(bodyStart, stripLineBreak(a, bodyStart, regionEnd));
            }
            parts.add(part(a, headers, bodyStart, contentEnd, depth, warnings));
            if (n == null) {
                break;
            }
            d = n;
        }
        if (type.is("multipart", "related")) {
            String startId = type.parameter("start").orElse(null);
            if (startId != null && parts.stream().noneMatch(p -> p.contentId().filter(
                    Multipart.normalizeId(startId)::equals).isPresent())) {
                throw new MultipartParseException(Reason.START_NOT_FOUND, "start parameter " + startId
                        + " names no part", -1);
            }
        }
        return Multipart.parsed(type, parts, warnings);
    }

    private void missingClose(List<String> warnings, int at, String what) {
        if (strict) {
            throw new MultipartParseException(Reason.MISSING_CLOSE_DELIMITER, what, at);
        }
        warnings.add(what);
    }

    private static int stripLineBreak(byte[] a, int from, int end) {
        int e = end;
        if (e > from && a[e - 1] == '\n') {
            e--;
            if (e > from && a[e - 1] == '\r') {
                e--;
            }
        }
        return e;
    }

    /**
     * Reads the header block at {@code p} into {@code out}; returns where the content starts, or
     * -1 when {@code end} comes first.
     */
    private int headers(byte[] a, int p, int end, List<MimePart.Header> out, List<String> warnings) {
        int blockStart = p;
        String name = null;
        String value = null;
        while (p < end) {
            int nl = indexOf(a, (byte) '\n', p, end);
            if (nl - blockStart > limits.maxHeaderBytes() || (nl < 0 && end - blockStart > limits.maxHeaderBytes())) {
                throw new MultipartParseException(Reason.LIMIT_EXCEEDED, "part headers longer than "
                        + limits.maxHeaderBytes() + " bytes", blockStart);
            }
            if (nl < 0) {
                return -1;
            }
            int lineEnd = nl > p && a[nl - 1] == '\r' ? nl - 1 : nl;
            if (lineEnd == p) {
                flush(out, name, value);
                return nl + 1;
            }
            checkBytes(a, p, lineEnd);
            if (a[p] == ' ' || a[p] == '\t') {
                if (name == null) {
                    if (strict) {
                        throw new MultipartParseException(Reason.BAD_HEADER, "continuation line before any header", p);
                    }
                    warnings.add("continuation line before any header ignored");
                } else {
                    value = value + " " + latin1(a, p, lineEnd).strip();
                }
            } else {
                int colon = indexOf(a, (byte) ':', p, lineEnd);
                int known = colon < 0 ? -1 : knownName(a, p, colon);
                String n = colon < 0 ? null : known >= 0 ? KNOWN_NAMES[known] : latin1(a, p, colon).strip();
                if (n == null || !isToken(n)) {
                    if (strict) {
                        throw new MultipartParseException(Reason.BAD_HEADER, "header line is not 'Name: value'", p);
                    }
                    warnings.add("header line without a name at byte " + p
                            + ": headers end there (no empty line before the content)");
                    flush(out, name, value);
                    return p;
                }
                flush(out, name, value);
                name = n;
                value = known >= 0 ? knownValue(known, a, colon + 1, lineEnd)
                        : latin1(a, colon + 1, lineEnd).strip();
            }
            p = nl + 1;
        }
        return -1;
    }

    private static int knownName(byte[] a, int from, int to) {
        for (int k = 0; k < KNOWN_NAME_BYTES.length; k++) {
            byte[] n = KNOWN_NAME_BYTES[k];
            if (to - from == n.length && java.util.Arrays.equals(a, from, to, n, 0, n.length)) {
                return k;
            }
        }
        return -1;
    }

    private String knownValue(int known, byte[] a, int from, int to) {
        while (from < to && (a[from] == ' ' || a[from] == '\t')) {
            from++;
        }
        while (to > from && (a[to - 1] == ' ' || a[to - 1] == '\t')) {
            to--;
        }
        String last = lastValue[known];
        if (last != null && last.length() == to - from) {
            boolean same = true;
            for (int i = 0; i < last.length() && same; i++) {
                same = last.charAt(i) == (a[from + i] & 0xFF);
            }
            if (same) {
                return last;
            }
        }
        String v = latin1(a, from, to);
        lastValue[known] = v;
        return v;
    }

    private MediaType mediaType(String value) {
        // a String reused by knownValue is the same instance: one parse per distinct value
        if (value != lastTypeValue) {
            lastType = MediaType.parse(value);
            lastTypeValue = value;
        }
        return lastType;
    }

    private static void flush(List<MimePart.Header> out, String name, String value) {
        if (name != null) {
            out.add(new MimePart.Header(name, value));
        }
    }

    private void checkBytes(byte[] a, int from, int to) {
        if (!strict) {
            return;
        }
        for (int i = from; i < to; i++) {
            int c = a[i] & 0xFF;
            if (c >= 0x80 || (c < 0x20 && c != '\t') || c == 0x7F) {
                throw new MultipartParseException(Reason.BAD_HEADER, "control or non-ASCII byte in a header", i);
            }
        }
    }

    private MimePart part(byte[] a, List<MimePart.Header> headers, int from, int to, int depth,
            List<String> warnings) {
        if (++partCount > limits.maxParts()) {
            throw new MultipartParseException(Reason.LIMIT_EXCEEDED, "more than " + limits.maxParts() + " parts", from);
        }
        MultipartParseException problem = null;
        MediaType type = MimePart.DEFAULT_TYPE;
        String contentId = null;
        String encoding = "binary";
        for (MimePart.Header h : headers) {
            String n = h.name();
            if (n == KNOWN_NAMES[0] || n.equalsIgnoreCase(KNOWN_NAMES[0])) {
                try {
                    type = mediaType(h.value());
                } catch (MultipartParseException e) {
                    MultipartParseException bad = new MultipartParseException(Reason.BAD_HEADER, e.getMessage(), from);
                    if (strict) {
                        throw bad;
                    }
                    problem = bad;
                }
            } else if (n == KNOWN_NAMES[1] || n.equalsIgnoreCase(KNOWN_NAMES[1])) {
                contentId = Multipart.normalizeId(h.value());
            } else if (n == KNOWN_NAMES[2] || n.equalsIgnoreCase(KNOWN_NAMES[2])) {
                encoding = h.value().strip().toLowerCase(Locale.ROOT);
            }
        }
        byte[] data = a;
        int off = from;
        int len = to - from;
        if (problem == null) {
            switch (encoding) {
                case "binary", "8bit", "7bit", "" -> {
                }
                case "base64" -> {
                    try {
                        data = base64(a, from, to);
                        off = 0;
                        len = data.length;
                    } catch (MultipartParseException e) {
                        if (strict) {
                            throw e;
                        }
                        problem = e;
                    }
                }
                default -> {
                    MultipartParseException e = new MultipartParseException(Reason.UNSUPPORTED_TRANSFER_ENCODING,
                            "Content-Transfer-Encoding " + encoding + " is not supported"
                                    + (encoding.equals("quoted-printable") ? " (send binary or base64)" : ""), from);
                    if (strict) {
                        throw e;
                    }
                    problem = e;
                }
            }
        }
        Multipart nested = null;
        if (problem == null && type.isMultipart()) {
            try {
                nested = multipart(data, type, off, off + len, depth + 1);
            } catch (MultipartParseException e) {
                if (strict || e.reason() == Reason.LIMIT_EXCEEDED) {
                    throw e;
                }
                problem = e;
            }
        }
        if (problem != null) {
            warnings.add("part " + (contentId == null ? "" : "<" + contentId + "> ") + "kept raw: "
                    + problem.getMessage());
        }
        return MimePart.parsed(headers, type, contentId, data, off, len, nested, problem);
    }

    private static byte[] base64(byte[] a, int from, int to) {
        byte[] clean = new byte[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            byte c = a[i];
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/'
                    || c == '=') {
                clean[n++] = c;
            } else if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                throw new MultipartParseException(Reason.BAD_BASE64, "byte 0x" + Integer.toHexString(c & 0xFF)
                        + " in base64 content", i);
            }
        }
        try {
            return Base64.getDecoder().decode(java.util.Arrays.copyOf(clean, n));
        } catch (IllegalArgumentException e) {
            throw new MultipartParseException(Reason.BAD_BASE64, "bad base64 content: " + e.getMessage(), from);
        }
    }

    /** The next delimiter line at or after {@code from}, or null. */
    private static Delimiter find(byte[] a, Search delim, int from, int bodyStart, int end) {
        int i = from;
        while (true) {
            int p = delim.indexOf(a, i, end);
            if (p < 0) {
                return null;
            }
            if (p == bodyStart || a[p - 1] == '\n') {
                int q = p + delim.length();
                boolean close = false;
                if (q + 1 < end && a[q] == '-' && a[q + 1] == '-') {
                    close = true;
                    q += 2;
                }
                while (q < end && (a[q] == ' ' || a[q] == '\t')) {
                    q++;
                }
                if (q == end || (a[q] == '\r' && q + 1 == end)) {
                    return new Delimiter(p, end, close, true);
                }
                if (a[q] == '\n') {
                    return new Delimiter(p, q + 1, close, false);
                }
                if (a[q] == '\r' && a[q + 1] == '\n') {
                    return new Delimiter(p, q + 2, close, false);
                }
            }
            i = p + 1;
        }
    }

    /**
     * Finds one delimiter in a body with a Boyer-Moore-Horspool skip table: a 20-character
     * boundary lets most steps skip 20 bytes, which matters on a 1,000-part NOTIFY.
     */
    private static final class Search {
        private final byte[] needle;
        private final int[] shift = new int[256];

        Search(byte[] needle) {
            this.needle = needle;
            java.util.Arrays.fill(shift, needle.length);
            for (int i = 0; i < needle.length - 1; i++) {
                shift[needle[i] & 0xFF] = needle.length - 1 - i;
            }
        }

        int length() {
            return needle.length;
        }

        int indexOf(byte[] a, int from, int end) {
            int n = needle.length;
            int last = n - 1;
            int i = from;
            while (i <= end - n) {
                byte b = a[i + last];
                if (b == needle[last]) {
                    int j = last - 1;
                    while (j >= 0 && a[i + j] == needle[j]) {
                        j--;
                    }
                    if (j < 0) {
                        return i;
                    }
                }
                i += shift[b & 0xFF];
            }
            return -1;
        }
    }

    /** First index of {@code needle} in {@code a[from, end)}, or -1. */
    public static int indexOf(byte[] a, byte[] needle, int from, int end) {
        byte first = needle[0];
        int last = end - needle.length;
        outer:
        for (int i = from; i <= last; i++) {
            if (a[i] != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (a[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int indexOf(byte[] a, byte b, int from, int end) {
        for (int i = from; i < end; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static String latin1(byte[] a, int from, int to) {
        return new String(a, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }
}
