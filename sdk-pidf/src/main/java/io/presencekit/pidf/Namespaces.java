package io.presencekit.pidf;

/**
 * Namespace URIs of the presence formats, with the prefixes PresenceKit writes for them (the
 * ones Blink and SylkServer use, so that documents look familiar on the wire).
 */
public final class Namespaces {
    private Namespaces() {
    }

    /** RFC 3863 PIDF; written as the default namespace. */
    public static final String PIDF = "urn:ietf:params:xml:ns:pidf";
    /** RFC 4479 data model ({@code dm}). */
    public static final String DATA_MODEL = "urn:ietf:params:xml:ns:pidf:data-model";
    /** RFC 4480 RPID ({@code rpid}). */
    public static final String RPID = "urn:ietf:params:xml:ns:pidf:rpid";
    /** RFC 4482 CIPID ({@code c}). */
    public static final String CIPID = "urn:ietf:params:xml:ns:pidf:cipid";
    /** RFC 5196 capabilities ({@code caps}). */
    public static final String CAPS = "urn:ietf:params:xml:ns:pidf:caps";
    /** RFC 4481 timed status ({@code ts}). */
    public static final String TIMED_STATUS = "urn:ietf:params:xml:ns:pidf:timed-status";
    /** AG Projects PIDF extensions: extended status, status type, device-info ({@code agp-pidf}). */
    public static final String AGP_PIDF = "urn:ag-projects:xml:ns:pidf";
    /** AG Projects capability extensions ({@code agp-caps}). */
    public static final String AGP_CAPS = "urn:ag-projects:xml:ns:pidf:caps";
    /** RFC 3858 watcher information; written as the default namespace. */
    public static final String WATCHERINFO = "urn:ietf:params:xml:ns:watcherinfo";
    /** RFC 4589 location types, used inside RPID place-type ({@code lt}). */
    public static final String LOCATION_TYPE = "urn:ietf:params:xml:ns:location-type";
}
