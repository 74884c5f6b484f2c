/**
 * The public API: {@link org.oihkb.engine.OihEngine} (create once, share, {@code assess(record)}),
 * its {@link org.oihkb.engine.Config} of thresholds, the {@link org.oihkb.engine.MmeEdition} and the
 * {@link org.oihkb.engine.RuleInfo} metadata of each rule. The {@code internal} package holds the
 * arithmetic the rules build on (MME table, dose series) and is not for hosts.
 */
package org.oihkb.engine;
