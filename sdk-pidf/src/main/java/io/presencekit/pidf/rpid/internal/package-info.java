/**
 * Codecs for the RFC 4480 (RPID) elements of {@link io.presencekit.pidf.rpid}: one
 * {@link io.presencekit.xml.ExtensionCodec} per element, obtained through
 * {@link io.presencekit.pidf.rpid.RpidCodecs#codecs()}. Values the model cannot hold (an unknown
 * token, including an RPID element RFC 4480 does not define at that place, a bad integer or
 * dateTime, two values where the schema allows one) make the element unreadable, so a lenient
 * parse keeps it as a {@link io.presencekit.xml.GenericElement} with a warning and a strict one
 * fails. Slips the model can absorb (a note out of order, an attribute the schema does not
 * define, a child element from another namespace where the schema has no wildcard) are reported
 * through {@link io.presencekit.xml.ElementReader#schemaViolation} where the schema forbids them,
 * and the content is kept in {@link io.presencekit.xml.Extras}. Not for use outside PresenceKit.
 */
package io.presencekit.pidf.rpid.internal;
