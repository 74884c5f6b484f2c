/** The peer benchmark: the CDC MME calculator's CQL on the Java CQL engine against oih-fhir plus OIH (bench only). */
package org.oihkb.bench.peer;
