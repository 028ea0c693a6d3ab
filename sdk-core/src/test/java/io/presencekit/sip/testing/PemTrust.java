package io.presencekit.sip.testing;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;

/** A trust store holding the certificates of a PEM file (e.g. the interop server's). */
public final class PemTrust {
    private PemTrust() {
    }

    /** The certificates of {@code pem} as a PKCS12 trust store, or an empty one when {@code pem} is null. */
    public static KeyStore keyStore(Path pem) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            if (pem != null) {
                try (InputStream in = Files.newInputStream(pem)) {
                    int i = 0;
                    for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                        ks.setCertificateEntry("cert" + i++, c);
                    }
                }
            }
            return ks;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read certificates from " + pem + ": " + e, e);
        }
    }
}
