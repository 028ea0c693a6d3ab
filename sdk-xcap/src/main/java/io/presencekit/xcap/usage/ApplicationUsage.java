package io.presencekit.xcap.usage;

import io.presencekit.pidf.PidfCodec;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.xcap.directory.XcapDirectory;
import io.presencekit.xcap.directory.XcapDirectoryCodec;
import io.presencekit.xcap.policy.PolicyCodec;
import io.presencekit.xcap.policy.Ruleset;
import io.presencekit.xcap.prescontent.PresContent;
import io.presencekit.xcap.prescontent.PresContentCodec;
import io.presencekit.xcap.resourcelists.ResourceLists;
import io.presencekit.xcap.resourcelists.ResourceListsCodec;
import io.presencekit.xcap.rlsservices.RlsServices;
import io.presencekit.xcap.rlsservices.RlsServicesCodec;
import io.presencekit.xcap.usage.internal.PidfDocumentCodec;
import io.presencekit.xcap.xcapcaps.XcapCaps;
import io.presencekit.xcap.xcapcaps.XcapCapsCodec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An XCAP application usage (RFC 4825, section 5): its unique id (AUID), the MIME type of its
 * documents, the default namespace node selectors are evaluated against, the conventional name
 * of a user's document, whether documents live in the {@code users} or the {@code global} tree,
 * and the codec for them.
 *
 * <p>Node selectors should still bind their prefixes explicitly: servers disagree about some
 * default namespaces (OpenXCAP takes {@code pres-rules} for both pres-rules usages, the OMA
 * specification common-policy for the OMA one).
 *
 * <p>Immutable and thread-safe.
 *
 * @param <T> the document model
 */
public final class ApplicationUsage<T> {
    /** Where an application usage keeps its documents. */
    public enum Tree {
        /** Per user: {@code <root>/<auid>/users/<xui>/<document>}. */
        USERS,
        /** Server-wide: {@code <root>/<auid>/global/<document>}. */
        GLOBAL
    }

    /** RFC 4825, section 12: the server's capabilities, {@code xcap-caps/global/index}. */
    public static final ApplicationUsage<XcapCaps> XCAP_CAPS = new ApplicationUsage<>("xcap-caps",
            XcapCapsCodec.CONTENT_TYPE, XcapNamespaces.XCAP_CAPS, "index", Tree.GLOBAL, XcapCapsCodec.standard());

    /** RFC 4826, section 3.4: resource lists, the user's buddy lists and Blink's address book. */
    public static final ApplicationUsage<ResourceLists> RESOURCE_LISTS = new ApplicationUsage<>("resource-lists",
            ResourceListsCodec.CONTENT_TYPE, XcapNamespaces.RESOURCE_LISTS, "index", Tree.USERS,
            ResourceListsCodec.standard());

    /** RFC 4826, section 4.4: RLS services, the list URIs a resource list server serves. */
    public static final ApplicationUsage<RlsServices> RLS_SERVICES = new ApplicationUsage<>("rls-services",
            RlsServicesCodec.CONTENT_TYPE, XcapNamespaces.RLS_SERVICES, "index", Tree.USERS,
            RlsServicesCodec.standard());

    /** RFC 5025, section 9: presence authorization rules. */
    public static final ApplicationUsage<Ruleset> PRES_RULES = new ApplicationUsage<>("pres-rules",
            PolicyCodec.CONTENT_TYPE, XcapNamespaces.PRES_RULES, "index", Tree.USERS, PolicyCodec.standard());

    /**
     * OMA Presence SIMPLE XDM: presence authorization rules with the OMA extensions, in document
     * {@code pres-rules} (Blink writes {@code index}; Kamailio reads any one document of the
     * usage: find the existing one through {@link #OMA_XCAP_DIRECTORY}).
     */
    public static final ApplicationUsage<Ruleset> OMA_PRES_RULES = new ApplicationUsage<>(
            "org.openmobilealliance.pres-rules", PolicyCodec.CONTENT_TYPE, XcapNamespaces.COMMON_POLICY,
            "pres-rules", Tree.USERS, PolicyCodec.standard());

    /** RFC 4827: the presence document a server shows when the user publishes none (offline status). */
    public static final ApplicationUsage<PresenceDocument> PIDF_MANIPULATION = new ApplicationUsage<>(
            "pidf-manipulation", PidfCodec.CONTENT_TYPE, "urn:ietf:params:xml:ns:pidf", "index", Tree.USERS,
            new PidfDocumentCodec(PidfCodec.standard()));

