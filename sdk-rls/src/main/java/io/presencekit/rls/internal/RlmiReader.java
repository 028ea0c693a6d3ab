package io.presencekit.rls.internal;

import static io.presencekit.rls.RlmiList.NAMESPACE;

import io.presencekit.rls.Instance;
import io.presencekit.rls.Name;
import io.presencekit.rls.Resource;
import io.presencekit.rls.RlmiList;
import io.presencekit.xml.DocumentReader;
import io.presencekit.xml.ExtensionElement;
import javax.xml.namespace.QName;

/**
 * Reads an RLMI {@code list} (RFC 4662, section 5.1) on the StAX cursor. Schema slips go through
 * {@code schemaViolation}: warnings in standard mode, errors in strict mode; a typed attribute
 * whose value cannot be used is kept as a raw attribute, so a lenient read loses nothing.
 */
public final class RlmiReader {
    private static final String[] LIST_ATTRIBUTES = {"uri", "version", "fullState", "cid"};
    private static final String[] RESOURCE_ATTRIBUTES = {"uri"};
    private static final String[] INSTANCE_ATTRIBUTES = {"id", "state", "reason", "cid"};

    private final DocumentReader in;

    private RlmiReader(DocumentReader in) {
        this.in = in;
    }

    /** Reads the document whose root start tag {@code in} is on. */
    public static RlmiList read(DocumentReader in) {
        return new RlmiReader(in).list();
    }

    private RlmiList list() {
        in.requireRoot(NAMESPACE, "list", "RLMI");
        String uri = in.attribute("uri");
        if (uri == null) {
            in.schemaViolation("list without a uri attribute");
        } else {
            uri = uri.strip();
        }
        RlmiList.Builder b = RlmiList.Builder.of(uri);
        in.otherAttributes(false, LIST_ATTRIBUTES).forEach(b::attribute);
        String version = in.attribute("version");
        if (version == null) {
            in.schemaViolation("list without a version attribute");
        } else {
            Long v = unsignedInt(version.strip());
            if (v == null) {
                in.schemaViolation("list version '" + version + "' is not an unsigned int; kept as is");
                b.attribute(new QName("version"), version);
            } else {
                b.version(v);
            }
        }
        String fullState = in.attribute("fullState");
        if (fullState == null) {
            in.schemaViolation("list without a fullState attribute; read as partial state");
        } else {
            Boolean f = bool(fullState.strip());
            if (f == null) {
                in.schemaViolation("list fullState '" + fullState + "' is not a boolean; kept as is");
                b.attribute(new QName("fullState"), fullState);
            } else {
                b.fullState(f);
            }
        }
        b.cid(in.attribute("cid"));
        boolean resourceSeen = false;
        boolean otherSeen = false;
        while (in.nextChild()) {
            if (in.is(NAMESPACE, "name")) {
                if (resourceSeen || otherSeen) {
                    in.schemaViolation("name after a resource or an extension element in list");
                }
                b.name(name());
            } else if (in.is(NAMESPACE, "resource")) {
                if (otherSeen) {
                    in.schemaViolation("resource after an extension element in list");
                }
                resourceSeen = true;
                b.resource(resource());
            } else {
                otherSeen = true;
                b.extension(extension("list"));
            }
        }
        return b.warnings(in.warnings()).build();
    }

    private Name name() {
        return in.textWithLang(Name::new);
    }

    private Resource resource() {
        String uri = in.attribute("uri");
        if (uri == null) {
            in.schemaViolation("resource without a uri attribute");
        } else {
            uri = uri.strip();
        }
        Resource.Builder b = Resource.builder(uri);
        in.otherAttributes(false, RESOURCE_ATTRIBUTES).forEach(b::attribute);
        boolean instanceSeen = false;
        boolean otherSeen = false;
        while (in.nextChild()) {
            if (in.is(NAMESPACE, "name")) {
                if (instanceSeen || otherSeen) {
                    in.schemaViolation("name after an instance or an extension element in resource '" + uri + "'");
                }
                b.name(name());
            } else if (in.is(NAMESPACE, "instance")) {
                if (otherSeen) {
                    in.schemaViolation("instance after an extension element in resource '" + uri + "'");
                }
                instanceSeen = true;
                b.instance(instance(uri));
            } else {
                otherSeen = true;
                b.extension(extension("resource '" + uri + "'"));
            }
        }
        return b.build();
    }

    private Instance instance(String resourceUri) {
        String id = in.attribute("id");
        if (id == null) {
            in.schemaViolation("instance without an id attribute in resource '" + resourceUri + "'");
        }
        Instance.Builder b = Instance.builder(id, null);
        in.otherAttributes(false, INSTANCE_ATTRIBUTES).forEach(b::attribute);
        String state = in.attribute("state");
        if (state == null) {
            in.schemaViolation(what(id, resourceUri) + " without a state attribute");
        } else {
            Instance.State s = Instance.State.fromToken(state.strip());
            if (s == null) {
                in.schemaViolation(what(id, resourceUri) + " state '" + state
                        + "' is not active, pending or terminated; kept as is");
                b.attribute(new QName("state"), state);
            } else {
                b.state(s);
            }
        }
        b.reason(in.attribute("reason"));
        String cid = in.attribute("cid");
        b.cid(cid == null ? null : cid.strip());
        // the schema allows any element inside an instance
        while (in.nextChild()) {
            b.extension(in.readExtension());
        }
        return b.build();
    }

    private static String what(String id, String resourceUri) {
        return "instance '" + id + "' of resource '" + resourceUri + "'";
    }

    /** An element the list and resource schema has no room for: kept, and a slip if it claims RLMI or no namespace. */
    private ExtensionElement extension(String where) {
        String ns = in.namespaceUri();
        if (NAMESPACE.equals(ns) || ns.isEmpty()) {
            in.schemaViolation("unexpected element <" + in.localName() + "> in " + where + "; kept as is");
            return in.readGeneric();
        }
        return in.readExtension();
    }

    private static Long unsignedInt(String s) {
        if (s.isEmpty() || s.length() > 10) {
            return null;
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            v = v * 10 + (c - '0');
        }
        return v > 0xFFFF_FFFFL ? null : v;
    }

    private static Boolean bool(String s) {
        return switch (s) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> null;
        };
    }
}
