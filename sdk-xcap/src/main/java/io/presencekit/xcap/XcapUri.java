package io.presencekit.xcap;

import io.presencekit.xcap.internal.UriEncoding;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An XCAP URI (RFC 4825, section 6): the XCAP root, then the document selector (application
 * unique ID, the {@code global} tree or a user's tree under {@code users/<XUI>}, the document's
 * path) and optionally {@code ~~} and a {@link NodeSelector}.
 *
 * <pre>{@code
 * XcapUri uri = XcapUri.builder("https://xcap.example.com/xcap-root")
 *         .auid("resource-lists").user("sip:alice@example.com").document("index")
 *         .nodeSelector(NodeSelector.builder().element("resource-lists")
 *                 .element("list", "name", "friends").build())
 *         .build();
 * // https://xcap.example.com/xcap-root/resource-lists/users/sip:alice@example.com/index/~~/resource-lists/list%5b@name=%22friends%22%5d
 * }</pre>
 *
 * <p>Every part is held unencoded and percent-encoded when the URI is written: the XUI is one path
 * segment, so a SIP URI XUI keeps its {@code :} and {@code @} (RFC 3986 allows both in a
 * segment) and is written {@code sip:alice@example.com}, the form every server (Kamailio
 * included) maps to the SIP identity; a {@code /}, {@code ?}, {@code %} or space in it is encoded.
 *
 * <p>Immutable and thread-safe. Equal when every part is equal.
 */
public final class XcapUri {
    /** The separator segment between the document selector and the node selector. */
    public static final String NODE_SELECTOR_SEPARATOR = "~~";

    /** The two kinds of document tree under an application usage (RFC 4825, section 6.2). */
    public enum Tree {
        /** {@code global}: documents shared by all users, such as {@code xcap-caps/global/index}. */
        GLOBAL("global"),
        /** {@code users/<XUI>}: the documents of one user. */
        USERS("users");

        private final String segment;

        Tree(String segment) {
            this.segment = segment;
        }

        /** The path segment naming the tree. */
        public String segment() {
            return segment;
        }
    }

    private final URI root;
    private final String auid;
    private final Tree tree;
    private final String xui;
    private final List<String> documentPath;
    private final NodeSelector nodeSelector;

    private XcapUri(Builder b) {
        this.root = b.root;
        this.auid = b.auid;
        this.tree = b.tree;
        this.xui = b.xui;
        this.documentPath = List.copyOf(b.documentPath);
        this.nodeSelector = b.nodeSelector;
    }

    /**
     * A builder under the XCAP root {@code root}: an absolute {@code http} or {@code https} URI
     * without query or fragment; a trailing {@code /} is ignored.
     *
     * @throws IllegalArgumentException when {@code root} is not such a URI
     */
    public static Builder builder(URI root) {
        return new Builder(normalizeRoot(root));
    }

    /** As {@link #builder(URI)} for a root given as a string. */
    public static Builder builder(String root) {
        return builder(toUri(root));
    }

    /**
     * Parses {@code uri} under the XCAP root {@code root}. {@code uri} is either absolute (same
     * scheme, host and port as the root, compared as RFC 3986 says: case-insensitive scheme and
     * host, default port) or an HTTP request target starting with {@code /}, as in a request line.
     *
     * @throws IllegalArgumentException when {@code uri} is not under {@code root} or is not a valid
     *                                  XCAP URI (missing parts, bad percent-encoding, empty segments)
     */
    public static XcapUri parse(URI root, String uri) {
        URI r = normalizeRoot(root);
        Objects.requireNonNull(uri, "uri");
        String rawPath;
        String rawQuery;
        if (uri.startsWith("/")) {
            int q = uri.indexOf('?');
            rawPath = q < 0 ? uri : uri.substring(0, q);
            rawQuery = q < 0 ? null : uri.substring(q + 1);
        } else {
            URI u = toUri(uri);
            if (!sameOrigin(r, u)) {
                throw new IllegalArgumentException(uri + " is not under the XCAP root " + r);
            }
            if (u.getRawFragment() != null) {
                throw new IllegalArgumentException("an XCAP URI has no fragment: " + uri);
            }
            rawPath = u.getRawPath() == null ? "" : u.getRawPath();
            rawQuery = u.getRawQuery();
        }
        String rootPath = r.getRawPath();
        if (!rawPath.startsWith(rootPath + "/")) {
            throw new IllegalArgumentException(uri + " is not under the XCAP root " + r);
        }
        String[] segments = rawPath.substring(rootPath.length() + 1).split("/", -1);
        Builder b = new Builder(r);
        int i = 0;
        b.auid(segment(segments, i++, "application unique ID", uri));
        String treeName = segment(segments, i++, "'global' or 'users'", uri);
        if (treeName.equals(Tree.GLOBAL.segment())) {
            b.global();
        } else if (treeName.equals(Tree.USERS.segment())) {
            b.user(segment(segments, i++, "XUI", uri));
        } else {
            throw new IllegalArgumentException("expected 'global' or 'users' after the application unique ID, found '"
                    + treeName + "' in " + uri);
        }
        List<String> doc = new ArrayList<>();
        while (i < segments.length && !segments[i].equals(NODE_SELECTOR_SEPARATOR)) {
            doc.add(segment(segments, i++, "document path segment", uri));
        }
        if (doc.isEmpty()) {
            throw new IllegalArgumentException("no document in " + uri);
        }
        b.document(doc.toArray(new String[0]));
        if (i < segments.length) {
            String selector = String.join("/", Arrays.asList(segments).subList(i + 1, segments.length));
            if (selector.isEmpty()) {
                throw new IllegalArgumentException("empty node selector in " + uri);
            }
            b.nodeSelector(NodeSelector.fromUri(selector, rawQuery));
        } else if (rawQuery != null) {
            throw new IllegalArgumentException("a query (namespace bindings) without a node selector in " + uri);
        }
        return b.build();
    }

