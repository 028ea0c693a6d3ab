package io.presencekit;

/**
 * Where an address book change came from: this client ({@link #LOCAL}) or another device or
 * application of the same account, learnt through an xcap-diff notification (RFC 5874)
 * ({@link #REMOTE}). Immutable.
 */
public enum Origin {
    LOCAL, REMOTE
}
