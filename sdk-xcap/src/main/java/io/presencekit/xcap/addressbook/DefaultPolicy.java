package io.presencekit.xcap.addressbook;

import io.presencekit.xcap.policy.SubHandling;

/**
 * What the presence server does with a watcher that is neither a contact nor covered by a
 * {@link WatcherPolicy}: the {@code sub-handling} (RFC 5025, section 3.2.1) of the rule Blink calls
 * {@code wp_prs_unlisted} (or {@code wp_prs_allow_unlisted} for {@link #ALLOW}).
 */
public enum DefaultPolicy {
    /** Unlisted watchers see presence ({@code wp_prs_allow_unlisted}). */
    ALLOW(SubHandling.ALLOW),
    /** Unlisted watchers wait for the user's decision (the default). */
    CONFIRM(SubHandling.CONFIRM),
    /** Unlisted watchers are accepted but shown nothing useful (see the report on Kamailio). */
    POLITE_BLOCK(SubHandling.POLITE_BLOCK),
    /** Unlisted watchers are rejected. */
    BLOCK(SubHandling.BLOCK);

    private final SubHandling subHandling;

    DefaultPolicy(SubHandling subHandling) {
        this.subHandling = subHandling;
    }

    /** The sub-handling action of the default rule. */
    public SubHandling subHandling() {
        return subHandling;
    }

    /** The default policy for a sub-handling value. */
    public static DefaultPolicy of(SubHandling subHandling) {
        for (DefaultPolicy p : values()) {
            if (p.subHandling == subHandling) {
                return p;
            }
        }
        throw new IllegalArgumentException(String.valueOf(subHandling));
    }
}
