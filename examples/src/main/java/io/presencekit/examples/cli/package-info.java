/**
 * The {@code presencekit} command line ({@link io.presencekit.examples.cli.PresenceKitCli}): raw
 * XCAP access with node selectors (RFC 4825) and the address book over XCAP (RFC 4826, RFC 5025,
 * stored as Blink stores it). Every command prints one line per event, or one JSON object per
 * line (RFC 8259) with {@code --json}.
 */
package io.presencekit.examples.cli;