    /** OMA Presence Content XDM: the status icon, in document {@code oma_status-icon/index} as Blink names it. */
    public static final ApplicationUsage<PresContent> OMA_PRES_CONTENT = new ApplicationUsage<>(
            "org.openmobilealliance.pres-content", PresContentCodec.CONTENT_TYPE, XcapNamespaces.OMA_PRES_CONTENT,
            "oma_status-icon/index", Tree.USERS, PresContentCodec.standard());

    /** OMA XDM Core: the list of the user's documents, {@code directory.xml}. */
    public static final ApplicationUsage<XcapDirectory> OMA_XCAP_DIRECTORY = new ApplicationUsage<>(
            "org.openmobilealliance.xcap-directory", XcapDirectoryCodec.CONTENT_TYPE,
            XcapNamespaces.OMA_XCAP_DIRECTORY, "directory.xml", Tree.USERS, XcapDirectoryCodec.standard());

    private static final List<ApplicationUsage<?>> STANDARD = List.of(XCAP_CAPS, RESOURCE_LISTS, RLS_SERVICES,
            PRES_RULES, OMA_PRES_RULES, PIDF_MANIPULATION, OMA_PRES_CONTENT, OMA_XCAP_DIRECTORY);

    private final String auid;
    private final String mimeType;
    private final String defaultNamespace;
    private final String defaultDocumentName;
    private final Tree tree;
    private final XcapDocumentCodec<T> codec;

    private ApplicationUsage(String auid, String mimeType, String defaultNamespace, String defaultDocumentName,
            Tree tree, XcapDocumentCodec<T> codec) {
        this.auid = requireText(auid, "auid");
        this.mimeType = requireText(mimeType, "mimeType");
        this.defaultNamespace = Objects.requireNonNull(defaultNamespace, "defaultNamespace");
        this.defaultDocumentName = requireText(defaultDocumentName, "defaultDocumentName");
        this.tree = Objects.requireNonNull(tree, "tree");
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    /** An application usage the SDK does not define. */
    public static <T> ApplicationUsage<T> of(String auid, String mimeType, String defaultNamespace,
            String defaultDocumentName, Tree tree, XcapDocumentCodec<T> codec) {
        return new ApplicationUsage<>(auid, mimeType, defaultNamespace, defaultDocumentName, tree, codec);
    }

    /** The application usages defined here, in the order a client discovers and reads them. */
    public static List<ApplicationUsage<?>> standard() {
        return STANDARD;
    }

    /** The standard application usage with AUID {@code auid}, if any. */
    public static Optional<ApplicationUsage<?>> forAuid(String auid) {
        return STANDARD.stream().filter(u -> u.auid.equals(auid)).findFirst();
    }

    /** This application usage with another codec (a strict one, or one with more extensions). */
    public ApplicationUsage<T> withCodec(XcapDocumentCodec<T> codec) {
        return new ApplicationUsage<>(auid, mimeType, defaultNamespace, defaultDocumentName, tree, codec);
    }

    /** This application usage with another conventional document name. */
    public ApplicationUsage<T> withDefaultDocumentName(String name) {
        return new ApplicationUsage<>(auid, mimeType, defaultNamespace, name, tree, codec);
    }

    /** The application unique id, the first path step under the XCAP root. */
    public String auid() {
        return auid;
    }

    /** The MIME type of the documents. */
    public String mimeType() {
        return mimeType;
    }

    /** The namespace unprefixed names in node selectors belong to. */
    public String defaultNamespace() {
        return defaultNamespace;
    }

    /** The conventional name of a user's document (a path relative to the user's folder). */
    public String defaultDocumentName() {
        return defaultDocumentName;
    }

    /** Whether documents live in the users tree or the global tree. */
    public Tree tree() {
        return tree;
    }

    /** The codec for the documents. */
    public XcapDocumentCodec<T> codec() {
        return codec;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApplicationUsage<?> u && auid.equals(u.auid) && mimeType.equals(u.mimeType)
                && defaultNamespace.equals(u.defaultNamespace) && defaultDocumentName.equals(u.defaultDocumentName)
                && tree == u.tree && codec.equals(u.codec);
    }

    @Override
    public int hashCode() {
        return Objects.hash(auid, mimeType, defaultNamespace, defaultDocumentName, tree, codec);
    }

    @Override
    public String toString() {
        return "ApplicationUsage[" + auid + ", " + mimeType + ", " + tree + "/" + defaultDocumentName + "]";
    }

    private static String requireText(String s, String what) {
        Objects.requireNonNull(s, what);
        if (s.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return s;
    }
}
