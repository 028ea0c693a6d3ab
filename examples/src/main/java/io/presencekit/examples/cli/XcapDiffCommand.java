package io.presencekit.examples.cli;

import io.presencekit.sip.Notification;
import io.presencekit.sip.SipEngine;
import io.presencekit.sip.SipException;
import io.presencekit.sip.SubscriptionEnd;
import io.presencekit.sip.SubscriptionListener;
import io.presencekit.sip.SubscriptionState;
import io.presencekit.sip.event.XcapDiffSubscription;
import io.presencekit.xcap.XcapClient;
import io.presencekit.xcap.XcapUri;
import io.presencekit.xcap.diff.DocumentChange;
import io.presencekit.xcap.diff.XcapDiff;
import io.presencekit.xcap.usage.ApplicationUsage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;

/**
 * {@code presencekit xcap-diff}: an xcap-diff subscription (RFC 5875) to the account's documents
 * (resource-lists, rls-services, OMA pres-rules, pidf-manipulation, the status icon); every
 * document a notification names (RFC 5874) is reported as an {@code xcap-diff} event: {@code uri}
 * the document's selector, {@code etag} its new ETag (null when it was removed) and
 * {@code previousEtag}.
 */
@Command(name = "xcap-diff", sortOptions = false,
        description = "Print the changes of the account's XCAP documents until interrupted (Ctrl-C).")
final class XcapDiffCommand extends EngineCommand {
    @Override
    Runnable watch(SipEngine engine, String aor, Lifetime life) {
        List<XcapUri> docs;
        try (XcapClient xcap = XcapAccess.open(this, null)) {
            docs = List.of(doc(xcap, ApplicationUsage.RESOURCE_LISTS, aor, "index"),
                    doc(xcap, ApplicationUsage.RLS_SERVICES, aor, "index"),
                    doc(xcap, ApplicationUsage.OMA_PRES_RULES, aor, "index"),
                    doc(xcap, ApplicationUsage.PIDF_MANIPULATION, aor, "index"),
                    xcap.uri().auid(ApplicationUsage.OMA_PRES_CONTENT.auid()).user(aor)
                            .document("oma_status-icon", "index").build());
        }
        EventOutput out = output();
        SubscriptionListener states = subscriptionEvents(out, aor, life);
        XcapDiffSubscription sub = XcapDiffSubscription.create(engine, XcapDiffSubscription.request(aor, docs).build(),
                null, new XcapDiffSubscription.Listener() {
                    @Override
                    public void documentsChanged(XcapDiff diff, Notification notification) {
                        for (DocumentChange c : diff.documentChanges()) {
                            String text = c.sel() + (c.newEtag() == null ? " removed" : " etag " + c.newEtag())
                                    + (c.previousEtag() == null ? "" : " (was " + c.previousEtag() + ")");
                            out.emit(Event.of("xcap-diff", c.sel(), text).with("etag", c.newEtag())
                                    .with("previousEtag", c.previousEtag()));
                        }
                    }

                    @Override
                    public void bodyRejected(Notification notification, RuntimeException error) {
                        out.error(PresenceKitCli.errorEvent(error));
                    }

                    @Override
                    public void stateChanged(SubscriptionState previous, SubscriptionState current) {
                        states.stateChanged(previous, current);
                    }

                    @Override
                    public void failed(SipException error, Optional<Duration> retryIn) {
                        states.failed(error, retryIn);
                    }

                    @Override
                    public void ended(SubscriptionEnd reason, Optional<SipException> error) {
                        states.ended(reason, error);
                    }
                });
        sub.start().exceptionally(e -> null);
        return () -> quietly(sub.end());
    }

    private static XcapUri doc(XcapClient xcap, ApplicationUsage<?> usage, String aor, String name) {
        return xcap.uri().auid(usage.auid()).user(aor).document(name).build();
    }
}
