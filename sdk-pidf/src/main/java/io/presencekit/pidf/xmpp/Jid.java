package io.presencekit.pidf.xmpp;

import io.presencekit.pidf.xmpp.internal.Hex;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An XMPP address (RFC 7622): {@code [localpart@]domainpart[/resourcepart]}. A bare JID has no
 * resource, a full JID has one.
 *
 * <p>What is checked (RFC 7622, sections 3.1 to 3.4, without the PRECIS profiles): no part may be
 * empty when present; each part is at most 1023 bytes in UTF-8; no part holds control characters;
 * the localpart holds none of {@code " & ' / : < > @} nor whitespace; the domainpart holds no
 * whitespace, {@code @} or {@code /}. The domainpart is lower-cased (DNS names compare without
 * case) and loses a trailing dot (section 3.2); the localpart and the resourcepart are kept as
 * given: no PRECIS mapping or escaping (XEP-0106) is applied.
 *
 * <p>The SIP mapping the gateway uses (see {@link #fromSipUri(String)} and {@link #toSipUri()}):
 * {@code sip:user@domain} is {@code user@domain}; a URI without user part is the domain JID.
 *
 * <p>Immutable and thread-safe.
 *
 * @param local    the localpart, or null for a domain JID
 * @param domain   the domainpart
 * @param resource the resourcepart, or null for a bare JID
 */
public record Jid(String local, String domain, String resource) {
    /** The most bytes (UTF-8) of each part (RFC 7622, section 3.1). */
    public static final int MAX_PART_BYTES = 1023;

    private static final String LOCAL_FORBIDDEN = "\"&'/:<>@";

    public Jid {
        Objects.requireNonNull(domain, "domain");
        if (local != null) {
            checkPart(local, "localpart");
            for (int i = 0; i < local.length(); i++) {
                char c = local.charAt(i);
                if (LOCAL_FORBIDDEN.indexOf(c) >= 0 || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                    throw new IllegalArgumentException("character '" + c + "' is not allowed in a JID localpart: "
                            + local);
                }
            }
        }
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        domain = domain.toLowerCase(Locale.ROOT);
        checkPart(domain, "domainpart");
        for (int i = 0; i < domain.length(); i++) {
            char c = domain.charAt(i);
            if (c == '@' || c == '/' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                throw new IllegalArgumentException("character '" + c + "' is not allowed in a JID domainpart: "
                        + domain);
            }
        }
        if (resource != null) {
            checkPart(resource, "resourcepart");
        }
    }

    private static void checkPart(String part, String what) {
        if (part.isEmpty()) {
            throw new IllegalArgumentException("empty JID " + what);
        }
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException("control character U+" + String.format("%04X", (int) c)
                        + " in JID " + what);
            }
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < part.length()
                    && Character.isLowSurrogate(part.charAt(++i)))) {
                throw new IllegalArgumentException("unpaired surrogate in JID " + what);
            }
        }
        if (part.getBytes(StandardCharsets.UTF_8).length > MAX_PART_BYTES) {
            throw new IllegalArgumentException("JID " + what + " longer than " + MAX_PART_BYTES + " bytes");
        }
    }

    /** A bare JID {@code local@domain} ({@code local} null for a domain JID). */
    public static Jid bare(String local, String domain) {
        return new Jid(local, domain, null);
    }

    /**
     * Parses {@code [local@]domain[/resource]} (RFC 7622, section 3.1): the first {@code /} starts
     * the resource (which may itself hold {@code /} and {@code @}); before it, an {@code @}
     * ends the localpart.
     *
     * @throws IllegalArgumentException if the text is not a valid JID
     */
    public static Jid parse(String text) {
        Objects.requireNonNull(text, "text");
        int slash = text.indexOf('/');
        String resource = null;
        String rest = text;
        if (slash >= 0) {
            resource = text.substring(slash + 1);
            rest = text.substring(0, slash);
        }
        int at = rest.indexOf('@');
        String local = null;
        if (at >= 0) {
            local = rest.substring(0, at);
            rest = rest.substring(at + 1);
        }
        return new Jid(local, rest, resource);
    }

    /** Whether this JID has no resource. */
    public boolean isBare() {
        return resource == null;
    }

    /** This JID without its resource. */
    public Jid bare() {
        return resource == null ? this : new Jid(local, domain, null);
    }

    /** This JID's bare part with {@code resource} (null for the bare JID). */
    public Jid withResource(String resource) {
        return new Jid(local, domain, resource);
    }

    /** The localpart, if any. */
    public Optional<String> localpart() {
        return Optional.ofNullable(local);
    }

    /** The resourcepart, if any. */
    public Optional<String> resourcepart() {
        return Optional.ofNullable(resource);
    }

    /** The bare JID as text, {@code local@domain} or {@code domain}. */
    public String bareString() {
        return local == null ? domain : local + "@" + domain;
    }

    /** The JID as text: {@code [local@]domain[/resource]}. */
    @Override
    public String toString() {
        return resource == null ? bareString() : bareString() + "/" + resource;
    }

    /**
     * The JID of a {@code sip:} or {@code sips:} URI (RFC 3261, section 19.1): the user part
     * (percent-decoded, password dropped) becomes the localpart and the host the domainpart; a URI
     * without user part gives a domain JID. The port, every URI parameter ({@code gr} included)
     * and headers are dropped, so the result is always bare: the gateway carries the resource in
     * its own places (tuple ids, device-info), not in this mapping.
     *
     * @throws IllegalArgumentException if {@code uri} is not a SIP URI or its parts make no valid JID
     */
    public static Jid fromSipUri(String uri) {
        Objects.requireNonNull(uri, "uri");
        String rest;
        if (uri.regionMatches(true, 0, "sip:", 0, 4)) {
            rest = uri.substring(4);
        } else if (uri.regionMatches(true, 0, "sips:", 0, 5)) {
            rest = uri.substring(5);
        } else {
            throw new IllegalArgumentException("not a SIP URI: " + uri);
        }
        // parameter and header values cannot hold a bare '@' (RFC 3261, section 25.1), so the last
        // one ends the user part, which itself may hold ';' and '?'
        int at = rest.lastIndexOf('@');
        String local = null;
        if (at >= 0) {
            String userinfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = userinfo.indexOf(':');
            if (colon >= 0) {
                userinfo = userinfo.substring(0, colon);
            }
            local = percentDecode(userinfo);
        }
        String hostport = rest;
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == ';' || c == '?') {
                hostport = rest.substring(0, i);
                break;
            }
        }
        String host = hostport;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unterminated IPv6 reference in " + uri);
            }
            host = host.substring(0, close + 1);
        } else {
            int colon = host.indexOf(':');
            if (colon >= 0) {
                host = host.substring(0, colon);
            }
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("SIP URI without host: " + uri);
        }
        return new Jid(local, host, null);
    }

    /**
     * The {@code sip:} URI of this JID's bare part: {@code sip:local@domain}, or {@code sip:domain}
     * for a domain JID. Characters of the localpart that a SIP user part cannot carry as they are
     * (RFC 3261, section 25.1: {@code user}) are percent-encoded as UTF-8; the resource is not
     * written (see {@link #fromSipUri(String)}).
     */
    public String toSipUri() {
        if (local == null) {
            return "sip:" + domain;
        }
        StringBuilder sb = new StringBuilder("sip:");
        for (byte b : local.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-_.!~*'()&=+$,;?/".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return sb.append('@').append(domain).toString();
    }

    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw new IllegalArgumentException("truncated percent escape in " + s);
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("bad percent escape in " + s);
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        String decoded = Hex.utf8(out.toByteArray());
        if (decoded == null) {
            throw new IllegalArgumentException("percent escapes in " + s + " are not UTF-8");
        }
        return decoded;
    }
}
