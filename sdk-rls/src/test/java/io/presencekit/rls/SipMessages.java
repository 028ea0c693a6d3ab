package io.presencekit.rls;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Splits a SIP message of the vectors into header fields and body bytes, the way a SIP stack
 * hands them to the decoder. The RFC 4662 messages lost some blank lines at page breaks, so a line
 * that opens a multipart body ({@code --boundary}) also ends the headers.
 */
record SipMessages(Map<String, String> headers, byte[] body) {
    static SipMessages parse(byte[] message) {
        Map<String, String> headers = new LinkedHashMap<>();
        int p = indexOf(message, 0) + 1; // skip the start line
        String last = null;
        while (p < message.length) {
            int nl = indexOf(message, p);
            int end = nl < 0 ? message.length : nl;
            int lineEnd = end > p && message[end - 1] == '\r' ? end - 1 : end;
            String line = new String(message, p, lineEnd - p, StandardCharsets.UTF_8);
            if (line.isEmpty()) {
                p = end + 1;
                break;
            }
            if (line.startsWith("--")) {
                break;
            }
            if ((line.startsWith(" ") || line.startsWith("\t")) && last != null) {
                headers.put(last, headers.get(last) + " " + line.strip());
            } else {
                int colon = line.indexOf(':');
                last = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                // the first occurrence wins: step 7 repeats some headers
                if (headers.containsKey(last)) {
                    last = null;
                } else {
                    headers.put(last, line.substring(colon + 1).strip());
                }
            }
            p = end + 1;
        }
        byte[] body = p >= message.length ? new byte[0] : Arrays.copyOfRange(message, p, message.length);
        return new SipMessages(headers, body);
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    String contentType() {
        return header("Content-Type").orElseThrow();
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
