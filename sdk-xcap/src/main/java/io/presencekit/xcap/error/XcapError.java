package io.presencekit.xcap.error;

import io.presencekit.xml.Extras;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A detailed conflict report, {@code application/xcap-error+xml} (RFC 4825, section 11): the body
 * of most 409 answers, naming why the server refused a PUT or DELETE.
 *
 * <p>Read and written by {@link XcapErrorCodec}. Content RFC 4825 does not define is kept:
 * unknown attributes and further children of {@code <xcap-error>} in {@link #extras()}, unknown
 * conditions as {@link XcapErrorCondition.Unknown}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param condition the error condition
 * @param extras    unknown attributes and children of {@code <xcap-error>} beyond the condition
 */
public record XcapError(XcapErrorCondition condition, Extras extras) {
    public XcapError {
        Objects.requireNonNull(condition, "condition");
        extras = extras == null ? Extras.NONE : extras;
    }

    /** A report with {@code condition} and nothing else. */
    public static XcapError of(XcapErrorCondition condition) {
        return new XcapError(condition, Extras.NONE);
    }

    /** A report of a phrase-only condition (see {@link XcapErrorCondition.Simple}). */
    public static XcapError of(XcapErrorType type, String phrase) {
        return of(XcapErrorCondition.Simple.of(type, phrase));
    }

    /** A {@code <no-parent>} report naming the closest existing ancestor (or null). */
    public static XcapError noParent(String ancestorUri) {
        return of(new XcapErrorCondition.NoParent(null, ancestorUri, Extras.NONE));
    }

    /** A {@code <uniqueness-failure>} report. */
    public static XcapError uniquenessFailure(List<XcapErrorCondition.Exists> exists) {
        return of(new XcapErrorCondition.UniquenessFailure(null, exists, Extras.NONE));
    }

    /** The condition's type. */
    public XcapErrorType type() {
        return condition.type();
    }

    /** The condition's phrase, if any. */
    public Optional<String> reasonPhrase() {
        return condition.reasonPhrase();
    }

    /** A one-line description, such as {@code uniqueness-failure (rls-services/service/@uri: sip:x@example.com)}. */
    public String describe() {
        StringBuilder sb = new StringBuilder(condition instanceof XcapErrorCondition.Unknown u
                ? u.element().qname().toString() : type().elementName().orElse("?"));
        condition.reasonPhrase().ifPresent(p -> sb.append(" \"").append(p).append('"'));
        if (condition instanceof XcapErrorCondition.NoParent np) {
            np.ancestorUri().ifPresent(a -> sb.append(" (closest ancestor ").append(a).append(')'));
        } else if (condition instanceof XcapErrorCondition.UniquenessFailure uf && !uf.exists().isEmpty()) {
            sb.append(" (");
            for (int i = 0; i < uf.exists().size(); i++) {
                XcapErrorCondition.Exists e = uf.exists().get(i);
                sb.append(i > 0 ? "; " : "").append(e.field());
                if (!e.altValues().isEmpty()) {
                    sb.append(", try ").append(String.join(" or ", e.altValues()));
                }
            }
            sb.append(')');
        }
        return sb.toString();
    }
}
