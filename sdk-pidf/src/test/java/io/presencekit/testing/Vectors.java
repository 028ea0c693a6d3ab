package io.presencekit.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared test vectors (RFC examples and public-project documents), read in place and never
 * copied into the project. The folder comes from the system property {@value #PROPERTY}
 * (default: {@code ../shared/vectors} beside the project root). Where it is absent, tests skip
 * with a message, except under {@code CI=true}, where a missing folder fails the run.
 *
 * <p>Shared with the other modules' tests through sdk-pidf's test jar.
 */
public final class Vectors {
    /** System property naming the vector folder. */
    public static final String PROPERTY = "presencekit.vectors";

    private static volatile Manifest manifest;

    private Vectors() {
    }

    /** The vector folder; skips the calling test (fails under CI) when it is not there. */
    public static Path root() {
        Path root = configuredRoot();
        if (!Files.isDirectory(root)) {
            String msg = "test vectors not found at " + root + " (set -D" + PROPERTY + "=<folder>)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(msg + "; under CI the vectors are required");
            }
            Assumptions.abort(msg);
        }
        return root;
    }

    private static Path configuredRoot() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank() && !configured.contains("${")) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        // no property (an IDE run): look for the project root, the folder holding .mvn
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(".mvn"))) {
                return p.resolve("../shared/vectors").normalize();
            }
        }
        return dir.resolve("../shared/vectors").normalize();
    }

    /** The bytes of {@code relative} under {@link #root()}. */
    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(root().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under the vector folder, as relative paths with '/' separators, sorted. */
    public static List<String> allFiles() {
        Path root = root();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The project's manifest of every vector file. */
    public static Manifest manifest() {
        Manifest m = manifest;
        if (m == null) {
            m = Manifest.load();
            manifest = m;
        }
        return m;
    }

    /**
     * One line of the manifest.
     *
     * @param file        path relative to the vector folder
     * @param family      the format family
     * @param expectation {@code parse}, {@code reject}, {@code fragment}, {@code generic}, {@code pending},
     *                    {@code schema} or {@code ignore}
     * @param argument    the reason for {@code reject}, the parent for {@code fragment}, {@code lenient} or
     *                    nothing for {@code parse}, else empty
     */
    public record Entry(String file, String family, String expectation, String argument) {
        @Override
        public String toString() {
            return file;
        }
    }

    /** The parsed manifest: families with their owning module, and one entry per file. */
    public static final class Manifest {
        private final Map<String, String> owners;
        private final List<Entry> entries;

        private Manifest(Map<String, String> owners, List<Entry> entries) {
            this.owners = Collections.unmodifiableMap(owners);
            this.entries = List.copyOf(entries);
        }

        private static Manifest load() {
            String resource = "/io/presencekit/testing/vectors.manifest";
            try (InputStream in = Vectors.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing " + resource);
                }
                Map<String, String> owners = new LinkedHashMap<>();
                List<Entry> entries = new ArrayList<>();
                int lineNo = 0;
                for (String raw : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    lineNo++;
                    String line = raw.contains("#") ? raw.substring(0, raw.indexOf('#')) : raw;
                    line = line.strip();
                    if (line.isEmpty()) {
                        continue;
                    }
                    String[] f = line.split("\\s+");
                    if (f[0].equals("@family")) {
                        owners.put(f[1], f[2]);
                        continue;
                    }
                    if (f.length < 3 || !owners.containsKey(f[1])) {
                        throw new IllegalStateException("bad manifest line " + lineNo + ": " + raw);
                    }
                    entries.add(new Entry(f[0], f[1], f[2], f.length > 3 ? f[3] : ""));
                }
                return new Manifest(owners, entries);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Family name to the module that tests it. */
        public Map<String, String> owners() {
            return owners;
        }

        /** Every entry, in manifest order. */
        public List<Entry> entries() {
            return entries;
        }

        /** The entries of {@code family}. */
        public List<Entry> family(String family) {
            if (!owners.containsKey(family)) {
                throw new IllegalArgumentException("unknown family " + family);
            }
            return entries.stream().filter(e -> e.family().equals(family)).toList();
        }
    }
}
