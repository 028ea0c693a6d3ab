package io.presencekit.examples.cli;

import io.presencekit.xcap.XcapUri;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parsing and checking of option values shared by the commands. Stateless. */
final class Options {
    private Options() {
    }

    /** How to treat the XCAP server's quirks ({@code --xcap-compat}). */
    enum Compat {
        /** Kamailio's settings when the server names itself Kamailio, else the standard ones. */
        AUTO,
        /** RFC behaviour. */
        STANDARD,
        /** Kamailio's xcap_server (quoted wildcard ETag, one connection per request, read-back after writes). */
        KAMAILIO
    }

    static final class CompatConverter implements ITypeConverter<Compat> {
        @Override
        public Compat convert(String value) {
            try {
                return Compat.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("expected auto, standard or kamailio, not '" + value + "'");
            }
        }
    }

    static final class SipUriConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String v = value.strip();
            String lower = v.toLowerCase(Locale.ROOT);
            if (!(lower.startsWith("sip:") || lower.startsWith("sips:")) || v.indexOf(':') == v.length() - 1) {
                throw new TypeConversionException("not a SIP URI (sip:host or sips:host): '" + value + "'");
            }
            return v;
        }
    }

    static final class XcapRootConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                return XcapUri.builder(value.strip()).auid("xcap-caps").global().document("index").build().root()
                        .toString();
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("not an XCAP root (an http or https URL): '" + value + "': "
                        + e.getMessage());
            }
        }
    }

    /**
     * A SIP address of record written in full: {@code sip:} is added when no scheme is given.
     *
     * @throws IllegalArgumentException when it is not {@code sip:user@domain} (or {@code sips:})
     */
    static String sipAddress(String value) {
        String v = value.strip();
        String lower = v.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("sip:") && !lower.startsWith("sips:") && !lower.startsWith("tel:")
                && v.indexOf(':') < 0) {
            v = "sip:" + v;
            lower = "sip:" + lower;
        }
        int colon = v.indexOf(':');
        int at = v.indexOf('@');
        if (!(lower.startsWith("sip:") || lower.startsWith("sips:")) || at <= colon + 1 || at == v.length() - 1
                || v.chars().anyMatch(c -> c <= ' ' || c == '<' || c == '>' || c == '"')) {
            throw new IllegalArgumentException("not a SIP address (sip:user@domain): '" + value + "'");
        }
        return v;
    }

    /** The user part of a SIP address ({@code alice} of {@code sip:alice@example.com}): the digest user name. */
    static String user(String sipAddress) {
        return sipAddress.substring(sipAddress.indexOf(':') + 1, sipAddress.indexOf('@'));
    }
}
