/**
 * Scenario files for rule authors and CI: YAML records with dates relative to {@code asOf} and the rule
 * ids that must fire and stay silent. Read by the JUnit test factory of this module and by
 * {@code oih scenarios}. Needs {@code jackson-dataformat-yaml}, an optional dependency of this module.
 */
package org.oihkb.scenario;
