package io.presencekit.xcap.error;

import io.presencekit.xml.Extras;
import io.presencekit.xml.GenericElement;
import io.presencekit.xml.Values;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * The one error condition inside an {@code <xcap-error>} document (RFC 4825, section 11.2): a
 * sealed family, so a {@code switch} over it is checked to be complete.
 *
 * <p>Attributes and child elements that RFC 4825 does not define are kept in each condition's
 * {@link Extras} and written back. Immutable and thread-safe.
 */
public sealed interface XcapErrorCondition {
    /** Which condition this is. */
    XcapErrorType type();

    /** The human-readable {@code phrase} attribute, if any (the records' {@code phrase} component is null without one). */
    Optional<String> reasonPhrase();

    /**
     * A condition that carries nothing but an optional {@code phrase}: not-well-formed, not-utf-8,
     * not-xml-frag, not-xml-att-value, schema-validation-error, cannot-insert, cannot-delete and
     * constraint-failure.
     *
     * @param type   one of those eight types
     * @param phrase the phrase, or null
     * @param extras unknown attributes and children
     */
    record Simple(XcapErrorType type, String phrase, Extras extras) implements XcapErrorCondition {
        public Simple {
            Objects.requireNonNull(type, "type");
            switch (type) {
                case NO_PARENT, UNIQUENESS_FAILURE, EXTENSION, UNKNOWN -> throw new IllegalArgumentException(
                        type + " has its own condition type");
                default -> {
                }
            }
            extras = extras == null ? Extras.NONE : extras;
        }

        /** A condition of {@code type} with an optional phrase. */
        public static Simple of(XcapErrorType type, String phrase) {
            return new Simple(type, phrase, Extras.NONE);
        }

        @Override
        public Optional<String> reasonPhrase() {
            return Optional.ofNullable(phrase);
        }
    }

    /**
     * {@code <no-parent>}: the parent of the node to insert does not exist (RFC 4825, section 11.2).
     *
     * @param phrase   the phrase, or null
     * @param ancestor the HTTP URI of the closest existing ancestor, as sent, or null
     * @param extras   unknown attributes and children
     */
    record NoParent(String phrase, String ancestor, Extras extras) implements XcapErrorCondition {
        public NoParent {
            extras = extras == null ? Extras.NONE : extras;
        }

        @Override
        public XcapErrorType type() {
            return XcapErrorType.NO_PARENT;
        }

        @Override
        public Optional<String> reasonPhrase() {
            return Optional.ofNullable(phrase);
        }

        /** The closest existing ancestor's URI, if the server named it. */
        public Optional<String> ancestorUri() {
            return Optional.ofNullable(ancestor);
        }
    }

    /**
     * {@code <uniqueness-failure>}: values that must be unique are not (RFC 4825, section 11.2).
     *
     * @param phrase the phrase, or null
     * @param exists one entry per value that is not unique
     * @param extras unknown attributes and children
     */
    record UniquenessFailure(String phrase, List<Exists> exists, Extras extras) implements XcapErrorCondition {
        public UniquenessFailure {
            exists = Values.list(exists, "exists");
            extras = extras == null ? Extras.NONE : extras;
        }

        @Override
        public XcapErrorType type() {
            return XcapErrorType.UNIQUENESS_FAILURE;
        }

        @Override
        public Optional<String> reasonPhrase() {
            return Optional.ofNullable(phrase);
        }
    }

    /**
     * {@code <exists>} inside {@code <uniqueness-failure>}: one field that is not unique.
     *
     * @param field     the node selector of the field, relative to the document (for example
     *                  {@code rls-services/service/@uri})
     * @param altValues values the server suggests instead, in order
     * @param extras    unknown attributes and children
     */
    record Exists(String field, List<String> altValues, Extras extras) {
        public Exists {
            Objects.requireNonNull(field, "field");
            altValues = Values.list(altValues, "altValues");
            extras = extras == null ? Extras.NONE : extras;
        }
    }

    /**
     * {@code <extension>}: a condition defined by another specification, carried as child
     * elements (RFC 4825, section 11.2).
     *
     * @param content    the child elements, in order
     * @param attributes attributes of the {@code <extension>} element
     */
    record Extension(List<GenericElement> content, Map<QName, String> attributes) implements XcapErrorCondition {
        public Extension {
            content = Values.list(content, "content");
            attributes = Values.orderedMap(attributes, "attributes");
        }

        @Override
        public XcapErrorType type() {
            return XcapErrorType.EXTENSION;
        }

        @Override
        public Optional<String> reasonPhrase() {
            return Optional.empty();
        }
    }

    /**
     * An element that RFC 4825 does not define, kept whole.
     *
     * @param element the element as read
     */
    record Unknown(GenericElement element) implements XcapErrorCondition {
        public Unknown {
            Objects.requireNonNull(element, "element");
        }

        @Override
        public XcapErrorType type() {
            return XcapErrorType.UNKNOWN;
        }

        @Override
        public Optional<String> reasonPhrase() {
            return Optional.ofNullable(element.attribute(new QName("phrase")));
        }
    }
}
