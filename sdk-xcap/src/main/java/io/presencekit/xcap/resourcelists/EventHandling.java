package io.presencekit.xcap.resourcelists;

import java.util.Objects;

/**
 * The {@code presence} or {@code dialog} element of an AG Projects address book contact or policy
 * element: the authorization policy for watchers from the contact's URIs, and whether the user
 * subscribes to the contact (through the RLS). Immutable.
 *
 * @param policy    allow, block or default
 * @param subscribe whether to subscribe to this contact's state
 */
public record EventHandling(HandlingPolicy policy, boolean subscribe) {
    /** What python-sipsimple writes for a new contact: the default policy, no subscription. */
    public static final EventHandling DEFAULT = new EventHandling(HandlingPolicy.DEFAULT, false);

    public EventHandling {
        Objects.requireNonNull(policy, "policy");
    }
}
