package io.presencekit.xcap.prescontent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.error.DocumentParseException;
import io.presencekit.error.DocumentParseException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

class PresContentCodecTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void iconBytesSurviveEncodingAndWriting() {
        PresContent icon = PresContent.icon(PNG, "image/png", "Blink");
        assertEquals("base64", icon.encoding().orElseThrow());
        byte[] written = PresContentCodec.standard().write(icon);
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<content xmlns=\"urn:oma:xml:prs:pres-content\">"
                + "<mime-type>image/png</mime-type><encoding>base64</encoding><description>Blink</description>"
                + "<data>" + Base64.getEncoder().encodeToString(PNG) + "</data></content>",
                new String(written, StandardCharsets.UTF_8));
        PresContent read = PresContentCodec.strict().read(written);
        assertEquals(icon, read);
        assertArrayEquals(PNG, read.decodedData());
        assertTrue(read.isAcceptableIcon());
    }

    @Test
    void decodesBase64WrappedOverLines() {
        String b64 = Base64.getEncoder().encodeToString(PNG);
        PresContent doc = PresContentCodec.standard().read(bytes("<content xmlns=\"urn:oma:xml:prs:pres-content\">"
                + "<mime-type>image/png</mime-type><encoding>BASE64</encoding><data>\n\t" + b64.substring(0, 8)
                + "\n\t" + b64.substring(8) + "\n</data></content>"));
        assertArrayEquals(PNG, doc.decodedData());
    }

    @Test
    void refusesToDecodeWhatIsNotBase64() {
        PresContent plain = PresContent.builder().mimeType("text/plain").encoding("8bit").data("hello").build();
        assertThrows(IllegalStateException.class, plain::decodedData);
        assertFalse(plain.isAcceptableIcon());
        PresContent broken = PresContent.builder().mimeType("image/png").encoding("base64").data("a").build();
        assertThrows(IllegalStateException.class, broken::decodedData);
        assertFalse(broken.isAcceptableIcon());
        PresContent gifOk = PresContent.icon(new byte[PresContent.MAX_ICON_BYTES], "image/gif", null);
        assertTrue(gifOk.isAcceptableIcon());
        assertFalse(PresContent.icon(new byte[PresContent.MAX_ICON_BYTES + 1], "image/gif", null).isAcceptableIcon());
        assertFalse(PresContent.icon(PNG, "image/bmp", null).isAcceptableIcon());
    }

    @Test
    void readsTheLargestIconWithDefaultLimits() {
        PresContent big = PresContent.icon(new byte[PresContent.MAX_ICON_BYTES], "image/jpeg", null);
        assertEquals(big, PresContentCodec.standard().read(PresContentCodec.standard().write(big)));
    }

    @Test
    void keepsAttributesAndElementsOfOtherClients() {
        PresContent doc = PresContentCodec.strict().read(bytes("""
                <content xmlns="urn:oma:xml:prs:pres-content" xmlns:x="urn:example:x" x:version="3">
                  <mime-type x:checked="yes">image/gif</mime-type>
                  <encoding>base64</encoding>
                  <description xml:lang="en">Away</description>
                  <description xml:lang="de">Abwesend</description>
                  <data>R0lGODlhAQABAAAAACw=</data>
                  <x:thumbnail size="16">R0lGODlh</x:thumbnail>
                </content>
                """));
        assertEquals("3", doc.extras().attributes().get(new QName("urn:example:x", "version")));
        assertEquals("yes", doc.mimeTypeElement().orElseThrow().attributes().get(new QName("urn:example:x", "checked")));
        assertEquals("de", doc.descriptions().get(1).lang());
        assertEquals("Away", doc.description().orElseThrow());
        assertEquals(1, doc.extras().children().size());
        assertEquals(doc, PresContentCodec.standard().read(PresContentCodec.standard().write(doc)));
    }

    @Test
    void missingDataIsALenientSlip() {
        String xml = "<content xmlns=\"urn:oma:xml:prs:pres-content\"><mime-type>image/png</mime-type></content>";
        PresContent doc = PresContentCodec.standard().read(bytes(xml));
        assertEquals(null, doc.data());
        assertEquals(1, doc.warnings().size());
        assertEquals(doc, PresContentCodec.standard().read(PresContentCodec.standard().write(doc)));
        assertEquals(Reason.SCHEMA,
                assertThrows(DocumentParseException.class, () -> PresContentCodec.strict().read(bytes(xml))).reason());
    }

    @Test
    void elementsOutOfOrderAreKeptAsSlips() {
        String xml = "<content xmlns=\"urn:oma:xml:prs:pres-content\"><data>eA==</data>"
                + "<mime-type>text/plain</mime-type></content>";
        PresContent doc = PresContentCodec.standard().read(bytes(xml));
        assertEquals("eA==", doc.data());
        assertTrue(doc.mimeType().isEmpty());
        assertEquals(1, doc.extras().children().size());
        assertEquals(doc, PresContentCodec.standard().read(PresContentCodec.standard().write(doc)));
        assertThrows(DocumentParseException.class, () -> PresContentCodec.strict().read(bytes(xml)));
    }
}
