/**
 * The {@code oih} command-line tool: {@code assess} one record as text or JSON. A thin layer over
 * {@link org.oihkb.engine.OihEngine} and the JSON contract; it adds only rendering and exit codes.
 */
package org.oihkb.cli;
