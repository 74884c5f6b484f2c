/**
 * The facts the rules derive and conclude, beyond the input facts of {@code org.oihkb.model}: the
 * {@link org.oihkb.facts.Conclusion} every rule inserts, and helpers the rules call. Part of the rule
 * language, so public; hosts do not need them.
 */
package org.oihkb.facts;