    /** As {@link #parse(URI, String)} for a root given as a string. */
    public static XcapUri parse(String root, String uri) {
        return parse(toUri(root), uri);
    }

    private static String segment(String[] segments, int i, String what, String uri) {
        if (i >= segments.length || segments[i].isEmpty()) {
            throw new IllegalArgumentException("missing " + what + " in " + uri);
        }
        return UriEncoding.decode(segments[i]);
    }

    private static boolean sameOrigin(URI root, URI u) {
        if (u.getScheme() == null || u.getHost() == null) {
            return false;
        }
        return root.getScheme().equalsIgnoreCase(u.getScheme()) && root.getHost().equalsIgnoreCase(u.getHost())
                && effectivePort(root) == effectivePort(u);
    }

    static int effectivePort(URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static URI toUri(String s) {
        Objects.requireNonNull(s, "uri");
        try {
            return new URI(s);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URI: " + s, e);
        }
    }

    static URI normalizeRoot(URI root) {
        Objects.requireNonNull(root, "root");
        String scheme = root.getScheme() == null ? "" : root.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("an XCAP root is an http or https URI: " + root);
        }
        if (root.getHost() == null) {
            throw new IllegalArgumentException("an XCAP root needs a host: " + root);
        }
        if (root.getRawQuery() != null || root.getRawFragment() != null || root.getRawUserInfo() != null) {
            throw new IllegalArgumentException("an XCAP root has no user info, query or fragment: " + root);
        }
        String path = root.getRawPath() == null ? "" : root.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        try {
            return new URI(scheme + "://" + root.getRawAuthority() + path);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a usable XCAP root: " + root, e);
        }
    }

    /** The XCAP root, without a trailing {@code /}. */
    public URI root() {
        return root;
    }

    /** The application unique ID, such as {@code resource-lists} (RFC 4825, section 5.1). */
    public String auid() {
        return auid;
    }

    /** The document tree: {@code global} or a user's. */
    public Tree tree() {
        return tree;
    }

    /** The XCAP user identifier, unencoded (for example {@code sip:alice@example.com}); empty for the global tree. */
    public Optional<String> xui() {
        return Optional.ofNullable(xui);
    }

    /** The document's path inside its tree, one unencoded segment per entry (usually one, such as {@code index}). */
    public List<String> documentPath() {
        return documentPath;
    }

    /** The node selector, if this URI names a node inside the document. */
    public Optional<NodeSelector> nodeSelector() {
        return Optional.ofNullable(nodeSelector);
    }

    /** Whether this URI names a whole document (no node selector). */
    public boolean isDocument() {
        return nodeSelector == null;
    }

    /** The URI of the document that holds the node (this URI without its node selector). */
    public XcapUri documentUri() {
        return nodeSelector == null ? this : toBuilder().nodeSelector((NodeSelector) null).build();
    }

    /** This URI with {@code selector} as its node selector (null for the document). */
    public XcapUri withNodeSelector(NodeSelector selector) {
        return toBuilder().nodeSelector(selector).build();
    }

    /** A builder holding this URI's parts. */
    public Builder toBuilder() {
        Builder b = new Builder(root);
        b.auid = auid;
        b.tree = tree;
        b.xui = xui;
        b.documentPath.addAll(documentPath);
        b.nodeSelector = nodeSelector;
        return b;
    }

