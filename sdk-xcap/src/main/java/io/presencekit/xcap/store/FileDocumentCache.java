package io.presencekit.xcap.store;

import io.presencekit.error.PresenceKitException;
import io.presencekit.xcap.XcapUri;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A {@link DocumentCache} in a folder: one file per document, named by the SHA-256 of its URI,
 * written to a temporary file and moved into place so that a crash never leaves half a document.
 * The file holds the document URI, the ETag and the bytes. Thread-safe; several processes should
 * not share a folder.
 */
public final class FileDocumentCache implements DocumentCache {
    private static final byte[] MAGIC = "PKXCAP1\n".getBytes(StandardCharsets.US_ASCII);

    private final Path folder;

    /** A cache in {@code folder}, created when missing. */
    public FileDocumentCache(Path folder) {
        this.folder = folder;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the XCAP cache folder " + folder, e);
        }
    }

    /** The folder. */
    public Path folder() {
        return folder;
    }

    private Path file(XcapUri uri) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(uri.documentUri().toString().getBytes(StandardCharsets.UTF_8));
            return folder.resolve(HexFormat.of().formatHex(hash) + ".xcap");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    @Override
    public Optional<CachedDocument> load(XcapUri uri) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file(uri));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(raw);
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                return Optional.empty();
            }
            String storedUri = string(in);
            String etag = string(in);
            if (!storedUri.equals(uri.documentUri().toString())) {
                return Optional.empty(); // a hash collision, however unlikely, must not serve another document
            }
            byte[] body = new byte[in.getInt()];
            in.get(body);
            return Optional.of(new CachedDocument(etag.isEmpty() ? null : etag, body));
        } catch (RuntimeException e) {
            // a damaged cache entry is no entry: the next fetch replaces it
            return Optional.empty();
        }
    }

    private static String string(ByteBuffer in) {
        byte[] b = new byte[in.getInt()];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    @Override
    public void save(XcapUri uri, String etag, byte[] body) {
        byte[] u = uri.documentUri().toString().getBytes(StandardCharsets.UTF_8);
        byte[] e = (etag == null ? "" : etag).getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 12 + u.length + e.length + body.length);
        out.put(MAGIC).putInt(u.length).put(u).putInt(e.length).put(e).putInt(body.length).put(body);
        Path target = file(uri);
        try {
            Path tmp = Files.createTempFile(folder, "doc", ".tmp");
            Files.write(tmp, out.array());
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException ex) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException ex) {
            throw new PresenceKitException("cannot write the XCAP cache entry for " + uri.documentUri(), ex);
        }
    }

    @Override
    public void remove(XcapUri uri) {
        try {
            Files.deleteIfExists(file(uri));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
