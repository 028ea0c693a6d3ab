/**
 * The {@code presencekit} command line ({@link io.presencekit.examples.cli.PresenceKitCli}): raw
 * XCAP access with node selectors (RFC 4825), the address book over XCAP (RFC 4826, RFC 5025,
 * stored as Blink stores it), publication (RFC 3903), presence and resource list subscriptions
 * (RFC 3856, RFC 4662), watcher information (RFC 3857), xcap-diff (RFC 5875), and the alice and
 * bob demo. Every command prints one line per event, or one JSON object per
 * line (RFC 8259) with {@code --json}.
 */
package io.presencekit.examples.cli;