    /** The percent-encoded path, root path included: what goes into an HTTP request line. */
    public String path() {
        StringBuilder sb = new StringBuilder(root.getRawPath());
        sb.append('/').append(UriEncoding.encodeSegment(auid)).append('/').append(tree.segment());
        if (xui != null) {
            sb.append('/').append(UriEncoding.encodeSegment(xui));
        }
        for (String s : documentPath) {
            sb.append('/').append(UriEncoding.encodeSegment(s));
        }
        if (nodeSelector != null) {
            sb.append('/').append(NODE_SELECTOR_SEPARATOR).append('/').append(nodeSelector.encodedPath());
        }
        return sb.toString();
    }

    /** The percent-encoded query (the node selector's namespace bindings), if any. */
    public Optional<String> query() {
        return nodeSelector == null ? Optional.empty() : nodeSelector.encodedQuery();
    }

    /** The request target: {@link #path()} and, if any, {@code ?} and {@link #query()}. */
    public String requestTarget() {
        String p = path();
        return query().map(q -> p + "?" + q).orElse(p);
    }

    /** This URI as a {@link URI}. */
    public URI toUri() {
        return URI.create(toString());
    }

    /** The absolute URI, percent-encoded. */
    @Override
    public String toString() {
        return root.getScheme() + "://" + root.getRawAuthority() + requestTarget();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof XcapUri u && root.equals(u.root) && auid.equals(u.auid) && tree == u.tree
                && Objects.equals(xui, u.xui) && documentPath.equals(u.documentPath)
                && Objects.equals(nodeSelector, u.nodeSelector);
    }

    @Override
    public int hashCode() {
        return Objects.hash(root, auid, tree, xui, documentPath, nodeSelector);
    }

    /** Builds an {@link XcapUri}. Not thread-safe. */
    public static final class Builder {
        private final URI root;
        private String auid;
        private Tree tree;
        private String xui;
        private final List<String> documentPath = new ArrayList<>();
        private NodeSelector nodeSelector;

        private Builder(URI root) {
            this.root = root;
        }

        /** The application unique ID, such as {@code resource-lists} or {@code org.openmobilealliance.pres-rules}. */
        public Builder auid(String auid) {
            Objects.requireNonNull(auid, "auid");
            if (auid.isEmpty() || auid.indexOf('/') >= 0 || auid.equals(".") || auid.equals("..")) {
                throw new IllegalArgumentException("not an application unique ID: '" + auid + "'");
            }
            this.auid = auid;
            return this;
        }

        /** The {@code global} tree. */
        public Builder global() {
            this.tree = Tree.GLOBAL;
            this.xui = null;
            return this;
        }

        /**
         * The tree of the user {@code xui}, unencoded: for SIP services the full SIP URI, such as
         * {@code sip:alice@example.com} (RFC 4825, section 4; Kamailio maps only that form to the
         * presentity).
         */
        public Builder user(String xui) {
            Objects.requireNonNull(xui, "xui");
            if (xui.isEmpty()) {
                throw new IllegalArgumentException("empty XUI");
            }
            this.tree = Tree.USERS;
            this.xui = xui;
            return this;
        }

        /**
         * The document's path inside the tree, one unencoded segment per argument
         * ({@code document("index")}, {@code document("folder", "index")}); replaces any earlier path.
         */
        public Builder document(String... segments) {
            if (segments.length == 0) {
                throw new IllegalArgumentException("a document path has at least one segment");
            }
            List<String> checked = new ArrayList<>(segments.length);
            for (String s : segments) {
                Objects.requireNonNull(s, "segment");
                if (s.isEmpty() || s.equals(".") || s.equals("..") || s.equals(NODE_SELECTOR_SEPARATOR)) {
                    throw new IllegalArgumentException("not a document path segment: '" + s + "'");
                }
                checked.add(s);
            }
            documentPath.clear();
            documentPath.addAll(checked);
            return this;
        }

        /** The node selector (null for the whole document). */
        public Builder nodeSelector(NodeSelector selector) {
            this.nodeSelector = selector;
            return this;
        }

        /** The node selector, parsed from its unencoded text (see {@link NodeSelector#parse(String)}). */
        public Builder nodeSelector(String selector) {
            return nodeSelector(NodeSelector.parse(selector));
        }

        /**
         * The URI.
         *
         * @throws IllegalStateException without an AUID, a tree or a document path
         */
        public XcapUri build() {
            if (auid == null || tree == null || documentPath.isEmpty()) {
                throw new IllegalStateException("an XCAP URI needs an AUID, a tree (global or user) and a document");
            }
            return new XcapUri(this);
        }
    }
}
