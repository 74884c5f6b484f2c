package org.oihkb.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oihkb.cli.OihCli;
import org.oihkb.engine.MmeEdition;

/**
 * The Spark job and {@code oih screen} on the same generated population (1% malformed lines) give, line for
 * line, the same assessments (conclusion, findings, options, MME) and the same rejections.
 */
class ScreenComparisonTest {

    @TempDir
    Path dir;

    @Test
    void sameConclusionsAsOihScreenPatientForPatient() throws Exception {
        Path records = dir.resolve("population.jsonl");
        assertThat(OihCli.run("generate", "2000", "--seed", "7", "--malformed-every", "100", "--out",
                records.toString())).isZero();
        Path screened = dir.resolve("screen.jsonl");
        Path errors = dir.resolve("screen-errors.jsonl");
        assertThat(OihCli.run("screen", records.toString(), "--threads", "2", "--out", screened.toString(),
                "--errors", errors.toString())).isEqualTo(1);

        SparkSession spark = SparkTestSession.get();
        String out = dir.resolve("out").toString();
        OihSparkJob.Result result = OihSparkJob.run(spark, OihSparkJob.Options.parse("--input", records.toString(),
                "--output", out, "--partitions", "3"), new EngineAssessor(MmeEdition.CDC_2022));

        assertThat(result.countsAddUp()).isTrue();
        assertThat(result.summary().input()).isEqualTo(2000);
        assertThat(result.summary().assessed()).isEqualTo(1980);
        assertThat(result.summary().rejected()).isEqualTo(20);

        ScreenComparison c = ScreenComparison.compare(spark, records, screened, errors, out);
        assertThat(c.differences()).isEmpty();
        assertThat(c.differenceCount()).isZero();
        assertThat(c.assessed()).isEqualTo(1980);
        assertThat(c.rejected()).isEqualTo(20);

        // the population is varied enough for the comparison to mean something
        assertThat(result.summary().byConclusion()).hasSizeGreaterThanOrEqualTo(3);
        Map<String, Long> findingsTable = new HashMap<>();
        for (Row r : spark.read().parquet(out + "/findings").select("line", "findingId").distinct().groupBy("findingId").count().collectAsList()) {
            findingsTable.put(r.getString(0), r.getLong(1));
        }
        assertThat(findingsTable).isEqualTo(result.summary().byFinding());
    }
}
