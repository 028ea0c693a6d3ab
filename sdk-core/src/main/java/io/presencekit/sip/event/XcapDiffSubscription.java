package io.presencekit.sip.event;

import io.presencekit.error.PresenceKitException;
import io.presencekit.sip.Notification;
import io.presencekit.sip.SipEngine;
import io.presencekit.sip.Subscription;
import io.presencekit.sip.SubscriptionRequest;
import io.presencekit.xcap.XcapUri;
import io.presencekit.xcap.diff.XcapDiff;
import io.presencekit.xcap.diff.XcapDiffCodec;
import io.presencekit.xcap.store.XcapDocumentStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * An {@code xcap-diff} subscription (RFC 5875) to one's own XCAP documents: the SUBSCRIBE body is
 * a resource-lists document (RFC 4826) with one entry per document to watch (its path relative to
 * the XCAP root), each NOTIFY body an {@code application/xcap-diff+xml} document (RFC 5874) read
 * with {@link XcapDiffCodec#standard()}. Given an {@link XcapDocumentStore}, every notification
 * makes the store refetch exactly the documents whose cached ETag differs from the notified one
 * ({@link XcapDocumentStore#apply(XcapDiff)}): our own writes, already cached with their new
 * ETag, cost nothing.
 *
 * <p>Kamailio emulates the package: it publishes one document change after each XCAP write, so
 * its first NOTIFY carries the last change only, not the full list RFC 5875 describes.
 *
 * <p>Thread-safe.
 */
public final class XcapDiffSubscription {
    /** The event package. */
    public static final String EVENT = "xcap-diff";
    /** The SUBSCRIBE body's type. */
    public static final String RESOURCE_LISTS = "application/resource-lists+xml";

    /** What an xcap-diff subscription reports. */
    public interface Listener extends PackageListener {
        /** A notification named changed documents. */
        default void documentsChanged(XcapDiff diff, Notification notification) {
        }

        /** The store refetched (or dropped) these documents after {@code diff}. */
        default void documentsRefetched(XcapDiff diff, List<XcapUri> documents) {
        }

        /** The store could not refetch after {@code diff}. */
        default void refetchFailed(XcapDiff diff, Throwable error) {
        }
    }

    private final Subscription subscription;

    private XcapDiffSubscription(SipEngine engine, SubscriptionRequest request, XcapDocumentStore store,
            Listener listener) {
        Listener l = listener != null ? listener : new Listener() { };
        this.subscription = engine.subscribe(request, new Forwarder(l) {
            @Override
            public void notified(Notification n) {
                l.notified(n);
                if (!n.hasBody()) {
                    return;
                }
                if (!n.mediaType().orElse("").equals(XcapDiffCodec.CONTENT_TYPE)) {
                    l.bodyRejected(n, new PresenceKitException("not an xcap-diff document: "
                            + n.contentType().orElse("")));
                    return;
                }
                XcapDiff diff;
                try {
                    diff = XcapDiffCodec.standard().read(n.body());
                } catch (RuntimeException e) {
                    l.bodyRejected(n, e);
                    return;
                }
                l.documentsChanged(diff, n);
                if (store != null) {
                    store.apply(diff).whenComplete((docs, e) -> {
                        if (e != null) {
                            l.refetchFailed(diff, e);
                        } else {
                            l.documentsRefetched(diff, docs);
                        }
                    });
                }
            }
        });
    }

    /**
     * The request for the user's own {@code aor}, watching {@code documents}: {@code Event: xcap-diff},
     * {@code Accept: application/xcap-diff+xml}, the resource-lists body.
     */
    public static SubscriptionRequest.Builder request(String aor, List<XcapUri> documents) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<resource-lists xmlns=\"urn:ietf:params:xml:ns:resource-lists\"><list>");
        for (XcapUri d : documents) {
            String path = d.documentUri().path().substring(d.root().getRawPath().length());
            sb.append("<entry uri=\"").append(escape(path.startsWith("/") ? path.substring(1) : path))
                    .append("\"/>");
        }
        sb.append("</list></resource-lists>\n");
        return SubscriptionRequest.builder(aor, EVENT).accept(XcapDiffCodec.CONTENT_TYPE)
                .body(RESOURCE_LISTS, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * An xcap-diff subscription for {@code request}; {@code store} (may be null) refetches what
     * changed. Call {@link #start()}.
     */
    public static XcapDiffSubscription create(SipEngine engine, SubscriptionRequest request, XcapDocumentStore store,
            Listener listener) {
        Objects.requireNonNull(engine, "engine");
        if (!EVENT.equals(request.event())) {
            throw new IllegalArgumentException("not an xcap-diff request: " + request.event());
        }
        return new XcapDiffSubscription(engine, request, store, listener);
    }

    /** The underlying subscription. */
    public Subscription subscription() {
        return subscription;
    }

    /** Starts it; see {@link Subscription#start()}. */
    public CompletableFuture<Notification> start() {
        return subscription.start();
    }

    /** Ends it; see {@link Subscription#end()}. */
    public CompletableFuture<Void> end() {
        return subscription.end();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;").replace(">", "&gt;");
    }
}
