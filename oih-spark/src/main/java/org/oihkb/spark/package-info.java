/**
 * Population screening on Apache Spark: {@link org.oihkb.spark.OihSparkJob} reads contract records (JSON Lines)
 * or a FHIR Bulk Data export, assesses every patient with one {@link org.oihkb.engine.OihEngine} per executor JVM,
 * and writes Parquet (patients, findings, rejected) plus a summary for stewardship teams. Nothing is lost: every
 * input is either assessed or rejected with its reason, and the job checks the counts itself.
 */
package org.oihkb.spark;
