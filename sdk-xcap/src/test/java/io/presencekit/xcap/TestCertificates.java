package io.presencekit.xcap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Self-signed server certificates made at test time with the JDK's keytool (nothing is committed):
 * one for {@code 127.0.0.1} / {@code localhost}, one for another host name only. Made once per
 * test JVM, in a temporary folder removed at exit.
 */
final class TestCertificates {
    /** A server identity: the key store for the server, and a trust store holding only its certificate. */
    record Identity(SSLContext serverContext, KeyStore trustStore) {
    }

    private static Identity loopback;
    private static Identity otherHost;
    private static Path folder;

    private TestCertificates() {
    }

    /** A certificate naming {@code 127.0.0.1} and {@code localhost}. */
    static synchronized Identity loopback() {
        if (loopback == null) {
            loopback = generate("loopback", "CN=localhost", "SAN=ip:127.0.0.1,dns:localhost");
        }
        return loopback;
    }

    /** A certificate naming {@code other.example.org} only. */
    static synchronized Identity otherHost() {
        if (otherHost == null) {
            otherHost = generate("other", "CN=other.example.org", "SAN=dns:other.example.org");
        }
        return otherHost;
    }

    private static Identity generate(String name, String dname, String san) {
        try {
            if (folder == null) {
                folder = Files.createTempDirectory("presencekit-xcap-tls");
                Runtime.getRuntime().addShutdownHook(new Thread(TestCertificates::deleteFolder));
            }
            byte[] secret = new byte[12];
            new SecureRandom().nextBytes(secret);
            String storePassword = HexFormat.of().formatHex(secret);
            Path store = folder.resolve(name + ".p12");
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process p = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "server",
                    "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-dname", dname,
                    "-ext", san, "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                    "-storepass", storePassword, "-keypass", storePassword)).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, storePassword.toCharArray());
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, storePassword.toCharArray());
            SSLContext server = SSLContext.getInstance("TLS");
            server.init(kmf.getKeyManagers(), null, null);

            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry(name, keys.getCertificate("server"));
            return new Identity(server, trust);
        } catch (IOException | InterruptedException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a test certificate", e);
        }
    }

    private static void deleteFolder() {
        try (Stream<Path> s = Files.walk(folder)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }
}
