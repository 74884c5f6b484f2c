/**
 * Embedding recipes, each small enough to copy and each run by a test: a one-off assessment, a service
 * sharing one engine across threads, custom thresholds, edited rules from a directory, and mapping a host's
 * own objects to the facts.
 */
package org.oihkb.examples.recipes;
