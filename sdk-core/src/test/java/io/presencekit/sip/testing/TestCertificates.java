package io.presencekit.sip.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Self-signed server certificates made at test time with the JDK's keytool into a temporary
 * folder (nothing is committed): a PKCS12 key store for a {@link ScriptedSipPeer#tls} peer and a
 * trust store holding only its certificate.
 *
 * @param keyStore    the key store file with the private key
 * @param password    its password
 * @param trustStore  a trust store with just the certificate
 */
public record TestCertificates(Path keyStore, char[] password, KeyStore trustStore) {

    /**
     * Generates an EC P-256 certificate with subject {@code dname} and {@code san} (keytool syntax,
     * e.g. {@code SAN=ip:127.0.0.1,dns:localhost}) under {@code dir}.
     */
    public static TestCertificates generate(Path dir, String dname, String san) {
        try {
            byte[] secret = new byte[12];
            new SecureRandom().nextBytes(secret);
            String pw = HexFormat.of().formatHex(secret);
            Path store = Files.createTempFile(dir, "peer", ".p12");
            Files.delete(store);
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            List<String> cmd = new java.util.ArrayList<>(List.of(keytool.toString(), "-genkeypair", "-alias", "server",
                    "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-dname", dname,
                    "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", pw,
                    "-keypass", pw));
            if (san != null) {
                cmd.addAll(List.of("-ext", san));
            }
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + out);
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(store)) {
                keys.load(in, pw.toCharArray());
            }
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("server", keys.getCertificate("server"));
            return new TestCertificates(store, pw.toCharArray(), trust);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a test certificate: " + e, e);
        }
    }
}
