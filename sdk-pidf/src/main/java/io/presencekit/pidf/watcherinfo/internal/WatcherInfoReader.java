package io.presencekit.pidf.watcherinfo.internal;

import static io.presencekit.pidf.Namespaces.WATCHERINFO;

import io.presencekit.pidf.watcherinfo.Watcher;
import io.presencekit.pidf.watcherinfo.WatcherEvent;
import io.presencekit.pidf.watcherinfo.WatcherInfo;
import io.presencekit.pidf.watcherinfo.WatcherList;
import io.presencekit.pidf.watcherinfo.WatcherStatus;
import io.presencekit.xml.DocumentReader;
import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ExtensionElement;
import java.time.Duration;
import javax.xml.namespace.QName;

/**
 * Reads {@code watcherinfo} (RFC 3858, section 3) on the StAX cursor. Schema slips go through
 * {@link ElementReader#schemaViolation}: warnings in standard mode, errors in strict mode. A typed
 * attribute whose value cannot be used is kept as a raw attribute, so a lenient read loses nothing.
 */
public final class WatcherInfoReader {
    private static final String[] ROOT_ATTRIBUTES = {"version", "state"};
    private static final String[] LIST_ATTRIBUTES = {"resource", "package"};
    private static final String[] WATCHER_ATTRIBUTES = {"id", "status", "event", "display-name", "expiration",
        "duration-subscribed"};

    private final DocumentReader in;

    private WatcherInfoReader(DocumentReader in) {
        this.in = in;
    }

    /** Reads the document whose root start tag {@code in} is on. */
    public static WatcherInfo read(DocumentReader in) {
        return new WatcherInfoReader(in).watcherinfo();
    }

    private WatcherInfo watcherinfo() {
        in.requireRoot(WATCHERINFO, "watcherinfo", "watcherinfo");
        WatcherInfo.Builder b = WatcherInfo.builder();
        in.otherAttributes(false, ROOT_ATTRIBUTES).forEach(b::attribute);
        String version = in.attribute("version");
        if (version == null) {
            in.schemaViolation("watcherinfo without a version attribute");
        } else {
            Long v = unsignedLong(version);
            if (v == null) {
                in.schemaViolation("watcherinfo version '" + version + "' is not a non-negative integer; kept as is");
                b.attribute(new QName("version"), version);
            } else {
                b.version(v);
            }
        }
        String state = in.attribute("state");
        if (state == null) {
            in.schemaViolation("watcherinfo without a state attribute");
        } else {
            WatcherInfo.State s = WatcherInfo.State.fromToken(state);
            if (s == null) {
                in.schemaViolation("watcherinfo state '" + state + "' is neither full nor partial; kept as is");
                b.attribute(new QName("state"), state);
            } else {
                b.state(s);
            }
        }
        boolean extensionSeen = false;
        boolean orderWarned = false;
        while (in.nextChild()) {
            if (in.is(WATCHERINFO, "watcher-list")) {
                if (extensionSeen && !orderWarned) {
                    orderWarned = true;
                    in.schemaViolation("watcher-list after an extension element in watcherinfo");
                }
                b.watcherList(watcherList());
            } else {
                extensionSeen = true;
                b.extension(extension("watcherinfo"));
            }
        }
        return b.warnings(in.warnings()).build();
    }

    private WatcherList watcherList() {
        String resource = in.attribute("resource");
        String eventPackage = in.attribute("package");
        if (resource == null) {
            in.schemaViolation("watcher-list without a resource attribute");
        } else {
            resource = resource.strip();
        }
        if (eventPackage == null) {
            in.schemaViolation("watcher-list without a package attribute");
        }
        WatcherList.Builder b = WatcherList.builder(resource, eventPackage);
        in.otherAttributes(false, LIST_ATTRIBUTES).forEach(b::attribute);
        String what = "watcher-list '" + resource + "'";
        boolean extensionSeen = false;
        boolean orderWarned = false;
        while (in.nextChild()) {
            if (in.is(WATCHERINFO, "watcher")) {
                if (extensionSeen && !orderWarned) {
                    orderWarned = true;
                    in.schemaViolation("watcher after an extension element in " + what);
                }
                b.watcher(watcher());
            } else {
                extensionSeen = true;
                b.extension(extension(what));
            }
        }
        return b.build();
    }

    /** An element at an {@code ##other} extension point: one from the watcherinfo namespace, or none, is a slip. */
    private ExtensionElement extension(String where) {
        String ns = in.namespaceUri();
        if (WATCHERINFO.equals(ns) || ns.isEmpty()) {
            in.schemaViolation("unexpected element <" + in.localName() + "> in " + where + "; kept as is");
            return in.readGeneric();
        }
        return in.readExtension();
    }

    private Watcher watcher() {
        String id = in.attribute("id");
        Watcher.Builder b = Watcher.builder(id, "");
        in.otherAttributes(true, WATCHER_ATTRIBUTES).forEach(b::attribute);
        String what = "watcher '" + id + "'";
        if (id == null) {
            in.schemaViolation("watcher without an id attribute");
        }
        String status = in.attribute("status");
        if (status == null) {
            in.schemaViolation(what + " without a status attribute");
        } else {
            WatcherStatus s = WatcherStatus.fromToken(status);
            if (s == null) {
                in.schemaViolation(what + " status '" + status + "' is not pending, active, waiting or terminated;"
                        + " kept as is");
                b.attribute(new QName("status"), status);
            } else {
                b.status(s);
            }
        }
        String event = in.attribute("event");
        if (event == null) {
            in.schemaViolation(what + " without an event attribute");
        } else {
            WatcherEvent e = WatcherEvent.fromToken(event);
            if (e == null) {
                in.schemaViolation(what + " event '" + event + "' is not a watcherinfo event; kept as is");
                b.attribute(new QName("event"), event);
            } else {
                b.event(e);
            }
        }
        b.displayName(in.attribute("display-name"));
        b.lang(in.lang());
        String expiration = in.attribute("expiration");
        if (expiration != null) {
            Long v = unsignedLong(expiration);
            if (v == null) {
                in.schemaViolation(what + " expiration '" + expiration + "' is not a number of seconds; kept as is");
                b.attribute(new QName("expiration"), expiration);
            } else {
                b.expiration(Duration.ofSeconds(v));
            }
        }
        String duration = in.attribute("duration-subscribed");
        if (duration != null) {
            Long v = unsignedLong(duration);
            if (v == null) {
                in.schemaViolation(what + " duration-subscribed '" + duration + "' is not a number of seconds;"
                        + " kept as is");
                b.attribute(new QName("duration-subscribed"), duration);
            } else {
                b.durationSubscribed(Duration.ofSeconds(v));
            }
        }
        // xs:anyURI collapses whitespace, so the layout around the URI is not part of it
        b.uri(in.text().strip());
        return b.build();
    }

    /**
     * An {@code xs:nonNegativeInteger} or {@code xs:unsignedLong} that fits a long, or null. Both
     * lexical spaces allow an optional sign on zero-or-more digits ({@code +5}, {@code -0}).
     */
    static Long unsignedLong(String s) {
        String t = s.strip();
        int start = 0;
        boolean negative = false;
        if (!t.isEmpty() && (t.charAt(0) == '+' || t.charAt(0) == '-')) {
            negative = t.charAt(0) == '-';
            start = 1;
        }
        if (start == t.length()) {
            return null;
        }
        long v = 0;
        for (int i = start; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            if (v > (Long.MAX_VALUE - (c - '0')) / 10) {
                return null;
            }
            v = v * 10 + (c - '0');
        }
        return negative && v != 0 ? null : v;
    }
}
