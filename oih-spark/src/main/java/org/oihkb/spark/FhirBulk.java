package org.oihkb.spark;

import org.apache.spark.sql.SparkSession;

/** FHIR Bulk Data input: NDJSON files per resource type, grouped by patient with Spark, mapped with oih-fhir. */
final class FhirBulk {

    private FhirBulk() {
    }

    static OihSparkJob.Input outcomes(SparkSession spark, OihSparkJob.Options o, Assessor assessor) {
        throw new UnsupportedOperationException("FHIR input needs oih-fhir");
    }
}
