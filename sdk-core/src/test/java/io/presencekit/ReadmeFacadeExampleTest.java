package io.presencekit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.presencekit.pidf.ContactPresence;
import io.presencekit.pidf.PidfCodec;
import io.presencekit.pidf.SummaryStatus;
import io.presencekit.pidf.watcherinfo.Watcher;
import io.presencekit.sip.SipAccount;
import io.presencekit.sip.testing.ScriptedSipPeer;
import io.presencekit.sip.testing.ScriptedSipPeer.Reply;
import io.presencekit.xcap.XcapCompatibility;
import io.presencekit.xcap.addressbook.Contact;
import io.presencekit.xcap.resourcelists.HandlingPolicy;
import io.presencekit.xcap.testing.XcapTestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.header.EventHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code of the README's "Using the SDK" section, kept compiling and true: the block between
 * the markers below is the README's, line for line, and runs against a scripted SIP server and the
 * in-JVM XCAP server (Kamailio flavour, digest authentication).
 */
class ReadmeFacadeExampleTest {
    private static final String BEGIN = "// README:begin";
    private static final String END = "// README:end";
    @TempDir
    Path stateDir;
    private final List<String> shown = new ArrayList<>();

    private void show(String uri, SummaryStatus status, Optional<String> note) {
        shown.add(uri + " " + status + " " + note.orElse(""));
    }

    private void askUser(String uri) {
        shown.add("ask " + uri);
    }

    @Test
    void readmeExampleWorks() throws Exception {
        AtomicInteger tags = new AtomicInteger();
        try (ScriptedSipPeer peer = ScriptedSipPeer.tcp();
                XcapTestServer xcap = XcapTestServer.start(XcapTestServer.Flavor.KAMAILIO)
                        .requireDigest("example.com", "alice", "secret")) {
            peer.on("REGISTER", Reply.registrar(Duration.ofSeconds(3600)));
            peer.on("PUBLISH", Reply.status(200, "SIP-ETag: e1", "Expires: 600"));
            peer.on("SUBSCRIBE", (req, p) -> {
                Response r = p.response(req, 200, "Expires: 600", "Contact: <sip:pa@127.0.0.1:" + p.port()
                        + ";transport=tcp>");
                ((ToHeader) r.getHeader(ToHeader.NAME)).setTag("n" + tags.incrementAndGet());
                return r;
            });
            char[] password = "secret".toCharArray();
            String proxy = peer.proxyUri();
            String xcapRoot = xcap.root().toString();

            // README:begin
            SipAccount account = SipAccount.builder("sip:alice@example.com").password(password)
                    .outboundProxy(proxy)
                    .stateDirectory(stateDir)       // this device's instance id and XCAP cache
                    .build();
            PresenceClient client = PresenceClient.builder(account)
                    .xcapRoot(xcapRoot)
                    .xcapCompatibility(XcapCompatibility.KAMAILIO)
                    .listener(new PresenceListener() {
                        @Override
                        public void contactPresenceChanged(ContactPresenceEvent e) {
                            show(e.uri(), e.presence().summary(), e.presence().note("en"));
                        }

                        @Override
                        public void watcherRequest(Watcher watcher) {
                            askUser(watcher.uri());   // then allowWatcher, denyWatcher or blockWatcher
                        }
                    })
                    .build();
            client.start().join();          // register, load contacts, publish, watch contacts and watchers
            client.addContact(Contact.builder("Bob").uri("sip:bob@example.com")
                    .subscribe(true).policy(HandlingPolicy.ALLOW).build()).join();
            client.setPresence(OwnPresence.builder(OwnPresence.Availability.AWAY)
                    .note("Back at two", "en").build()).join();
            client.close(Duration.ofSeconds(5));   // unpublish, unsubscribe, unregister
            // README:end

            assertEquals(ClientState.OFFLINE, client.state());
            String lists = xcap.document("resource-lists/users/sip:alice@example.com/index");
            assertTrue(lists != null && lists.contains("sip:bob@example.com"), String.valueOf(lists));
            String rules = xcap.document("org.openmobilealliance.pres-rules/users/sip:alice@example.com/index");
            assertTrue(rules != null && rules.contains("sip:bob@example.com"), String.valueOf(rules));
            List<Request> publishes = peer.received("PUBLISH");
            Request away = publishes.stream().filter(r -> r.getRawContent() != null).reduce((a, b) -> b)
                    .orElseThrow();
            ContactPresence own = ContactPresence.of("sip:alice@example.com",
                    PidfCodec.standard().read(away.getRawContent()));
            assertEquals(SummaryStatus.AWAY, own.summary());
            assertEquals(Optional.of("Back at two"), own.note("en"));
            // the contacts through the address book's list service, the watchers of the own presence
            List<String> subscribed = peer.received("SUBSCRIBE").stream().map(r -> r.getRequestURI() + " "
                    + ((EventHeader) r.getHeader(EventHeader.NAME)).getEventType()).toList();
            assertTrue(subscribed.contains("sip:alice+presence@example.com presence"), subscribed.toString());
            assertTrue(subscribed.contains("sip:alice@example.com presence.winfo"), subscribed.toString());
            // the last PUBLISH removes the presence (Expires: 0)
            assertEquals(0, publishes.get(publishes.size() - 1).getExpires().getExpires());
        }
    }

    @Test
    void theReadmeShowsExactlyTheCodeThisTestRuns() throws IOException {
        Path readme = Path.of("..", "README.md");
        Path self = Path.of("src", "test", "java", "io", "presencekit", "ReadmeFacadeExampleTest.java");
        assumeTrue(Files.isRegularFile(readme) && Files.isRegularFile(self),
                "runs from the module directory of a source checkout");
        String doc = Files.readString(readme, StandardCharsets.UTF_8);
        int section = doc.indexOf("\n## Using the SDK\n");
        assertTrue(section >= 0, "README has no \"Using the SDK\" section");
        int start = doc.indexOf("```java\n", section) + "```java\n".length();
        String block = doc.substring(start, doc.indexOf("```", start));
        String src = Files.readString(self, StandardCharsets.UTF_8);
        int from = src.lastIndexOf(BEGIN);
        int to = src.lastIndexOf(END);
        String code = src.substring(src.indexOf('\n', from) + 1, src.lastIndexOf('\n', to) + 1);
        assertEquals(normalized(block), normalized(code));
    }

    /** The lines without their common indentation. */
    private static List<String> normalized(String text) {
        List<String> lines = text.lines().toList();
        int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent).stripTrailing()).toList();
    }
}
