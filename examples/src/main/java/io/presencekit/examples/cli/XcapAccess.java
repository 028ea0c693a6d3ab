package io.presencekit.examples.cli;

import io.presencekit.xcap.XcapClient;
import io.presencekit.xcap.XcapCompatibility;
import io.presencekit.xcap.XcapException;
import io.presencekit.xcap.XcapResponse;
import io.presencekit.xcap.XcapUri;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * Opens the {@link XcapClient} the global options describe: the XCAP root, Digest credentials of
 * the account (user part of the AoR, the password), the trusted certificates, and the server's
 * quirks, detected unless {@code --xcap-compat} names them.
 *
 * <p>Detection ({@code --xcap-compat auto}, the default) reads {@code xcap-caps/global/index}, a
 * document every XCAP server has (RFC 4825, section 12) and Kamailio serves without
 * authentication, and chooses {@link XcapCompatibility#KAMAILIO} when the answer names Kamailio in
 * its {@code Server} header or carries the {@code Sia} header Kamailio's HTTP module writes, else
 * {@link XcapCompatibility#STANDARD}. When the probe gets no answer the standard settings are
 * used, and the command's own request reports the problem.
 */
final class XcapAccess {
    private XcapAccess() {
    }

    /**
     * A client for {@code command}'s global options, authenticating as {@code account} (null for
     * no credentials).
     */
    static XcapClient open(CliCommand command, String account) {
        PresenceKitCli cli = command.cli();
        EventOutput out = command.output();
        if (cli.xcapRoot() == null) {
            throw command.usage("this command needs the XCAP root: --xcap-root <url>");
        }
        KeyStore trust = cli.trust() == null ? null : loadTrust(cli.trust());
        XcapCompatibility compat = compatibility(cli, trust, out);
        XcapClient.Builder b = XcapClient.builder(cli.xcapRoot()).compatibility(compat);
        if (trust != null) {
            b.trustStore(trust);
        }
        if (account != null) {
            char[] password = cli.password();
            if (password == null) {
                out.detail("no password (--password or " + PresenceKitCli.PASSWORD_ENV
                        + "): requests go without credentials");
            } else {
                b.credentials(Options.user(account), password);
                Arrays.fill(password, '\0');
            }
        }
        return b.build();
    }

    /** The server's quirks: {@code --xcap-compat}, detected when it is {@code auto}. */
    static XcapCompatibility compatibility(PresenceKitCli cli, KeyStore trust, EventOutput out) {
        return switch (cli.xcapCompat()) {
            case STANDARD -> XcapCompatibility.STANDARD;
            case KAMAILIO -> XcapCompatibility.KAMAILIO;
            case AUTO -> detect(cli.xcapRoot(), trust, out);
        };
    }

    private static XcapCompatibility detect(String root, KeyStore trust, EventOutput out) {
        XcapClient.Builder b = XcapClient.builder(root)
                .compatibility(XcapCompatibility.STANDARD.copy().persistentConnections(false).build());
        if (trust != null) {
            b.trustStore(trust);
        }
        try (XcapClient probe = b.build()) {
            XcapUri caps = probe.uri().auid("xcap-caps").global().document("index").build();
            Optional<XcapResponse> answer;
            try {
                answer = Optional.of(probe.get(caps).join());
            } catch (CompletionException e) {
                answer = e.getCause() instanceof XcapException x ? x.response() : Optional.empty();
            }
            if (answer.isEmpty()) {
                out.detail("no answer to " + caps + ": standard XCAP settings");
                return XcapCompatibility.STANDARD;
            }
            boolean kamailio = answer.get().header("Sia").isPresent() || answer.get().header("Server")
                    .map(s -> s.toLowerCase(Locale.ROOT).contains("kamailio")).orElse(false);
            out.detail("XCAP server " + answer.get().header("Server").orElse("(no Server header)") + ": "
                    + (kamailio ? "Kamailio" : "standard") + " settings");
            return kamailio ? XcapCompatibility.KAMAILIO : XcapCompatibility.STANDARD;
        }
    }

    /** A trust store holding the certificates of a PEM file. */
    static KeyStore loadTrust(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new CliFailure("--trust " + pem + ": no certificate in the file", null);
            }
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                ks.setCertificateEntry("trusted-" + i++, c);
            }
            return ks;
        } catch (IOException e) {
            throw new CliFailure("--trust " + pem + ": cannot read it: " + e.getMessage(), null, e);
        } catch (GeneralSecurityException e) {
            throw new CliFailure("--trust " + pem + ": not a PEM certificate file: " + e.getMessage(), null, e);
        }
    }
}
