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
        OffsetDateTime t = parseOrNull(s, 0, s.length());
        if (t == null) {
            throw new IllegalArgumentException("not a valid xs:dateTime: '" + s + "'");
        }
        return t;
    }

    /**
     * Parses {@code s[from, to)} (surrounding XML whitespace ignored), or returns null when it is
     * not an {@code xs:dateTime} with a valid date, time and offset. Works on a parser's character
     * buffer, so a timestamp costs no string.
     */
    public static OffsetDateTime parseOrNull(CharSequence s, int from, int to) {
        while (from < to && isSpace(s.charAt(from))) {
            from++;
        }
        while (to > from && isSpace(s.charAt(to - 1))) {
            to--;
        }
        int n = to - from;
        if (n < 19 || s.charAt(from + 4) != '-' || s.charAt(from + 7) != '-'
                || (s.charAt(from + 10) != 'T' && s.charAt(from + 10) != 't') || s.charAt(from + 13) != ':'
                || s.charAt(from + 16) != ':') {
            return null;
        }
        int year = digits(s, from, from + 4);
        int month = digits(s, from + 5, from + 7);
        int day = digits(s, from + 8, from + 10);
        int hour = digits(s, from + 11, from + 13);
        int minute = digits(s, from + 14, from + 16);
        int second = digits(s, from + 17, from + 19);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int i = from + 19;
        int nanos = 0;
        if (i < to && s.charAt(i) == '.') {
            int start = ++i;
            while (i < to && isDigit(s.charAt(i))) {
                if (i - start < 9) {
                    nanos = nanos * 10 + (s.charAt(i) - '0');
                }
                i++;
            }
            if (i == start) {
                return null;
            }
            for (int k = Math.min(i - start, 9); k < 9; k++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset;
        if (i == to) {
            offset = ZoneOffset.UTC;
        } else {
            char c = s.charAt(i);
            if ((c == 'Z' || c == 'z') && i + 1 == to) {
                offset = ZoneOffset.UTC;
            } else if ((c == '+' || c == '-') && i + 6 == to && s.charAt(i + 3) == ':') {
                int oh = digits(s, i + 1, i + 3);
                int om = digits(s, i + 4, i + 6);
                if ((oh | om) < 0 || oh > 18 || om > 59) {
                    return null;
                }
                offset = offset(c == '-' ? -(oh * 60 + om) : oh * 60 + om);
                if (offset == null) {
                    return null;
                }
            } else {
                return null;
            }
        }
        try {
            return OffsetDateTime.of(LocalDateTime.of(LocalDate.of(year, month, day),
                    LocalTime.of(hour, minute, second, nanos)), offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    // ZoneOffset.ofTotalSeconds boxes its cache key on every call: keep our own table
    private static final ZoneOffset[] QUARTER_HOURS = new ZoneOffset[18 * 4 * 2 + 1];

    static {
        for (int i = 0; i < QUARTER_HOURS.length; i++) {
            QUARTER_HOURS[i] = ZoneOffset.ofTotalSeconds((i - 18 * 4) * 15 * 60);
        }
    }

    private static ZoneOffset offset(int minutes) {
        if (minutes % 15 == 0 && Math.abs(minutes) <= 18 * 60) {
            return QUARTER_HOURS[minutes / 15 + 18 * 4];
        }
        try {
            return ZoneOffset.ofTotalSeconds(minutes * 60);
        } catch (DateTimeException e) {
            return null;
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

    /** The value of the decimal digits in {@code v[from, to)}, or -1 when one is not a digit. */
    private static int digits(CharSequence v, int from, int to) {
        int r = 0;
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            r = r * 10 + (c - '0');
        }
        return r;
    }
}
