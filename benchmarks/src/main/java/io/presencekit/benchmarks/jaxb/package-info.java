/**
 * The minimal JAXB binding of RFC 3863 PIDF used as the JAXB baseline: presence, tuple, status,
 * note and contact, with every other element kept through {@code @XmlAnyElement(lax = true)} as a
 * DOM element (the usual way to keep extensions with JAXB). Benchmark scaffolding only.
 */
@XmlSchema(namespace = "urn:ietf:params:xml:ns:pidf", elementFormDefault = XmlNsForm.QUALIFIED)
@XmlAccessorType(XmlAccessType.FIELD)
package io.presencekit.benchmarks.jaxb;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
