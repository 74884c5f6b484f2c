/**
 * Embedding examples: small classes a developer can copy, each run by a test in {@code mvn verify}.
 */
package org.oihkb.examples;
