package io.presencekit.pidf.agp;

import static io.presencekit.pidf.Namespaces.AGP_PIDF;

import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.ExtensionCodec;
import java.math.BigDecimal;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;

/**
 * {@code agp-pidf:device-info}. Children are matched by name in any order (python-sipsimple does not
 * enforce one) and written in python-sipsimple's order: description, user-agent, time-offset.
 * Immutable and thread-safe.
 */
final class DeviceInfoCodec implements ExtensionCodec<DeviceInfo> {
    private static final QName DESCRIPTION = new QName(AGP_PIDF, "description", "agp-pidf");
    private static final QName USER_AGENT = new QName(AGP_PIDF, "user-agent", "agp-pidf");
    private static final QName TIME_OFFSET = new QName(AGP_PIDF, "time-offset", "agp-pidf");
    private static final Pattern MINUTES = Pattern.compile("[+-]?[0-9]{1,9}(\\.[0-9]{1,9})?");

    @Override
    public QName name() {
        return DeviceInfo.QNAME;
    }

    @Override
    public Class<DeviceInfo> type() {
        return DeviceInfo.class;
    }

    @Override
    public DeviceInfo read(ElementReader in) {
        String id = in.attribute("id");
        if (id == null || id.isBlank()) {
            throw in.invalid("device-info without an id");
        }
        DeviceInfo.Builder b = DeviceInfo.builder(id.strip());
        in.otherAttributes(false, "id").forEach(b::attribute);
        boolean hasDescription = false;
        boolean hasUserAgent = false;
        boolean hasTimeOffset = false;
        while (in.nextChild()) {
            if (AGP_PIDF.equals(in.namespaceUri())) {
                switch (in.localName()) {
                    case "description":
                        if (hasDescription) {
                            duplicate(in, b);
                        } else {
                            hasDescription = true;
                            noAttributes(in);
                            b.description(in.text());
                        }
                        continue;
                    case "user-agent":
                        if (hasUserAgent) {
                            duplicate(in, b);
                        } else {
                            hasUserAgent = true;
                            noAttributes(in);
                            b.userAgent(in.text());
                        }
                        continue;
                    case "time-offset":
                        if (hasTimeOffset) {
                            duplicate(in, b);
                        } else {
                            hasTimeOffset = true;
                            timeOffset(in, b);
                        }
                        continue;
                    default:
                        break;
                }
            }
            b.extra(in.readExtension());
        }
        return b.build();
    }

    private static void duplicate(ElementReader in, DeviceInfo.Builder b) {
        in.schemaViolation("second <" + in.localName() + "> in device-info; kept as is");
        b.extra(in.readGeneric());
    }

    private static void noAttributes(ElementReader in) {
        if (in.attributeCount() > 0) {
            in.schemaViolation("attributes on <" + in.localName() + "> in device-info ignored");
        }
    }

    private static void timeOffset(ElementReader in, DeviceInfo.Builder b) {
        String description = in.attribute("description");
        if (!in.otherAttributes(false, "description").isEmpty()) {
            in.schemaViolation("attributes other than description on <time-offset> in device-info ignored");
        }
        String text = in.text();
        b.timeOffset(minutes(in, text), description);
    }

    /**
     * Minutes from the text of {@code time-offset}. Python 3 Blink writes the result of a true
     * division, such as {@code 120.0}, so an integral decimal is accepted as well as an integer.
     */
    static int minutes(ElementReader in, String text) {
        String t = text.strip();
        int fast = plainInteger(t);
        if (fast != Integer.MIN_VALUE) {
            if (Math.abs(fast) > DeviceInfo.MAX_OFFSET_MINUTES) {
                throw in.invalid("time-offset of " + t + " minutes is a day or more");
            }
            return fast;
        }
        if (!MINUTES.matcher(t).matches()) {
            throw in.invalid("time-offset '" + t + "' is not a whole number of minutes");
        }
        int minutes;
        try {
            minutes = new BigDecimal(t).intValueExact();
        } catch (ArithmeticException e) {
            throw in.invalid("time-offset '" + t + "' is not a whole number of minutes");
        }
        if (Math.abs(minutes) > DeviceInfo.MAX_OFFSET_MINUTES) {
            throw in.invalid("time-offset of " + t + " minutes is a day or more");
        }
        return minutes;
    }

    /** The value of an optionally signed run of at most six digits, else {@link Integer#MIN_VALUE}. */
    private static int plainInteger(String t) {
        int n = t.length();
        int i = n > 0 && (t.charAt(0) == '-' || t.charAt(0) == '+') ? 1 : 0;
        if (n == i || n - i > 6) {
            return Integer.MIN_VALUE;
        }
        int v = 0;
        for (int k = i; k < n; k++) {
            char c = t.charAt(k);
            if (c < '0' || c > '9') {
                return Integer.MIN_VALUE;
            }
            v = v * 10 + (c - '0');
        }
        return t.charAt(0) == '-' ? -v : v;
    }

    @Override
    public void write(DeviceInfo value, ElementWriter out) {
        out.startElement(DeviceInfo.QNAME).attribute("id", value.id()).attributes(value.extras().attributes());
        value.description().ifPresent(d -> out.textElement(DESCRIPTION, d));
        value.userAgent().ifPresent(u -> out.textElement(USER_AGENT, u));
        if (value.timeOffsetMinutes().isPresent()) {
            out.startElement(TIME_OFFSET);
            value.timeOffsetDescription().ifPresent(d -> out.attribute("description", d));
            out.text(Integer.toString(value.timeOffsetMinutes().getAsInt())).endElement();
        }
        out.writeAll(value.extras());
        out.endElement();
    }
}
