package org.oihkb.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oihkb.cli.OihCli;
import org.oihkb.engine.MmeEdition;

/**
 * {@code --format fhir} on an export from {@code oih generate --format fhir-bulk}: patient for patient the same
 * assessments as the one-JVM path (FhirRecords, then the engine as in {@code oih screen}), with every fault the
 * export holds in {@code rejected} and input = assessed + rejected, also when a task fails its first attempt.
 */
class FhirBulkTest {

    @TempDir
    Path dir;

    @Test
    void sameConclusionsAsTheOneJvmPathPatientForPatient() throws Exception {
        Path export = dir.resolve("export");
        // every 40th patient has a fault, in turn: 39 and 199 a line that is not JSON, 79 and 239 a negative dose,
        // 119 no Patient resource, 159 a pain score that is not a number
        assertThat(OihCli.run("generate", "240", "--seed", "3", "--format", "fhir-bulk", "--malformed-every", "40",
                "--out", export.toString())).isZero();

        SparkSession spark = SparkTestSession.get();
        String out = dir.resolve("out").toString();
        FaultsTest.FAILED_ATTEMPTS.set(0);
        OihSparkJob.Result result = OihSparkJob.run(spark, OihSparkJob.Options.parse("--format", "fhir", "--input",
                export.toString(), "--as-of", "2025-03-01", "--output", out, "--partitions", "3"),
                new FaultsTest.FaultyAssessor("no such patient"));

        assertThat(FaultsTest.FAILED_ATTEMPTS.get()).as("the first attempt failed, so Spark retried it").isEqualTo(1);
        assertThat(result.countsAddUp()).isTrue();
        assertThat(result.summary().input()).isEqualTo(242);
        assertThat(result.summary().assessed()).isEqualTo(236);
        assertThat(result.summary().rejected()).isEqualTo(6);

        Map<String, String> rejected = new HashMap<>();
        List<String> unattributed = new java.util.ArrayList<>();
        for (Row r : spark.read().parquet(out + "/rejected").collectAsList()) {
            if (r.isNullAt(r.fieldIndex("patientId"))) {
                unattributed.add(r.getAs("reason"));
            } else {
                rejected.put(r.getAs("patientId"), r.getAs("reason"));
            }
        }
        assertThat(rejected).containsOnlyKeys("synthetic-79", "synthetic-119", "synthetic-159", "synthetic-239");
        assertThat(rejected.get("synthetic-79")).isEqualTo("MedicationRequest/synthetic-79-d0.dosageInstruction[0]"
                + ".doseAndRate[0].doseQuantity.value: a dose must be > 0 (found -5 mg)");
        assertThat(rejected.get("synthetic-119")).matches("Patient/synthetic-119: no Patient resource in the export; "
                + "\\d+ resources name it \\(MedicationRequest.ndjson line \\d+, MedicationRequest.ndjson line \\d+, "
                + "MedicationRequest.ndjson line \\d+, \\.\\.\\.\\)");
        assertThat(rejected.get("synthetic-159")).matches("Observation.ndjson line \\d+: resource: is not valid FHIR "
                + "R4 JSON: .*seven.*");
        assertThat(unattributed).hasSize(2).allMatch(r -> r.matches("Observation.ndjson line \\d+: input: is not "
                + "JSON: .*"));

        FhirComparison c = FhirComparison.compare(spark, export, java.time.LocalDate.of(2025, 3, 1),
                MmeEdition.CDC_2022, out);
        assertThat(c.differences()).isEmpty();
        assertThat(c.differenceCount()).isZero();
        assertThat(c.assessed()).isEqualTo(236);
        assertThat(c.rejected()).isEqualTo(6);

        // the population is varied enough for the comparison to mean something
        assertThat(result.summary().byConclusion()).hasSizeGreaterThanOrEqualTo(3);
        List<Row> patients = spark.read().parquet(out + "/patients").collectAsList();
        assertThat(patients).hasSize(236).allMatch(p -> p.isNullAt(p.fieldIndex("line"))
                && p.<String>getAs("sourceId").equals(p.getAs("patientId")));
    }

    @Test
    void aMedicationResourceIsJoinedToThePatientsThatNameIt() throws Exception {
        Path export = Files.createDirectories(dir.resolve("meds"));
        org.oihkb.fhir.FhirRecords fhir = org.oihkb.fhir.FhirRecords.create();
        java.time.LocalDate asOf = java.time.LocalDate.of(2025, 3, 1);
        try (org.oihkb.fhir.FhirBulkWriter w = org.oihkb.fhir.FhirBulkWriter.create(fhir, export)) {
            for (String id : List.of("a", "b")) {
                org.oihkb.model.PatientRecord r = org.oihkb.model.PatientRecord.builder(asOf,
                                org.oihkb.model.Patient.of(id))
                        .dose(org.oihkb.model.DoseEvent.builder().id("oxy").drug(org.oihkb.model.Drug.OXYCODONE)
                                .route(org.oihkb.model.Route.ORAL).dailyDose(40).unit(org.oihkb.model.DoseUnit.MG)
                                .start(asOf.minusDays(100)).build()).build();
                for (org.hl7.fhir.r4.model.Resource res : org.oihkb.fhir.FhirBulkWriter.resources(r)) {
                    if (res instanceof org.hl7.fhir.r4.model.MedicationRequest m) {
                        // the product moves into a Medication of its own, named by reference
                        w.write(new org.hl7.fhir.r4.model.Medication().setCode(m.getMedicationCodeableConcept())
                                .setId("med-" + id));
                        m.setMedication(new org.hl7.fhir.r4.model.Reference("Medication/med-" + id));
                    }
                    w.write(res);
                }
            }
            w.write(new org.hl7.fhir.r4.model.Medication().setId("nobody"));
        }
        SparkSession spark = SparkTestSession.get();
        String out = dir.resolve("meds-out").toString();
        OihSparkJob.Result result = OihSparkJob.run(spark, OihSparkJob.Options.parse("--format", "fhir", "--input",
                export.toString(), "--as-of", "2025-03-01", "--output", out), new EngineAssessor(MmeEdition.CDC_2022));
        assertThat(result.countsAddUp()).isTrue();
        assertThat(result.summary().input()).isEqualTo(2);
        assertThat(result.summary().assessed()).isEqualTo(2);
        for (Row p : spark.read().parquet(out + "/patients").collectAsList()) {
            assertThat(p.<Double>getAs("currentMmePerDay")).as(p.<String>getAs("patientId")).isEqualTo(60.0);
            // only the missing birth date: no FHIR-004 "refers to Medication/..., which is not in the input"
            assertThat(p.<String>getList(p.fieldIndex("dataQualityIds"))).as(p.<String>getAs("patientId"))
                    .containsExactly("FHIR-007");
        }
        FhirComparison c = FhirComparison.compare(spark, export, java.time.LocalDate.of(2025, 3, 1),
                MmeEdition.CDC_2022, out);
        assertThat(c.differences()).isEmpty();
        assertThat(c.assessed()).isEqualTo(2);
    }

    @Test
    void anExportWithoutNdjsonIsRefusedByName() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("manifest.json"), "{}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OihSparkJob.run(SparkTestSession.get(),
                OihSparkJob.Options.parse("--format", "fhir", "--input", empty.toString(), "--as-of", "2025-03-01",
                        "--output", dir.resolve("o").toString()), new EngineAssessor(MmeEdition.CDC_2022)))
                .hasMessage("--input " + empty + " holds no .ndjson files: a FHIR Bulk Data export is a folder of "
                        + "NDJSON files, one resource a line");
    }
}
