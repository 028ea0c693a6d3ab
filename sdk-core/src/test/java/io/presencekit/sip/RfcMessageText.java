package io.presencekit.sip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An example message as printed in an RFC, turned into bytes a SIP parser can read. RFC figures are
 * written for people, so the example files differ from the wire in ways the text says nothing
 * about; exactly these are normalised, and each change made is {@linkplain #changes() reported}:
 * <ul>
 *   <li>line endings: LF (or a lone CR) becomes CRLF, in the header and in the body (RFC 3261,
 *       section 7; multipart bodies need CRLF before their boundaries, RFC 2046, section 5.1.1);</li>
 *   <li>folded header lines (a line starting with space or tab) are joined to the line before with
 *       one space (RFC 3261, section 7.3.1: folding is equivalent to a single SP);</li>
 *   <li>elision lines in the header, made only of dots ({@code ...}, {@code ....}), are dropped:
 *       the RFC leaves out headers there;</li>
 *   <li>a header section that runs straight into the body without an empty line ends at the first
 *       line that is neither a header nor a folded continuation; the empty line is put in;</li>
 *   <li>Content-Length is set to the body's length in bytes after the changes above: the RFCs'
 *       values are placeholders ({@code ...}, {@code [XXX]}) or counted before reformatting, and
 *       some messages with a body have none.</li>
 * </ul>
 * The start line, every other header and the body's characters are left as they are.
 */
final class RfcMessageText {
    private static final Pattern HEADER = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+[ \t]*:.*");
    private static final Pattern ELISION = Pattern.compile("\\.{3,}\\s*");

    private final String startLine;
    private final List<String> headers;
    private final String body;
    private final List<String> changes;

    private RfcMessageText(String startLine, List<String> headers, String body, List<String> changes) {
        this.startLine = startLine;
        this.headers = List.copyOf(headers);
        this.body = body;
        this.changes = List.copyOf(changes);
    }

    /** Normalises the text of one example file (UTF-8). */
    static RfcMessageText of(byte[] file) {
        String raw = new String(file, StandardCharsets.UTF_8);
        List<String> changes = new ArrayList<>();
        String lf = raw.replace("\r\n", "\n").replace('\r', '\n');
        if (!raw.contains("\r\n") && raw.contains("\n")) {
            changes.add("LF line endings");
        }
        String[] lines = lf.split("\n", -1);
        String startLine = lines[0];
        List<String> headers = new ArrayList<>();
        int i = 1;
        for (; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                i++;
                break;
            }
            if ((line.startsWith(" ") || line.startsWith("\t")) && !headers.isEmpty()) {
                int last = headers.size() - 1;
                headers.set(last, headers.get(last).stripTrailing() + " " + line.strip());
                note(changes, "folded header lines");
            } else if (ELISION.matcher(line).matches()) {
                note(changes, "elided headers (" + line.strip() + ")");
            } else if (HEADER.matcher(line).matches()) {
                headers.add(line);
            } else {
                changes.add("no empty line before the body");
                break;
            }
        }
        String body = i >= lines.length ? "" : String.join("\r\n", List.of(lines).subList(i, lines.length));
        String declared = null;
        for (var it = headers.listIterator(); it.hasNext();) {
            String h = it.next();
            String name = h.substring(0, h.indexOf(':')).strip().toLowerCase(Locale.ROOT);
            if (name.equals("content-length") || name.equals("l")) {
                declared = h.substring(h.indexOf(':') + 1).strip();
                it.remove();
            }
        }
        int length = body.getBytes(StandardCharsets.UTF_8).length;
        if (declared == null) {
            if (length > 0) {
                changes.add("Content-Length added");
            }
        } else if (!declared.equals(Integer.toString(length))) {
            changes.add("Content-Length " + declared + " set to the body's length");
        }
        headers.add("Content-Length: " + length);
        return new RfcMessageText(startLine, headers, body, changes);
    }

    private static void note(List<String> changes, String change) {
        if (!changes.contains(change)) {
            changes.add(change);
        }
    }

    /** The start line (request line or status line), as printed. */
    String startLine() {
        return startLine;
    }

    /** The header lines, unfolded, with the recomputed Content-Length last. */
    List<String> headers() {
        return headers;
    }

    /** The value of the first header named {@code name} (case-insensitive), or null. */
    String header(String name) {
        for (String h : headers) {
            int colon = h.indexOf(':');
            if (h.substring(0, colon).strip().equalsIgnoreCase(name)) {
                return h.substring(colon + 1).strip();
            }
        }
        return null;
    }

    /** The body with CRLF line endings; empty when there is none. */
    String body() {
        return body;
    }

    /** What was changed, for the test report; empty when the file was wire-ready. */
    List<String> changes() {
        return changes;
    }

    /** The whole message with CRLF line endings. */
    byte[] bytes() {
        StringBuilder sb = new StringBuilder(startLine).append("\r\n");
        headers.forEach(h -> sb.append(h).append("\r\n"));
        return sb.append("\r\n").append(body).toString().getBytes(StandardCharsets.UTF_8);
    }
}
