/**
 * JMH benchmarks for the PIDF codec (RFC 3863 with the RFC 4479 data model and the Blink
 * extensions), measured against a Woodstox token scan (the floor), the JDK DOM and JAXB, the
 * baselines of the team's performance anchors. Main code packed into {@code benchmarks.jar} and run
 * on demand; see {@code benchmarks/README.md}.
 */
package io.presencekit.benchmarks;
