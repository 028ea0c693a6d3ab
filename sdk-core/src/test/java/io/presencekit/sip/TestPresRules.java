package io.presencekit.sip;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.testing.Interop;
import io.presencekit.xcap.XcapClient;
import io.presencekit.xcap.XcapCompatibility;
import io.presencekit.xcap.XcapResponse;
import io.presencekit.xcap.XcapUri;
import io.presencekit.xcap.policy.Identity;
import io.presencekit.xcap.policy.Rule;
import io.presencekit.xcap.policy.Ruleset;
import io.presencekit.xcap.policy.SubHandling;
import io.presencekit.xcap.usage.ApplicationUsage;
import java.time.Duration;
import java.util.List;

/**
 * Writes a presentity's pres-rules for the interop tests. Kamailio decides with the first
 * pres-rules document of the presentity it finds, whatever its name (interop/kamailio/NOTES.md,
 * "Authorization"), and other test classes (the address book's among them) leave documents of
 * their own, so the other candidates are deleted first: exactly one document then decides.
 */
final class TestPresRules {
    private static final List<String> NAMES = List.of("index", "pres-rules");

    private TestPresRules() {
    }

    /** {@code owner}'s only pres-rules: {@code watcher} gets {@code handling}. */
    static void write(Interop.Server server, String owner, String watcher, SubHandling handling) {
        try (XcapClient c = XcapClient.builder(server.xcapRoot())
                .credentials(owner, server.password().toCharArray()).compatibility(XcapCompatibility.KAMAILIO)
                .responseTimeout(Duration.ofSeconds(10)).build()) {
            XcapUri target = uri(c, server, ApplicationUsage.OMA_PRES_RULES.auid(), owner,
                    ApplicationUsage.OMA_PRES_RULES.defaultDocumentName());
            for (String auid : List.of(ApplicationUsage.OMA_PRES_RULES.auid(), ApplicationUsage.PRES_RULES.auid())) {
                for (String name : NAMES) {
                    XcapUri other = uri(c, server, auid, owner, name);
                    if (!other.equals(target) && exists(c, other)) {
                        int status = c.delete(other).join().status();
                        assertTrue(status == 200, "DELETE " + other + ": " + status);
                    }
                }
            }
            Rule rule = Rule.builder(watcher + "-" + handling.token())
                    .conditions(Identity.ofUris(server.aor(watcher))).subHandling(handling).build();
            XcapResponse r = c.put(target, ApplicationUsage.OMA_PRES_RULES.mimeType(),
                    ApplicationUsage.OMA_PRES_RULES.codec().write(Ruleset.of(rule))).join();
            assertTrue(r.status() == 200 || r.status() == 201, "PUT pres-rules: " + r.status());
        }
    }

    /** Kamailio answers a DELETE of a missing document with 500, so look first. */
    private static boolean exists(XcapClient c, XcapUri uri) {
        try {
            return c.get(uri).join().status() == 200;
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof io.presencekit.xcap.XcapException
                    && ((io.presencekit.xcap.XcapException) e.getCause()).status() == 404) {
                return false;
            }
            throw e;
        }
    }

    private static XcapUri uri(XcapClient c, Interop.Server server, String auid, String owner, String name) {
        return c.uri().auid(auid).user(server.aor(owner)).document(name).build();
    }
}
