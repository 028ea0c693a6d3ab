package io.presencekit.xcap.testing;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * A small XCAP server (RFC 4825) for the client's tests, written from the RFCs rather than from
 * the client: its own URI splitting, percent-decoding and node-selector evaluation (selectors
 * become XPath over a DOM), RFC 7232 preconditions, RFC 7616 Digest verification (MD5,
 * {@code qop=auth}, nonce counts checked for replay), and the 409 reports of RFC 4825 section 11:
 * not-well-formed, not-xml-frag, not-xml-att-value, no-parent with the closest ancestor,
 * cannot-insert and cannot-delete from the idempotency checks of section 8.2.5 and 8.4, and a
 * uniqueness-failure for duplicate {@code rls-services/service/@uri} and
 * {@code resource-lists} entry URIs.
 *
 * <p>{@link Flavor#KAMAILIO} imitates Kamailio's xcap_server as the harness notes describe it: 200
 * on create, only a quoted {@code "*"} is a wildcard (unquoted {@code If-Match: *} fails,
 * unquoted {@code If-None-Match: *} is ignored), 500 instead of 409 for a body that is not
 * well-formed and instead of 404 for a DELETE of a missing document, {@code Connection: close} and
 * a stray {@code Sia} header on every answer, {@code sr-...} entity tags, and a PUT without
 * {@code Content-Length} refused.
 */
public final class XcapTestServer implements AutoCloseable {
    /** Which server the test server imitates. */
    public enum Flavor { RFC, KAMAILIO }

    /** One request as the server saw it. */
    public record Recorded(String method, String target, Map<String, List<String>> headers, String body, int status) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    private record Doc(byte[] body, String contentType, String etag) {
    }

    private static final String ERROR_NS = "urn:ietf:params:xml:ns:xcap-error";
    private static final Pattern STEP = Pattern.compile(
            "(\\*|[A-Za-z_][\\w.\\-]*(?::[A-Za-z_][\\w.\\-]*)?)(?:\\[(\\d+)\\])?"
                    + "(?:\\[@([A-Za-z_][\\w.\\-]*(?::[A-Za-z_][\\w.\\-]*)?)=(\"[^\"]*\"|'[^']*')\\])?");
    private static final Pattern XMLNS = Pattern.compile("\\s*xmlns\\(([^=]+)=((?:\\^.|[^)^])*)\\)");
    private static final Pattern PARAM = Pattern.compile("([\\w-]+)\\s*=\\s*(\"((?:\\\\.|[^\"\\\\])*)\"|[^,\\s]+)");

    private final Flavor flavor;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "xcap-test-server");
        t.setDaemon(true);
        return t;
    });
    private final String rootPath;
    private final Map<String, Doc> documents = new ConcurrentHashMap<>();
    private final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger etags = new AtomicInteger();
    private final long started = System.currentTimeMillis() / 1000;
    private final SecureRandom random = new SecureRandom();

    // authentication
    private String realm;
    private String user;
    private String password;
    private boolean basicOnly;
    private final Map<String, Set<String>> nonces = new ConcurrentHashMap<>();
    private final Set<String> expiredNonces = ConcurrentHashMap.newKeySet();
    private final AtomicInteger challenges = new AtomicInteger();
    private final AtomicInteger authorized = new AtomicInteger();
    private volatile boolean weakEtags;
    private volatile boolean unavailable;

    private XcapTestServer(Flavor flavor, SSLContext tls, String rootPath) throws IOException {
        this.flavor = flavor;
        this.rootPath = rootPath;
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tls != null) {
            HttpsServer s = HttpsServer.create(address, 0);
            s.setHttpsConfigurator(new HttpsConfigurator(tls));
            this.server = s;
        } else {
            this.server = HttpServer.create(address, 0);
        }
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** A plain HTTP server with its XCAP root at {@code /xcap-root}. */
    public static XcapTestServer start(Flavor flavor) throws IOException {
        return new XcapTestServer(flavor, null, "/xcap-root");
    }

    /** A plain HTTP server with its XCAP root at {@code rootPath} ("" for the host's root, as in RFC 4825's examples). */
    public static XcapTestServer start(Flavor flavor, String rootPath) throws IOException {
        return new XcapTestServer(flavor, null, rootPath);
    }

    /** An HTTPS server presenting the key and certificate of {@code tls}. */
    public static XcapTestServer startTls(Flavor flavor, SSLContext tls) throws IOException {
        return new XcapTestServer(flavor, tls, "/xcap-root");
    }

    /** Requires Digest authentication (MD5, qop=auth) of {@code user} in {@code realm}. */
    public XcapTestServer requireDigest(String realm, String user, String password) {
        this.realm = realm;
        this.user = user;
        this.password = password;
        return this;
    }

    /** Asks for Basic authentication only (and never accepts anything). */
    public XcapTestServer requireBasicOnly(String realm) {
        this.realm = realm;
        this.basicOnly = true;
        return this;
    }

    /** Sends weak entity tags ({@code W/"..."}) from now on. */
    public XcapTestServer weakEtags() {
        this.weakEtags = true;
        return this;
    }

    /**
     * While {@code down}, answers every request with 503 Service Unavailable (RFC 9110, section
     * 15.6.4) and changes nothing, as a server in maintenance or behind a failing proxy does.
     */
    public XcapTestServer unavailable(boolean down) {
        this.unavailable = down;
        return this;
    }

    /** Forgets every nonce issued so far: the next request using one gets a {@code stale=true} challenge. */
    public void expireNonces() {
        expiredNonces.addAll(nonces.keySet());
        nonces.clear();
    }

    /** The XCAP root, {@code http(s)://127.0.0.1:<port><rootPath>}. */
    public URI root() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + rootPath);
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stores a document directly; {@code path} is decoded and relative to the root, e.g. {@code resource-lists/users/sip:a@b/index}. */
    public String store(String path, String contentType, String xml) {
        String etag = newEtag();
        documents.put(path, new Doc(xml.getBytes(StandardCharsets.UTF_8), contentType, etag));
        return etag;
    }

    /** The stored document at {@code path} (decoded), or null. */
    public String document(String path) {
        Doc d = documents.get(path);
        return d == null ? null : new String(d.body, StandardCharsets.UTF_8);
    }

    /** The entity tag of the document at {@code path}, or null. */
    public String etag(String path) {
        Doc d = documents.get(path);
        return d == null ? null : d.etag;
    }

    /** Every request so far, in order. */
    public List<Recorded> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The latest request. */
    public Recorded lastRequest() {
        synchronized (requests) {
            return requests.get(requests.size() - 1);
        }
    }

    /** How many authentication challenges were sent. */
    public int challenges() {
        return challenges.get();
    }

    /** How many requests were authorized. */
    public int authorized() {
        return authorized.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    // ---------------------------------------------------------------- request handling

    private void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        URI u = ex.getRequestURI();
        String target = u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        Map<String, List<String>> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        Answer a;
        try {
            a = unavailable ? status(503) : answer(method, target, u, ex.getRequestHeaders(), body);
        } catch (RuntimeException e) {
            a = new Answer(500, "text/plain", e.toString().getBytes(StandardCharsets.UTF_8), null);
        }
        requests.add(new Recorded(method, target, headers, new String(body, StandardCharsets.UTF_8), a.status));
        Headers out = ex.getResponseHeaders();
        if (a.contentType != null) {
            out.set("Content-Type", a.contentType);
        }
        if (a.etag != null) {
            out.set("ETag", a.etag);
        }
        a.extraHeaders.forEach(out::add);
        if (flavor == Flavor.KAMAILIO) {
            out.set("Sia", "SIP/2.0/TCP 127.0.0.1:5060");
            out.set("Connection", "close");
        }
        if (a.body == null || a.body.length == 0) {
            ex.sendResponseHeaders(a.status, -1);
        } else {
            ex.sendResponseHeaders(a.status, a.body.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(a.body);
            }
        }
        ex.close();
    }

    private static final class Answer {
        final int status;
        final String contentType;
        final byte[] body;
        final String etag;
        final Map<String, String> extraHeaders = new LinkedHashMap<>();

        Answer(int status, String contentType, byte[] body, String etag) {
            this.status = status;
            this.contentType = contentType;
            this.body = body;
            this.etag = etag;
        }

        Answer header(String name, String value) {
            extraHeaders.put(name, value);
            return this;
        }
    }

    private static Answer status(int status) {
        return new Answer(status, null, null, null);
    }

    private Answer answer(String method, String target, URI u, Headers h, byte[] body) {
        if (realm != null) {
            Answer challenge = authenticate(method, target, h);
            if (challenge != null) {
                return challenge;
            }
        }
        if (flavor == Flavor.KAMAILIO && method.equals("PUT") && h.getFirst("Content-Length") == null) {
            return status(411);
        }
        String raw = u.getRawPath();
        if (!raw.startsWith(rootPath + "/")) {
            return status(404);
        }
        String rest = raw.substring(rootPath.length() + 1);
        int sep = rest.indexOf("/~~/");
        String docRaw = sep < 0 ? rest : rest.substring(0, sep);
        String selectorRaw = sep < 0 ? null : rest.substring(sep + 4);
        List<String> segments = new ArrayList<>();
        for (String s : docRaw.split("/", -1)) {
            segments.add(decode(s));
        }
        if (segments.size() < 3 || !(segments.get(1).equals("global") || segments.get(1).equals("users") && segments.size() >= 4)) {
            return status(404);
        }
        String key = String.join("/", segments);
        synchronized (documents) {
            if (selectorRaw == null) {
                return documentOperation(method, key, h, body);
            }
            Map<String, String> bindings = new HashMap<>();
            if (u.getRawQuery() != null) {
                Matcher m = XMLNS.matcher(decode(u.getRawQuery()));
                while (m.find()) {
                    bindings.put(m.group(1).strip(), m.group(2).replaceAll("\\^(.)", "$1"));
                }
            }
            String docUri = "http://" + h.getFirst("Host") + rootPath + "/" + docRaw;
            return nodeOperation(method, key, docUri, selectorRaw, bindings, h, body);
        }
    }

    // ---------------------------------------------------------------- digest (RFC 7616)

    private Answer authenticate(String method, String target, Headers h) {
        String authorization = h.getFirst("Authorization");
        if (basicOnly) {
            challenges.incrementAndGet();
            return status(401).header("WWW-Authenticate", "Basic realm=\"" + realm + "\"");
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Digest ", 0, 7)) {
            return challenge(false);
        }
        Map<String, String> p = new HashMap<>();
        Matcher m = PARAM.matcher(authorization.substring(7));
        while (m.find()) {
            p.put(m.group(1).toLowerCase(), m.group(3) != null ? m.group(3).replaceAll("\\\\(.)", "$1") : m.group(2));
        }
        String nonce = p.get("nonce");
        if (!user.equals(p.get("username")) || !realm.equals(p.get("realm")) || !target.equals(p.get("uri"))
                || !"auth".equals(p.get("qop")) || p.get("cnonce") == null || p.get("nc") == null
                || (p.get("algorithm") != null && !p.get("algorithm").equalsIgnoreCase("MD5"))) {
            return challenge(false);
        }
        String ha1 = md5(user + ":" + realm + ":" + password);
        String ha2 = md5(method + ":" + p.get("uri"));
        String expected = md5(ha1 + ":" + nonce + ":" + p.get("nc") + ":" + p.get("cnonce") + ":auth:" + ha2);
        if (!expected.equals(p.get("response"))) {
            return challenge(false);
        }
        Set<String> seen = nonces.get(nonce);
        if (seen == null) {
            return challenge(expiredNonces.contains(nonce));
        }
        if (!seen.add(p.get("nc"))) {
            return challenge(false); // a replayed nonce count
        }
        authorized.incrementAndGet();
        return null;
    }

    private Answer challenge(boolean stale) {
        challenges.incrementAndGet();
        byte[] n = new byte[16];
        random.nextBytes(n);
        String nonce = HexFormat.of().formatHex(n);
        nonces.put(nonce, ConcurrentHashMap.newKeySet());
        return status(401).header("WWW-Authenticate", "Digest realm=\"" + realm + "\", nonce=\"" + nonce
                + "\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\", qop=\"auth\", algorithm=MD5"
                + (stale ? ", stale=true" : ""));
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- preconditions (RFC 7232)

    private String newEtag() {
        int n = etags.incrementAndGet();
        String tag = flavor == Flavor.KAMAILIO ? "\"sr-" + started + "-4242-" + n + "\"" : "\"e" + n + "\"";
        return weakEtags ? "W/" + tag : tag;
    }

    /** Null when the preconditions hold; else the answer (412, or 304 for a GET). */
    private Answer preconditions(String method, Headers h, Doc doc) {
        String ifMatch = h.getFirst("If-Match");
        String ifNoneMatch = h.getFirst("If-None-Match");
        if (ifMatch != null) {
            boolean ok;
            if (isWildcard(ifMatch)) {
                ok = doc != null;
            } else if (flavor == Flavor.KAMAILIO && ifMatch.strip().equals("*")) {
                ok = false; // Kamailio compares the unquoted star as an entity tag
            } else {
                ok = doc != null && listContains(ifMatch, doc.etag, true);
            }
            if (!ok) {
                return status(412);
            }
        }
        if (ifNoneMatch != null) {
            boolean matches;
            if (isWildcard(ifNoneMatch)) {
                matches = doc != null;
            } else if (flavor == Flavor.KAMAILIO && ifNoneMatch.strip().equals("*")) {
                matches = false; // ignored by Kamailio
            } else {
                matches = doc != null && listContains(ifNoneMatch, doc.etag, false);
            }
            if (matches) {
                return method.equals("GET") ? new Answer(304, null, null, doc.etag) : status(412);
            }
        }
        return null;
    }

    private boolean isWildcard(String value) {
        String v = value.strip();
        return flavor == Flavor.KAMAILIO ? v.equals("\"*\"") : v.equals("*");
    }

    private static boolean listContains(String list, String etag, boolean strong) {
        for (String t : list.split(",")) {
            String tag = t.strip();
            if (strong) {
                if (!tag.startsWith("W/") && !etag.startsWith("W/") && tag.equals(etag)) {
                    return true;
                }
            } else if (opaque(tag).equals(opaque(etag))) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    // ---------------------------------------------------------------- documents (RFC 4825, 8.2-8.4)

    private Answer documentOperation(String method, String key, Headers h, byte[] body) {
        Doc doc = documents.get(key);
        Answer failed = preconditions(method, h, doc);
        if (failed != null) {
            return failed;
        }
        switch (method) {
            case "GET":
                return doc == null ? status(404) : new Answer(200, doc.contentType, doc.body, doc.etag);
            case "PUT": {
                try {
                    parse(body);
                } catch (Exception e) {
                    return flavor == Flavor.KAMAILIO ? status(500) : conflict("<not-well-formed/>");
                }
                String type = h.getFirst("Content-Type");
                Doc d = new Doc(body, type == null ? "application/xml" : type, newEtag());
                Answer unique = uniqueness(key, d);
                if (unique != null) {
                    return unique;
                }
                documents.put(key, d);
                return new Answer(doc == null && flavor == Flavor.RFC ? 201 : 200, null, null, d.etag);
            }
            case "DELETE":
                if (doc == null) {
                    return status(flavor == Flavor.KAMAILIO ? 500 : 404);
                }
                documents.remove(key);
                return status(200);
            default:
                return status(405);
        }
    }

    private Answer conflict(String condition) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xcap-error xmlns=\"" + ERROR_NS + "\">" + condition
                + "</xcap-error>";
        return new Answer(409, "application/xcap-error+xml", xml.getBytes(StandardCharsets.UTF_8), null);
    }

    private Answer uniqueness(String key, Doc candidate) {
        Document d;
        try {
            d = parse(candidate.body);
        } catch (Exception e) {
            return null;
        }
        String auid = key.substring(0, key.indexOf('/'));
        String field = null;
        String duplicate = null;
        if (auid.equals("rls-services")) {
            duplicate = firstDuplicate(d.getDocumentElement(), "service", "uri");
            field = "rls-services/service/@uri";
        } else if (auid.equals("resource-lists")) {
            NodeList lists = d.getElementsByTagNameNS("*", "list");
            for (int i = 0; i < lists.getLength() && duplicate == null; i++) {
                duplicate = firstDuplicate((Element) lists.item(i), "entry", "uri");
            }
            field = "resource-lists/list/entry/@uri";
        }
        if (duplicate == null) {
            return null;
        }
        return conflict("<uniqueness-failure><exists field=\"" + field + "\"><alt-value>" + escape(
                duplicate.replace("@", "2@")) + "</alt-value></exists></uniqueness-failure>");
    }

    private static String firstDuplicate(Element parent, String child, String attribute) {
        Set<String> seen = new java.util.HashSet<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals(child) && e.hasAttribute(attribute)
                    && !seen.add(e.getAttribute(attribute))) {
                return e.getAttribute(attribute);
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- nodes (RFC 4825, 8.2.3-8.4)

    private Answer nodeOperation(String method, String key, String docUri, String selectorRaw,
            Map<String, String> bindings, Headers h, byte[] body) {
        Doc doc = documents.get(key);
        Answer failed = preconditions(method, h, doc);
        if (failed != null) {
            return failed;
        }
        if (doc == null) {
            String xcapRoot = "http://" + h.getFirst("Host") + rootPath;
            return method.equals("PUT") ? conflict("<no-parent><ancestor>" + escape(xcapRoot)
                    + "</ancestor></no-parent>") : status(404);
        }
        Document d;
        try {
            d = parse(doc.body);
        } catch (Exception e) {
            return status(500);
        }
        List<String> rawSteps = List.of(selectorRaw.split("/"));
        String last = decode(rawSteps.get(rawSteps.size() - 1));
        boolean attribute = last.startsWith("@");
        NamespaceContext ns = namespaces(d, bindings);
        String xpath = toXPath(rawSteps, ns);
        if (xpath == null) {
            return status(400);
        }
        List<Node> selected = select(d, xpath, ns);
        switch (method) {
            case "GET":
                if (selected.size() != 1) {
                    return status(404);
                }
                if (attribute) {
                    return new Answer(200, "application/xcap-att+xml",
                            quote(((Attr) selected.get(0)).getValue()).getBytes(StandardCharsets.UTF_8), doc.etag);
                }
                return new Answer(200, "application/xcap-el+xml", serialize(selected.get(0), false), doc.etag);
            case "DELETE": {
                if (selected.size() != 1) {
                    return status(404);
                }
                Node n = selected.get(0);
                if (n instanceof Attr a) {
                    a.getOwnerElement().removeAttributeNode(a);
                } else {
                    n.getParentNode().removeChild(n);
                }
                if (!select(d, xpath, ns).isEmpty()) {
                    return conflict("<cannot-delete/>");
                }
                return store(key, doc, d, 200);
            }
            case "PUT":
                return attribute ? putAttribute(key, doc, d, docUri, rawSteps, ns, xpath, selected, last.substring(1), body)
                        : putElement(key, doc, d, docUri, rawSteps, ns, xpath, selected, body);
            default:
                return status(405);
        }
    }

    private Answer putElement(String key, Doc doc, Document d, String docUri, List<String> rawSteps,
            NamespaceContext ns, String xpath, List<Node> selected, byte[] body) {
        if (selected.size() > 1) {
            return conflict("<cannot-insert phrase=\"the selector names more than one element\"/>");
        }
        Node parent;
        Node replaced = selected.isEmpty() ? null : selected.get(0);
        if (replaced != null) {
            parent = replaced.getParentNode();
        } else {
            List<Node> parents = rawSteps.size() == 1 ? List.of(d)
                    : select(d, toXPath(rawSteps.subList(0, rawSteps.size() - 1), ns), ns);
            if (parents.size() != 1) {
                return conflict("<no-parent><ancestor>" + escape(closestAncestor(d, docUri, rawSteps, ns))
                        + "</ancestor></no-parent>");
            }
            if (parents.get(0) instanceof Document) {
                return conflict("<cannot-insert phrase=\"the document has a root element\"/>");
            }
            parent = parents.get(0);
        }
        Element fresh;
        try {
            fresh = fragment(parent, body);
        } catch (Exception e) {
            return conflict("<not-xml-frag/>");
        }
        Node imported = d.importNode(fresh, true);
        if (replaced != null && flavor == Flavor.RFC) {
            parent.replaceChild(imported, replaced);
        } else {
            if (replaced != null) {
                parent.removeChild(replaced); // Kamailio re-inserts a replaced element at the end
            }
            parent.appendChild(imported);
        }
        List<Node> after = select(d, xpath, ns);
        if (after.size() != 1 || after.get(0) != imported) {
            return conflict("<cannot-insert/>");
        }
        return storeChecked(key, doc, d, replaced == null && flavor == Flavor.RFC ? 201 : 200);
    }

    private Answer putAttribute(String key, Doc doc, Document d, String docUri, List<String> rawSteps,
            NamespaceContext ns, String xpath, List<Node> selected, String name, byte[] body) {
        List<Node> owners = select(d, toXPath(rawSteps.subList(0, rawSteps.size() - 1), ns), ns);
        if (owners.size() != 1) {
            return conflict("<no-parent><ancestor>" + escape(closestAncestor(d, docUri,
                    rawSteps.subList(0, rawSteps.size() - 1), ns)) + "</ancestor></no-parent>");
        }
        String value = unquote(new String(body, StandardCharsets.UTF_8).strip());
        if (value == null) {
            return conflict("<not-xml-att-value/>");
        }
        Element owner = (Element) owners.get(0);
        boolean created = !owner.hasAttribute(name);
        owner.setAttribute(name, value);
        List<Node> after = select(d, xpath, ns);
        if (after.size() != 1 || !((Attr) after.get(0)).getValue().equals(value)) {
            return conflict("<cannot-insert/>");
        }
        return storeChecked(key, doc, d, created && flavor == Flavor.RFC ? 201 : 200);
    }

    private Answer storeChecked(String key, Doc old, Document d, int status) {
        Doc candidate = new Doc(serialize(d, true), old.contentType, null);
        Answer unique = uniqueness(key, candidate);
        return unique != null ? unique : store(key, old, d, status);
    }

    private Answer store(String key, Doc old, Document d, int status) {
        Doc stored = new Doc(serialize(d, true), old.contentType, newEtag());
        documents.put(key, stored);
        return new Answer(status, null, null, stored.etag);
    }

    private String closestAncestor(Document d, String docUri, List<String> rawSteps, NamespaceContext ns) {
        for (int n = rawSteps.size() - 1; n >= 1; n--) {
            List<String> prefix = rawSteps.subList(0, n);
            String xp = toXPath(prefix, ns);
            if (xp != null && select(d, xp, ns).size() == 1) {
                return docUri + "/~~/" + String.join("/", prefix);
            }
        }
        return docUri;
    }

    private static NamespaceContext namespaces(Document d, Map<String, String> bindings) {
        String defaultNs = d.getDocumentElement().getNamespaceURI();
        return new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                if (prefix.equals("_d")) {
                    return defaultNs == null ? XMLConstants.NULL_NS_URI : defaultNs;
                }
                return bindings.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public Iterator<String> getPrefixes(String uri) {
                return Collections.emptyIterator();
            }
        };
    }

    /** The node selector as XPath, unprefixed names in the document's default namespace; null if unsupported. */
    private static String toXPath(List<String> rawSteps, NamespaceContext ns) {
        boolean defaultNs = !ns.getNamespaceURI("_d").isEmpty();
        StringBuilder xp = new StringBuilder();
        for (String raw : rawSteps) {
            String step = decode(raw);
            xp.append('/');
            if (step.startsWith("@")) {
                xp.append(step);
                continue;
            }
            Matcher m = STEP.matcher(step);
            if (!m.matches()) {
                return null;
            }
            String name = m.group(1);
            xp.append(!name.equals("*") && !name.contains(":") && defaultNs ? "_d:" + name : name);
            if (m.group(2) != null) {
                xp.append('[').append(m.group(2)).append(']');
            }
            if (m.group(3) != null) {
                String value = unquote(m.group(4));
                if (value == null) {
                    return null;
                }
                xp.append("[@").append(m.group(3)).append('=')
                        .append(value.contains("\"") ? "'" + value + "'" : "\"" + value + "\"").append(']');
            }
        }
        return xp.toString();
    }

    private static List<Node> select(Document d, String xpath, NamespaceContext ns) {
        try {
            var x = XPathFactory.newInstance().newXPath();
            x.setNamespaceContext(ns);
            NodeList nodes = (NodeList) x.evaluate(xpath, d, XPathConstants.NODESET);
            List<Node> out = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                out.add(nodes.item(i));
            }
            return out;
        } catch (Exception e) {
            return List.of();
        }
    }

    // ---------------------------------------------------------------- XML helpers

    private static DocumentBuilder builder() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder();
    }

    private static final org.xml.sax.ErrorHandler QUIET = new org.xml.sax.ErrorHandler() {
        @Override
        public void warning(org.xml.sax.SAXParseException e) {
        }

        @Override
        public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
            throw e;
        }

        @Override
        public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
            throw e;
        }
    };

    private static Document parse(byte[] body) throws Exception {
        DocumentBuilder b = builder();
        b.setErrorHandler(QUIET);
        return b.parse(new java.io.ByteArrayInputStream(body));
    }

    /** Parses an element fragment in the namespace context of {@code parent}. */
    private static Element fragment(Node parent, byte[] body) throws Exception {
        StringBuilder wrap = new StringBuilder("<wrap");
        Map<String, String> inScope = new LinkedHashMap<>();
        for (Node n = parent; n instanceof Element e; n = n.getParentNode()) {
            NamedNodeMap attrs = e.getAttributes();
            for (int i = 0; i < attrs.getLength(); i++) {
                Attr a = (Attr) attrs.item(i);
                if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                    inScope.putIfAbsent(a.getName(), a.getValue());
                }
            }
        }
        inScope.forEach((k, v) -> wrap.append(' ').append(k).append("=\"").append(escape(v)).append('"'));
        wrap.append('>').append(new String(body, StandardCharsets.UTF_8)).append("</wrap>");
        DocumentBuilder b = builder();
        b.setErrorHandler(QUIET);
        Document d = b.parse(new InputSource(new StringReader(wrap.toString())));
        Element only = null;
        for (Node n = d.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                if (only != null) {
                    throw new IllegalArgumentException("more than one element");
                }
                only = e;
            } else if (n.getNodeType() == Node.TEXT_NODE && !n.getTextContent().isBlank()) {
                throw new IllegalArgumentException("text outside the element");
            } else if (n.getNodeType() != Node.TEXT_NODE && n.getNodeType() != Node.COMMENT_NODE) {
                throw new IllegalArgumentException("not an element fragment");
            }
        }
        if (only == null) {
            throw new IllegalArgumentException("no element");
        }
        return only;
    }

    private static byte[] serialize(Node n, boolean declaration) {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, declaration ? "no" : "yes");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(n), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }

    private static String quote(String value) {
        return "\"" + escape(value) + "\"";
    }

    /** The value of a quoted AttValue, or null when it is not one. */
    private static String unquote(String q) {
        if (q.length() < 2 || (q.charAt(0) != '"' && q.charAt(0) != '\'') || q.charAt(q.length() - 1) != q.charAt(0)) {
            return null;
        }
        String inner = q.substring(1, q.length() - 1);
        if (inner.indexOf(q.charAt(0)) >= 0 || inner.indexOf('<') >= 0) {
            return null;
        }
        return inner.replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    /** Percent-decoding as RFC 3986 defines it ('+' is not a space). */
    public static String decode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '%' && i + 2 < b.length) {
                out.write(Integer.parseInt(new String(b, i + 1, 2, StandardCharsets.US_ASCII), 16));
                i += 2;
            } else {
                out.write(b[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
