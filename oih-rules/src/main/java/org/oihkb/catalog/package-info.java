/**
 * The rule catalog: generated from rule metadata, rule-file headers and scenarios, never written by hand.
 */
package org.oihkb.catalog;
