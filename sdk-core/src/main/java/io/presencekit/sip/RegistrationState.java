package io.presencekit.sip;

/** Where a {@link Registration} stands. Immutable. */
public enum RegistrationState {
    /** Not registered yet, or unregistered. */
    UNREGISTERED,
    /** A REGISTER is on its way. */
    REGISTERING,
    /** The registrar accepted the binding; see {@link RegistrationInfo}. */
    REGISTERED,
    /** The last attempt failed; a retry is scheduled with back-off. */
    FAILED,
    /** Authentication failed: no retry until the account changes. */
    AUTHENTICATION_FAILED
}
