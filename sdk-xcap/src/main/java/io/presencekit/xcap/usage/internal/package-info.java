/**
 * Plumbing shared by the XCAP document codecs (parser set-up, reading rules, namespace
 * collection for writers); not an API.
 */
package io.presencekit.xcap.usage.internal;
