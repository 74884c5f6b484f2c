package org.oihkb.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oihkb.engine.AssessmentException;
import org.oihkb.engine.MmeEdition;
import org.oihkb.examples.SyntheticPopulation;
import org.oihkb.json.RecordJson;

/**
 * Nothing is lost: a malformed line, a record on which a rule fails and a task that fails on its first attempt
 * each leave exactly one row per input, in {@code patients} or in {@code rejected}.
 */
class FaultsTest {

    /** Tasks failed on purpose, across the retry (local mode: the executor is this JVM). */
    static final AtomicInteger FAILED_ATTEMPTS = new AtomicInteger();

    @TempDir
    Path dir;

    /**
     * Fails the second partition's first attempt after some rows, and fails "a rule" on one record: what an
     * executor lost mid-task and a defect of one rule look like to the job.
     */
    static final class FaultyAssessor implements Assessor {
        private static final long serialVersionUID = 1L;
        private final EngineAssessor engine = new EngineAssessor(MmeEdition.CDC_2022);
        private final String failingPatient;

        FaultyAssessor(String failingPatient) {
            this.failingPatient = failingPatient;
        }

        @Override
        public org.oihkb.model.Assessment assess(org.oihkb.model.PatientRecord record) {
            TaskContext task = TaskContext.get();
            if (task.partitionId() == 1 && task.attemptNumber() == 0 && record.patient().id().endsWith("5")) {
                FAILED_ATTEMPTS.incrementAndGet();
                throw new IllegalStateException("executor lost (test)");
            }
            if (record.patient().id().equals(failingPatient)) {
                throw new AssessmentException("a rule failed while assessing a record in rule \"TEST-001 Fails\": "
                        + "NullPointerException", new NullPointerException());
            }
            return engine.assess(record);
        }
    }

    @Test
    void everyInputIsAssessedOrRejectedOnceEvenWhenATaskIsRetried() throws Exception {
        SyntheticPopulation population = new SyntheticPopulation(3, SyntheticPopulation.Size.SMALL);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            lines.add(RecordJson.reader().toJsonLine(population.record(i)));
        }
        String failing = population.record(17).patient().id();
        lines.set(40, "{\"format\": 1, \"asOf\": \"2025-03-01\", \"patient\": {\"id\": \"x\"}, \"doses\": [");
        lines.set(90, "");
        lines.set(120, "{\"format\": 1, \"patient\": {\"id\": \"x\"}}");
        Path input = dir.resolve("in.jsonl");
        Files.write(input, lines, StandardCharsets.UTF_8);

        SparkSession spark = SparkTestSession.get();
        Path out = dir.resolve("out");
        FAILED_ATTEMPTS.set(0);
        OihSparkJob.Result result = OihSparkJob.run(spark, OihSparkJob.Options.parse("--input", input.toString(),
                "--output", out.toString(), "--partitions", "4"), new FaultyAssessor(failing));

        assertThat(FAILED_ATTEMPTS.get()).as("the first attempt failed, so Spark retried it").isEqualTo(1);
        assertThat(result.countsAddUp()).isTrue();
        assertThat(result.summary().input()).isEqualTo(199);
        assertThat(result.summary().assessed()).isEqualTo(196);
        assertThat(result.summary().rejected()).isEqualTo(3);

        List<Row> patients = spark.read().parquet(out.resolve("patients").toString()).collectAsList();
        Set<Long> assessedLines = new HashSet<>();
        patients.forEach(p -> assertThat(assessedLines.add(p.getAs("line"))).isTrue());
        assertThat(assessedLines).hasSize(196).doesNotContain(18L, 41L, 91L, 121L);

        Map<Long, String> rejected = new HashMap<>();
        for (Row r : spark.read().parquet(out.resolve("rejected").toString()).collectAsList()) {
            assertThat(r.isNullAt(r.fieldIndex("patientId"))).isTrue();
            rejected.put(r.getAs("line"), r.getAs("reason"));
        }
        assertThat(rejected).containsOnlyKeys(18L, 41L, 121L);
        assertThat(rejected.get(18L)).isEqualTo(
                "a rule failed while assessing a record in rule \"TEST-001 Fails\": NullPointerException");
        assertThat(rejected.get(41L)).isEqualTo("malformed input at line 1, column 71: Unexpected end-of-input: expected "
                + "close marker for Array (start marker at line 1, column 70)");
        assertThat(rejected.get(121L)).isEqualTo("asOf is required (a date, YYYY-MM-DD), was missing");

        String csv = Files.readString(out.resolve("summary/summary.csv"));
        assertThat(csv).startsWith("section,key,count\ntotal,input,199\ntotal,assessed,196\ntotal,rejected,3\n");
        long byConclusion = csv.lines().filter(l -> l.startsWith("conclusion,"))
                .mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(',') + 1))).sum();
        assertThat(byConclusion).isEqualTo(196);
        long byBand = csv.lines().filter(l -> l.startsWith("mmeBand,"))
                .mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(',') + 1))).sum();
        assertThat(byBand).isEqualTo(196);

        String html = Files.readString(out.resolve("summary/summary.html"));
        assertThat(html).contains("<svg", "Patients by conclusion", "196");
        assertThat(html).doesNotContain("<script", "src=", "href=", "@import", "url(");
    }

    @Test
    void anExistingOutputIsKeptUnlessOverwriteIsGiven() throws Exception {
        Path input = dir.resolve("one.jsonl");
        Files.writeString(input, RecordJson.reader().toJsonLine(
                new SyntheticPopulation(1, SyntheticPopulation.Size.SMALL).record(0)) + "\n");
        Path out = dir.resolve("out");
        SparkSession spark = SparkTestSession.get();
        OihSparkJob.Options options = OihSparkJob.Options.parse("--input", input.toString(), "--output",
                out.toString());
        Files.createDirectories(out.resolve("patients"));
        assertThatThrownBy(() -> OihSparkJob.run(spark, options, new EngineAssessor(MmeEdition.CDC_2022)))
                .hasMessageContaining("already exists");
        OihSparkJob.Result again = OihSparkJob.run(spark, OihSparkJob.Options.parse("--input", input.toString(),
                "--output", out.toString(), "--overwrite"), new EngineAssessor(MmeEdition.CDC_2022));
        assertThat(again.summary().input()).isEqualTo(1);
        assertThat(again.summary().assessed()).isEqualTo(1);
    }
}
