package io.presencekit.xml;

import javax.xml.namespace.QName;

/**
 * Reads and writes one extension element type. Register an instance in an
 * {@link ExtensionRegistry} (for PIDF: {@code PidfCodec.builder().register(...)}) to have the
 * element read as {@code T} instead of a {@link GenericElement}.
 *
 * <p>Implementations must be immutable and thread-safe: one instance serves every parse.
 *
 * @param <T> the model type
 */
public interface ExtensionCodec<T extends ExtensionElement> {
    /** The element this codec claims. */
    QName name();

    /** The model type; {@link #write} is called only for instances of it whose {@code qname()} is {@link #name()}. */
    Class<T> type();

    /**
     * Reads the element. The reader is on the element's start tag; on return it must be on the
     * matching end tag (use {@link ElementReader#nextChild()}, {@link ElementReader#text()} and the
     * {@code read*} methods, which all leave it there). Throw {@link ElementReader#invalid(String)}
     * for a value that cannot be represented: a lenient reader then keeps the element as a
     * {@link GenericElement} and records a warning; a strict one refuses the document.
     */
    T read(ElementReader in);

    /** Writes {@code value}, including its start and end tags. */
    void write(T value, ElementWriter out);

    /**
     * Namespaces {@code value} may write, so that the document writer can declare them once on
     * the root. The default is the element's own namespace; codecs whose content uses other
     * namespaces add them. Forgetting one is harmless: the writer then declares it locally.
     */
    default void collectNamespaces(T value, java.util.function.Consumer<String> sink) {
        sink.accept(name().getNamespaceURI());
    }
}
