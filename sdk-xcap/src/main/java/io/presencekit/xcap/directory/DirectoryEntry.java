package io.presencekit.xcap.directory;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Values;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import javax.xml.namespace.QName;

/**
 * One document in an xcap-directory folder (OMA XDM Core, xcap-directory {@code entry}): its
 * absolute XCAP URI, its current ETag and optionally when it last changed and its size. Kamailio
 * writes the ETag without quotes; add them before using it in {@code If-Match}.
 *
 * <p>{@code last-modified} and {@code size} are kept as written, so that a value another server
 * got wrong survives a round trip; {@link #lastModified()} and {@link #size()} parse them.
 * Immutable.
 *
 * @param uri              the document URI ({@code uri})
 * @param etag             the entity tag ({@code etag})
 * @param lastModifiedText the {@code last-modified} attribute as written, or null
 * @param sizeText         the {@code size} attribute as written, or null
 * @param attributes       other attributes (any namespace), in order
 */
public record DirectoryEntry(String uri, String etag, String lastModifiedText, String sizeText,
        Map<QName, String> attributes) implements ExtensionElement {
    /** {@code entry}. */
    public static final QName QNAME = new QName(XcapNamespaces.OMA_XCAP_DIRECTORY, "entry");

    public DirectoryEntry {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(etag, "etag");
        attributes = Values.orderedMap(attributes, "attributes");
    }

    /** An entry with only a URI and an ETag. */
    public static DirectoryEntry of(String uri, String etag) {
        return new DirectoryEntry(uri, etag, null, null, Map.of());
    }

    /** An entry with every defined attribute. */
    public static DirectoryEntry of(String uri, String etag, OffsetDateTime lastModified, long size) {
        return new DirectoryEntry(uri, etag, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(lastModified),
                Long.toString(size), Map.of());
    }

    @Override
    public QName qname() {
        return QNAME;
    }

    /** The ETag quoted for {@code If-Match} / {@code If-None-Match} (unchanged when already quoted). */
    public String quotedEtag() {
        String e = etag.strip();
        return e.startsWith("\"") || e.startsWith("W/\"") ? e : "\"" + e + "\"";
    }

    /** When the document last changed, if given and an {@code xs:dateTime} with an offset. */
    public Optional<OffsetDateTime> lastModified() {
        if (lastModifiedText == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(lastModifiedText.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The document size in bytes, if given and a non-negative integer. */
    public OptionalLong size() {
        if (sizeText == null) {
            return OptionalLong.empty();
        }
        try {
            long v = Long.parseLong(sizeText.strip());
            return v < 0 ? OptionalLong.empty() : OptionalLong.of(v);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
