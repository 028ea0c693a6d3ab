package io.presencekit.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.parser.StringMsgParser;
import io.presencekit.error.DocumentParseException;
import io.presencekit.pidf.PidfCodec;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.pidf.watcherinfo.WatcherInfo;
import io.presencekit.pidf.watcherinfo.WatcherInfoCodec;
import io.presencekit.rls.ListNotification;
import io.presencekit.rls.NotificationDecoder;
import io.presencekit.rls.PartContent;
import io.presencekit.rls.RlmiCodec;
import io.presencekit.rls.RlmiList;
import io.presencekit.testing.Vectors;
import io.presencekit.xcap.diff.XcapDiff;
import io.presencekit.xcap.diff.XcapDiffCodec;
import io.presencekit.xcap.resourcelists.ResourceLists;
import io.presencekit.xcap.resourcelists.ResourceListsCodec;
import io.presencekit.xml.DocumentCodec;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.SIPETagHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example SIP message of the presence RFCs (manifest family {@code sip-message}: RFC 3856,
 * 3857, 3903, 4662, 5264 and 5875), as the manifest says. Each file is normalised as
 * {@link RfcMessageText} documents (CRLF, unfolded and elided headers, a recomputed
 * Content-Length) and read by JAIN-SIP's own message parser, the one the SDK's stack uses; the
 * method or status must be the one the file is named for, and a request's CSeq must carry its
 * method. The body is then read by the SDK's codec for its Content-Type:
 * <ul>
 *   <li>{@code application/pidf+xml}: {@link PidfCodec};</li>
 *   <li>{@code application/watcherinfo+xml}: {@link WatcherInfoCodec};</li>
 *   <li>{@code multipart/related} and {@code multipart/signed} (RFC 4662): {@link NotificationDecoder};</li>
 *   <li>{@code application/rlmi+xml}: {@link RlmiCodec};</li>
 *   <li>{@code application/xcap-diff+xml} (RFC 5875 NOTIFY): {@link XcapDiffCodec};</li>
 *   <li>{@code application/resource-lists+xml} (RFC 5875 SUBSCRIBE): {@link ResourceListsCodec};</li>
 *   <li>{@code application/pidf-diff+xml} (RFC 5264 PUBLISH): partial PIDF is not a presence document,
 *       so the PIDF codec refuses it, as sdk-pidf's {@code pidf-diff} family says.</li>
 * </ul>
 * {@code parse}: the body reads without error and its model writes and reads back equal (a list
 * notification: every instance's part is usable). {@code reject REASON}: the message reads, and the
 * body's codec refuses it with that {@link DocumentParseException.Reason}.
 */
class SipMessageVectorTest {
    private static final Pattern NAMED = Pattern.compile("-(subscribe|notify|publish|200ok)");
    private static final Map<String, Integer> COUNTS = new TreeMap<>();
    private static final Map<String, Integer> CHANGES = new TreeMap<>();

    @TestFactory
    Stream<DynamicTest> sipMessages() {
        List<Vectors.Entry> entries = Vectors.manifest().family("sip-message");
        assertEquals(60, entries.size(), "the presence RFCs' SIP example messages");
        return entries.stream()
                .map(e -> DynamicTest.dynamicTest(e.file() + " (" + e.expectation() + " " + e.argument() + ")",
                        () -> check(e)));
    }

    @AfterAll
    static void printCounts() {
        synchronized (COUNTS) {
            if (!COUNTS.isEmpty()) {
                StringBuilder sb = new StringBuilder("sip-message vectors checked:\n");
                COUNTS.forEach((k, v) -> sb.append(String.format("  %-48s %d%n", k, v)));
                sb.append("normalised (files):\n");
                CHANGES.forEach((k, v) -> sb.append(String.format("  %-48s %d%n", k, v)));
                System.out.print(sb);
            }
        }
    }

    private static void count(Map<String, Integer> counts, String key) {
        synchronized (COUNTS) {
            counts.merge(key, 1, Integer::sum);
        }
    }

    private static void check(Vectors.Entry e) throws ParseException {
        RfcMessageText text = RfcMessageText.of(Vectors.bytes(e.file()));
        text.changes().forEach(c -> count(CHANGES, c.replaceAll("Content-Length .* set", "Content-Length set")));
        SIPMessage message = parse(text);

        Matcher named = NAMED.matcher(e.file());
        assertTrue(named.find(), "the file name says what the message is: " + e.file());
        String kind = named.group(1).toUpperCase(Locale.ROOT);
        if (kind.equals("200OK")) {
            SIPResponse response = assertInstanceOf(SIPResponse.class, message);
            assertEquals(200, response.getStatusCode());
            assertEquals("OK", response.getReasonPhrase());
            if (e.file().contains("-etag")) {
                SIPETagHeader etag = (SIPETagHeader) response.getHeader(SIPETagHeader.NAME);
                assertNotNull(etag, "the PUBLISH answer carries SIP-ETag (RFC 3903, section 11.3.1)");
                assertFalse(etag.getETag().isBlank());
            }
        } else {
            SIPRequest request = assertInstanceOf(SIPRequest.class, message);
            assertEquals(kind, request.getMethod());
            if (request.getCSeq() != null) { // RFC 5264 and 5875 elide it
                assertEquals(kind, request.getCSeq().getMethod(), "CSeq method");
            }
            assertNotNull(request.getHeader("Event"), "an event package (RFC 6665, section 8.2.1)");
        }

        byte[] body = message.getRawContent() == null ? new byte[0] : message.getRawContent();
        assertEquals(text.body(), new String(body, StandardCharsets.UTF_8), "the parser's body");
        assertEquals(body.length, message.getContentLength().getContentLength());
        ContentTypeHeader type = (ContentTypeHeader) message.getHeader(ContentTypeHeader.NAME);
        if (body.length == 0) {
            assertNull(type, "a Content-Type without a body");
            assertEquals("parse", e.expectation(), "a message without a body can only parse: " + e);
            count(COUNTS, "parse (no body)");
            return;
        }
        assertNotNull(type, "a body without Content-Type");
        String essence = (type.getContentType() + "/" + type.getContentSubType()).toLowerCase(Locale.ROOT);
        String value = text.header("Content-Type");
        switch (e.expectation()) {
            case "parse" -> {
                List<String> warnings = readBody(essence, value, body);
                if (e.argument().equals("lenient")) {
                    assertFalse(warnings.isEmpty(), "the decoder warns of the slip");
                    count(COUNTS, "parse lenient " + essence);
                } else {
                    assertEquals(List.of(), warnings, "decoder warnings");
                    count(COUNTS, "parse " + essence);
                }
            }
            case "reject" -> {
                DocumentParseException.Reason reason = DocumentParseException.Reason.valueOf(e.argument());
                DocumentParseException ex = assertThrows(DocumentParseException.class,
                        () -> readBody(essence, value, body), "the body is refused");
                assertEquals(reason, ex.reason(), ex.getMessage());
                count(COUNTS, "reject " + reason + " " + essence);
            }
            default -> fail("unexpected expectation for this family: " + e);
        }
    }

    /** JAIN-SIP's parser, with every header it cannot read made a failure rather than dropped. */
    private static SIPMessage parse(RfcMessageText text) throws ParseException {
        List<String> bad = new ArrayList<>();
        SIPMessage message = new StringMsgParser().parseSIPMessage(text.bytes(), true, true,
                (ex, sipMessage, headerClass, headerText, messageText) -> bad.add(headerText + ": " + ex.getMessage()));
        assertTrue(bad.isEmpty(), () -> "headers JAIN-SIP could not read: " + bad);
        assertNotNull(message, "no message");
        return message;
    }

    /**
     * Reads {@code body} with the codec for its type; returns the list-notification decoder's
     * warnings but the one every multipart/signed body gets (its signature is not verified).
     */
    private static List<String> readBody(String essence, String contentType, byte[] body) {
        List<String> warnings = new ArrayList<>();
        switch (essence) {
            case PidfCodec.CONTENT_TYPE -> {
                PresenceDocument doc = roundTrip(PidfCodec.standard(), body);
                assertFalse(doc.tuples().isEmpty() && doc.persons().isEmpty(), "presence information");
            }
            case WatcherInfoCodec.CONTENT_TYPE -> {
                WatcherInfo info = roundTrip(WatcherInfoCodec.standard(), body);
                assertFalse(info.watcherLists().isEmpty(), "watcher lists");
            }
            case RlmiCodec.CONTENT_TYPE -> {
                RlmiList list = roundTrip(RlmiCodec.standard(), body);
                assertFalse(list.resources().isEmpty(), "resources");
            }
            case XcapDiffCodec.CONTENT_TYPE -> roundTrip(XcapDiffCodec.standard(), body);
            case ResourceListsCodec.CONTENT_TYPE -> {
                ResourceLists lists = roundTrip(ResourceListsCodec.standard(), body);
                assertFalse(lists.lists().isEmpty(), "lists");
            }
            case "application/pidf-diff+xml" -> PidfCodec.standard().read(body);
            case "multipart/related", "multipart/signed" -> checkList(NotificationDecoder.standard()
                    .decode(contentType, body), warnings);
            default -> fail("no codec for the body type " + essence);
        }
        return warnings;
    }

    private static void checkList(ListNotification n, List<String> warnings) {
        assertFalse(n.resources().isEmpty(), "resources");
        for (ListNotification.ResourceNotification r : n.resources()) {
            for (ListNotification.InstanceNotification i : r.instances()) {
                PartContent content = i.content();
                assertFalse(content instanceof PartContent.Failed, () -> "instance " + i.instance().id() + " of "
                        + r.uri() + ": " + content + "; warnings " + n.warnings());
                assertFalse(content instanceof PartContent.Raw, () -> "instance part not typed: " + content);
                if (content instanceof PartContent.NestedList nested) {
                    checkList(nested.list(), new ArrayList<>());
                }
                assertEquals(i.instance().cid().isPresent(), !(content instanceof PartContent.None),
                        "a part for each cid");
            }
        }
        n.warnings().stream().filter(w -> !w.startsWith("multipart/signed unwrapped")).forEach(warnings::add);
    }

    private static <D> D roundTrip(DocumentCodec<D> codec, byte[] body) {
        D doc = codec.read(body);
        byte[] written = codec.write(doc);
        D again = codec.read(written);
        assertEquals(doc, again, (Supplier<String>) () -> "round trip changed the model; written:\n"
                + new String(written, StandardCharsets.UTF_8));
        return doc;
    }

    private static <T> T assertInstanceOf(Class<T> type, Object o) {
        assertTrue(type.isInstance(o), () -> "expected a " + type.getSimpleName() + ", got " + o.getClass());
        return type.cast(o);
    }
}
