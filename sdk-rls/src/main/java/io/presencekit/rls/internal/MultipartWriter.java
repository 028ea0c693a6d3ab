package io.presencekit.rls.internal;

import io.presencekit.rls.MimePart;
import io.presencekit.rls.Multipart;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Writes a {@link Multipart} with CRLF line ends, nested bodies included (RFC 2046, section 5.1.1). */
public final class MultipartWriter {
    private static final byte[] CRLF = {'\r', '\n'};

    private MultipartWriter() {
    }

    /** The encoded body. */
    public static byte[] write(Multipart multipart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        write(multipart, out);
        return out.toByteArray();
    }

    private static void write(Multipart multipart, ByteArrayOutputStream out) {
        byte[] delim = ("--" + multipart.boundary()).getBytes(StandardCharsets.ISO_8859_1);
        for (MimePart p : multipart.parts()) {
            byte[] content = content(p);
            if (containsDelimiter(content, delim)) {
                throw new IllegalArgumentException("part " + p + " contains the boundary " + multipart.boundary());
            }
            out.writeBytes(delim);
            out.writeBytes(CRLF);
            for (MimePart.Header h : p.headers()) {
                if (h.value().indexOf('\r') >= 0 || h.value().indexOf('\n') >= 0) {
                    throw new IllegalArgumentException("header " + h.name() + " has a line break");
                }
                out.writeBytes((h.name() + ": " + h.value()).getBytes(StandardCharsets.UTF_8));
                out.writeBytes(CRLF);
            }
            out.writeBytes(CRLF);
            out.writeBytes(content);
            out.writeBytes(CRLF);
        }
        out.writeBytes(delim);
        out.writeBytes(new byte[] {'-', '-', '\r', '\n'});
    }

    private static byte[] content(MimePart p) {
        if (p.multipart().isPresent()) {
            return write(p.multipart().get());
        }
        return switch (p.transferEncoding()) {
            case "binary", "8bit", "7bit", "" -> p.body();
            case "base64" -> Base64.getMimeEncoder().encode(p.body());
            default -> throw new IllegalArgumentException("cannot write Content-Transfer-Encoding "
                    + p.transferEncoding());
        };
    }

    private static boolean containsDelimiter(byte[] content, byte[] delim) {
        int i = 0;
        while (true) {
            int p = MultipartParser.indexOf(content, delim, i, content.length);
            if (p < 0) {
                return false;
            }
            if (p == 0 || content[p - 1] == '\n') {
                return true;
            }
            i = p + 1;
        }
    }
}
