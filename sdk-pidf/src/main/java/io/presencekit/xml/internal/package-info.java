/** Implementation of the XML foundation; not an API, other modules do not import it. */
package io.presencekit.xml.internal;
