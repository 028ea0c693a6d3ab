package io.presencekit.xcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class XcapUriTest {
    private static final String RFC_ROOT = "http://xcap.example.com";

    @Test
    void buildsTheNodeSelectorUriOfRfc4825Section63() {
        XcapUri uri = XcapUri.builder(RFC_ROOT).auid("test").user("sip:joe@example.com").document("index")
                .nodeSelector(NodeSelector.builder().element("watcherinfo").element("watcher-list")
                        .element("watcher", "id", "8ajksjda7s").build())
                .build();
        assertEquals("http://xcap.example.com/test/users/sip:joe@example.com/index/~~/"
                + "watcherinfo/watcher-list/watcher%5b@id=%228ajksjda7s%22%5d", uri.toString());
        assertEquals("watcherinfo/watcher-list/watcher[@id=\"8ajksjda7s\"]", uri.nodeSelector().orElseThrow().toString());
        assertEquals(uri, XcapUri.parse(RFC_ROOT, uri.toString()));
    }

    @Test
    void buildsTheNamespaceBindingUriOfRfc4825Section64() {
        String expected = "http://xcap.example.com/test/users/sip:joe@example.com/index/~~/foo/a:bar/b:baz"
                + "?xmlns(a=urn:test:namespace1-uri)xmlns(b=urn:test:namespace1-uri)";
        XcapUri uri = XcapUri.builder(RFC_ROOT).auid("test").user("sip:joe@example.com").document("index")
                .nodeSelector(NodeSelector.builder().element("foo").element("a:bar").element("b:baz")
                        .bindNamespace("a", "urn:test:namespace1-uri").bindNamespace("b", "urn:test:namespace1-uri")
                        .build())
                .build();
        assertEquals(expected, uri.toString());
        XcapUri parsed = XcapUri.parse(RFC_ROOT, expected);
        assertEquals(uri, parsed);
        assertEquals(Map.of("a", "urn:test:namespace1-uri", "b", "urn:test:namespace1-uri"),
                parsed.nodeSelector().orElseThrow().namespaceBindings());
        assertEquals(Optional.of("xmlns(a=urn:test:namespace1-uri)xmlns(b=urn:test:namespace1-uri)"), parsed.query());
    }

    @Test
    void namespaceBindingsSeparatedByWhitespaceAreAccepted() {
        XcapUri uri = XcapUri.parse(RFC_ROOT, "/test/users/sip:joe@example.com/index/~~/foo/a:bar"
                + "?xmlns(a=urn:test:namespace1-uri)%20xmlns(b=urn:test:namespace2-uri)");
        assertEquals(Map.of("a", "urn:test:namespace1-uri", "b", "urn:test:namespace2-uri"),
                uri.nodeSelector().orElseThrow().namespaceBindings());
    }

    @Test
    void namespaceUrisEscapeParenthesesAndCaretAsXpointerDoes() {
        NodeSelector s = NodeSelector.builder().element("p:x").bindNamespace("p", "urn:a(b)^c").build();
        assertEquals(Optional.of("xmlns(p=urn:a%5e(b%5e)%5e%5ec)"), s.encodedQuery());
        assertEquals(s, NodeSelector.fromUri(s.encodedPath(), s.encodedQuery().orElseThrow()));
    }

    @Test
    void sipUriXuiIsWrittenUnencodedAsKamailioMapsIt() {
        XcapUri uri = XcapUri.builder("https://xcap.example.com/xcap-root").auid("resource-lists")
                .user("sip:alice@example.com").document("index").build();
        assertEquals("https://xcap.example.com/xcap-root/resource-lists/users/sip:alice@example.com/index",
                uri.toString());
        assertEquals("/xcap-root/resource-lists/users/sip:alice@example.com/index", uri.path());
    }

    @Test
    void percentEncodedXuiParsesToTheSameUser() {
        XcapUri uri = XcapUri.parse("http://127.0.0.1:5060/xcap-root",
                "http://127.0.0.1:5060/xcap-root/pres-rules/users/sip%3Aalice%40example.com/index");
        assertEquals(Optional.of("sip:alice@example.com"), uri.xui());
        assertEquals("/xcap-root/pres-rules/users/sip:alice@example.com/index", uri.path());
    }

    @Test
    void xuiCharactersThatAreNotAllowedInASegmentAreEncoded() {
        String xui = "sip:al/ice?x y%z;transport=tls@example.com";
        XcapUri uri = XcapUri.builder(RFC_ROOT).auid("resource-lists").user(xui).document("index").build();
        assertEquals("/resource-lists/users/sip:al%2fice%3fx%20y%25z;transport=tls@example.com/index", uri.path());
        assertEquals(Optional.of(xui), XcapUri.parse(RFC_ROOT, uri.toString()).xui());
    }

    @Test
    void globalTreeHasNoXui() {
        XcapUri uri = XcapUri.builder(RFC_ROOT).auid("xcap-caps").global().document("index").build();
        assertEquals("http://xcap.example.com/xcap-caps/global/index", uri.toString());
        XcapUri parsed = XcapUri.parse(RFC_ROOT, uri.toString());
        assertEquals(XcapUri.Tree.GLOBAL, parsed.tree());
        assertEquals(Optional.empty(), parsed.xui());
    }

    @Test
    void documentPathMayHaveSeveralSegments() {
        XcapUri uri = XcapUri.builder(RFC_ROOT).auid("org.openmobilealliance.pres-content").user("sip:a@b")
                .document("oma_status-icon", "index").build();
        assertEquals("/org.openmobilealliance.pres-content/users/sip:a@b/oma_status-icon/index", uri.path());
        assertEquals(List.of("oma_status-icon", "index"), XcapUri.parse(RFC_ROOT, uri.path()).documentPath());
    }

    @Test
    void rootTrailingSlashIsIgnoredAndPortsCompareByDefault() {
        XcapUri uri = XcapUri.builder("https://XCAP.example.com:443/root/").auid("a").global().document("d").build();
        assertEquals("https://XCAP.example.com:443/root/a/global/d", uri.toString());
        XcapUri parsed = XcapUri.parse(URI.create("https://xcap.example.com/root"), "HTTPS://xcap.EXAMPLE.com/root/a/global/d");
        assertEquals("d", parsed.documentPath().get(0));
    }

    @Test
    void positionalWildcardAndCombinedStepsFollowTheGrammar() {
        NodeSelector s = NodeSelector.builder().element("resource-lists").element("*", 1)
                .element("entry", 2, "uri", "sip:b@example.com").build();
        assertEquals("resource-lists/*[1]/entry[2][@uri=\"sip:b@example.com\"]", s.toString());
        assertEquals("resource-lists/*%5b1%5d/entry%5b2%5d%5b@uri=%22sip:b@example.com%22%5d", s.encodedPath());
        NodeSelector parsed = NodeSelector.parse(s.toString());
        assertEquals(s, parsed);
        Step last = parsed.steps().get(2);
        assertEquals(OptionalInt.of(2), last.position());
        assertEquals(Optional.of(new AttributeTest("uri", "sip:b@example.com")), last.attributeTest());
        assertTrue(parsed.steps().get(1).isWildcard());
    }

    @Test
    void attributeSelectorNamesAnAttribute() {
        NodeSelector s = NodeSelector.parse("resource-lists/list/list/entry[2]/@uri");
        assertEquals(NodeSelector.Target.ATTRIBUTE, s.target());
        assertEquals(Optional.of("uri"), s.attribute());
        assertEquals("resource-lists/list/list/entry%5b2%5d/@uri", s.encodedPath());
        assertEquals(NodeSelector.Target.ELEMENT, s.parent().target());
        assertEquals("resource-lists/list/list/entry[2]", s.parent().toString());
    }

    @Test
    void namespaceSelectorNamesTheBindings() {
        NodeSelector s = NodeSelector.parse("watcherinfo/watcher-list/namespace::*");
        assertEquals(NodeSelector.Target.NAMESPACES, s.target());
        assertEquals("watcherinfo/watcher-list/namespace::*", s.encodedPath());
        assertEquals(2, s.steps().size());
    }

    @Test
    void attributeValuesAreEscapedAndSlashesInsideThemEncoded() {
        String value = "a\"b/c&d <é>'";
        NodeSelector s = NodeSelector.builder().element("rl").element("entry", "uri", value).build();
        assertEquals("rl/entry[@uri=\"a&quot;b/c&amp;d &lt;é>'\"]", s.toString());
        assertEquals("rl/entry%5b@uri=%22a&quot;b%2fc&amp;d%20&lt;%c3%a9%3e'%22%5d", s.encodedPath());
        NodeSelector back = NodeSelector.fromUri(s.encodedPath(), null);
        assertEquals(value, back.steps().get(1).attributeTest().orElseThrow().value());
        assertEquals(s, back);
    }

    @Test
    void singleQuotedPredicatesAndUppercaseEscapesAreRead() {
        NodeSelector s = NodeSelector.fromUri("resource-lists/list%5B@name='fr/iends'%5D/entry", null);
        assertEquals("fr/iends", s.steps().get(1).attributeTest().orElseThrow().value());
        assertEquals(3, s.steps().size());
        assertEquals("resource-lists/list%5b@name=%22fr%2fiends%22%5d/entry", s.encodedPath());
    }

    @Test
    void textOutsideTheStepGrammarIsKeptAsAnExtensionStep() {
        NodeSelector s = NodeSelector.parse("resource-lists/list/entry[last()]");
        Step step = s.steps().get(2);
        assertTrue(step.isExtension());
        assertEquals("entry[last()]", step.toString());
        assertEquals("resource-lists/list/entry%5blast()%5d", s.encodedPath());
    }

    @Test
    void documentUriDropsTheNodeSelector() {
        XcapUri node = XcapUri.parse(RFC_ROOT,
                "/resource-lists/users/sip:bill@example.com/index/~~/resource-lists/list%5b@name=%22friends%22%5d");
        assertFalse(node.isDocument());
        assertEquals("http://xcap.example.com/resource-lists/users/sip:bill@example.com/index",
                node.documentUri().toString());
        assertTrue(node.documentUri().isDocument());
    }

    @Test
    void malformedUrisAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> XcapUri.parse(RFC_ROOT, "http://other.example.com/a/global/d"));
        assertThrows(IllegalArgumentException.class, () -> XcapUri.parse(RFC_ROOT, "/resource-lists/users/sip:a@b"));
        assertThrows(IllegalArgumentException.class, () -> XcapUri.parse(RFC_ROOT, "/resource-lists/people/x/index"));
        assertThrows(IllegalArgumentException.class, () -> XcapUri.parse(RFC_ROOT, "/a/global/index?xmlns(a=urn:x)"));
        assertThrows(IllegalArgumentException.class, () -> XcapUri.parse(RFC_ROOT, "/a/global/index/~~/"));
        assertThrows(IllegalArgumentException.class, () -> XcapUri.parse(RFC_ROOT, "/a/global/index/~~/x//y"));
        assertThrows(IllegalArgumentException.class, () -> XcapUri.parse(RFC_ROOT, "/a/users/sip%3/index"));
        assertThrows(IllegalArgumentException.class, () -> XcapUri.parse(RFC_ROOT, "/a/users/%c3%28/index"));
        assertThrows(IllegalArgumentException.class, () -> XcapUri.parse(RFC_ROOT, "/a/global/index/~~/x?foo(bar)"));
        assertThrows(IllegalArgumentException.class, () -> XcapUri.builder("ftp://x.example.com"));
        assertThrows(IllegalArgumentException.class, () -> XcapUri.builder("http://x.example.com/?q"));
        assertThrows(IllegalArgumentException.class, () -> Step.element("not a name"));
        assertThrows(IllegalArgumentException.class, () -> Step.element("x", 0));
        assertThrows(IllegalStateException.class, () -> NodeSelector.builder().attribute("uri").build());
    }
}
