package io.presencekit.xml.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * {@code xs:dateTime} in the RFC 3339 profile that presence documents use, parsed by hand: the
 * JDK's {@code DateTimeFormatter} allocates several kilobytes per call, which would dominate the
 * cost of a small PIDF document. A value without an offset is taken as UTC.
 */
public final class DateTimes {
    private DateTimes() {
    }

    /** Parses {@code s}, or throws {@link IllegalArgumentException} saying what is wrong. */
    public static OffsetDateTime parse(String s) {
        String v = s.strip();
        int n = v.length();
        if (n < 19 || v.charAt(4) != '-' || v.charAt(7) != '-' || (v.charAt(10) != 'T' && v.charAt(10) != 't')
                || v.charAt(13) != ':' || v.charAt(16) != ':') {
            throw new IllegalArgumentException("not an xs:dateTime: '" + s + "'");
        }
        int year = digits(v, 0, 4, s);
        int month = digits(v, 5, 7, s);
        int day = digits(v, 8, 10, s);
        int hour = digits(v, 11, 13, s);
        int minute = digits(v, 14, 16, s);
        int second = digits(v, 17, 19, s);
        int i = 19;
        int nanos = 0;
        if (i < n && v.charAt(i) == '.') {
            int start = ++i;
            while (i < n && isDigit(v.charAt(i))) {
                if (i - start < 9) {
                    nanos = nanos * 10 + (v.charAt(i) - '0');
                }
                i++;
            }
            if (i == start) {
                throw new IllegalArgumentException("empty fraction of a second in '" + s + "'");
            }
            for (int k = Math.min(i - start, 9); k < 9; k++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset;
        if (i == n) {
            offset = ZoneOffset.UTC;
        } else {
            char c = v.charAt(i);
            if ((c == 'Z' || c == 'z') && i + 1 == n) {
                offset = ZoneOffset.UTC;
            } else if ((c == '+' || c == '-') && i + 6 == n && v.charAt(i + 3) == ':') {
                int oh = digits(v, i + 1, i + 3, s);
                int om = digits(v, i + 4, i + 6, s);
                offset = offset(c == '-' ? -(oh * 60 + om) : oh * 60 + om, s);
            } else {
                throw new IllegalArgumentException("bad time zone in '" + s + "'");
            }
        }
        try {
            return OffsetDateTime.of(LocalDateTime.of(LocalDate.of(year, month, day),
                    LocalTime.of(hour, minute, second, nanos)), offset);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a valid date and time: '" + s + "'", e);
        }
    }

    // ZoneOffset.ofTotalSeconds boxes its cache key on every call: keep our own table
    private static final ZoneOffset[] QUARTER_HOURS = new ZoneOffset[18 * 4 * 2 + 1];

    static {
        for (int i = 0; i < QUARTER_HOURS.length; i++) {
            QUARTER_HOURS[i] = ZoneOffset.ofTotalSeconds((i - 18 * 4) * 15 * 60);
        }
    }

    private static ZoneOffset offset(int minutes, String original) {
        if (minutes % 15 == 0 && Math.abs(minutes) <= 18 * 60) {
            return QUARTER_HOURS[minutes / 15 + 18 * 4];
        }
        try {
            return ZoneOffset.ofTotalSeconds(minutes * 60);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("bad time zone offset in '" + original + "'", e);
        }
    }

    /** Formats {@code t} as {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|+hh:mm)}, seconds always present. */
    public static String format(OffsetDateTime t) {
        StringBuilder sb = new StringBuilder(32);
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("year out of range for xs:dateTime: " + year);
        }
        pad(sb, year, 4).append('-');
        pad(sb, t.getMonthValue(), 2).append('-');
        pad(sb, t.getDayOfMonth(), 2).append('T');
        pad(sb, t.getHour(), 2).append(':');
        pad(sb, t.getMinute(), 2).append(':');
        pad(sb, t.getSecond(), 2);
        int nanos = t.getNano();
        if (nanos != 0) {
            sb.append('.');
            int len = sb.length();
            pad(sb, nanos, 9);
            int end = sb.length();
            while (end > len + 1 && sb.charAt(end - 1) == '0') {
                end--;
            }
            sb.setLength(end);
        }
        int off = t.getOffset().getTotalSeconds();
        if (off == 0) {
            sb.append('Z');
        } else {
            sb.append(off < 0 ? '-' : '+');
            off = Math.abs(off);
            pad(sb, off / 3600, 2).append(':');
            pad(sb, (off / 60) % 60, 2);
        }
        return sb.toString();
    }

    private static StringBuilder pad(StringBuilder sb, int v, int width) {
        String s = Integer.toString(v);
        for (int k = s.length(); k < width; k++) {
            sb.append('0');
        }
        return sb.append(s);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digits(String v, int from, int to, String original) {
        int r = 0;
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (!isDigit(c)) {
                throw new IllegalArgumentException("not an xs:dateTime: '" + original + "'");
            }
            r = r * 10 + (c - '0');
        }
        return r;
    }
}
