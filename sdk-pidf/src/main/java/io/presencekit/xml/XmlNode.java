package io.presencekit.xml;

/** A child of a {@link GenericElement}: an element or a run of text. */
public sealed interface XmlNode permits GenericElement, XmlText {
}
