package io.presencekit.sip.event;

import io.presencekit.sip.SipException;
import io.presencekit.sip.SubscriptionEnd;
import io.presencekit.sip.SubscriptionListener;
import io.presencekit.sip.SubscriptionState;
import java.time.Duration;
import java.util.Optional;

/** Passes the plain subscription calls on to a package listener; packages override {@code notified}. */
abstract class Forwarder implements SubscriptionListener {
    private final SubscriptionListener target;

    Forwarder(SubscriptionListener target) {
        this.target = target;
    }

    @Override
    public void accepted(int status, boolean newDialog, java.util.Map<String, java.util.List<String>> headers) {
        target.accepted(status, newDialog, headers);
    }

    @Override
    public void stateChanged(SubscriptionState previous, SubscriptionState current) {
        target.stateChanged(previous, current);
    }

    @Override
    public void failed(SipException error, Optional<Duration> retryIn) {
        target.failed(error, retryIn);
    }

    @Override
    public void ended(SubscriptionEnd reason, Optional<SipException> error) {
        target.ended(reason, error);
    }
}
