/**
 * Shared XML foundation for every PresenceKit payload: hardened StAX input
 * ({@link io.presencekit.xml.SecureXmlParser}, {@link io.presencekit.xml.XmlLimits}), the base every
 * document codec extends ({@link io.presencekit.xml.DocumentCodec}), the extension SPI
 * ({@link io.presencekit.xml.ExtensionCodec}, {@link io.presencekit.xml.ExtensionRegistry},
 * {@link io.presencekit.xml.ElementReader}, {@link io.presencekit.xml.ElementWriter}) and the generic
 * element tree ({@link io.presencekit.xml.GenericElement}) that keeps content nobody claims, so that
 * it is written back unchanged (RFC 3863, section 4.3: unknown extensions are ignored, not dropped).
 */
package io.presencekit.xml;
