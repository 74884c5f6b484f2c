package org.oihkb.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Compares a job's output with {@code oih screen} on the same JSON Lines file, line for line: the same lines
 * assessed, with the same record, conclusion, findings, options, data-quality notes and current MME, and the
 * same lines rejected for the same reasons. Used by the tests and by {@code bench/spark.sh} on large populations:
 * {@code java -cp oih-spark.jar org.oihkb.spark.ScreenComparison RECORDS.jsonl SCREEN.jsonl ERRORS.jsonl OUT}.
 *
 * @param assessed lines both assessed
 * @param rejected lines both rejected
 * @param differences the first differences found (at most {@link #MAX_REPORTED}), each naming its line
 * @param differenceCount every difference found
 */
public record ScreenComparison(long assessed, long rejected, List<String> differences, long differenceCount) {

    /** Differences listed in full; the rest are only counted. */
    public static final int MAX_REPORTED = 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Whether the two agree on every line. */
    public boolean same() {
        return differenceCount == 0;
    }

    /** Compares; {@code output} is the job's {@code --output} folder. */
    public static ScreenComparison compare(SparkSession spark, Path records, Path screenOut, Path screenErrors,
                                           String output) throws IOException {
        Map<Long, String> screenRejected = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(screenErrors, StandardCharsets.UTF_8)) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                JsonNode e = JSON.readTree(l);
                screenRejected.put(e.get("line").asLong(), e.get("error").asText());
            }
        }
        // oih screen writes assessments in input order and rejections with their line: pair them up again
        Map<Long, String> screenAssessed = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(records, StandardCharsets.UTF_8);
             BufferedReader out = Files.newBufferedReader(screenOut, StandardCharsets.UTF_8)) {
            long line = 0;
            for (String l = in.readLine(); l != null; l = in.readLine()) {
                line++;
                if (!l.isBlank() && !screenRejected.containsKey(line)) {
                    String a = out.readLine();
                    if (a == null) {
                        throw new IOException(screenOut + " has fewer assessments than " + records + " has records");
                    }
                    screenAssessed.put(line, key(JSON.readTree(a)));
                }
            }
        }
        Differences diffs = new Differences();
        long assessed = 0;
        Iterator<Row> rows = spark.read().parquet(output + "/patients").toLocalIterator();
        while (rows.hasNext()) {
            Row p = rows.next();
            long line = p.getAs("line");
            String expected = screenAssessed.remove(line);
            String actual = key(p);
            if (expected == null) {
                diffs.add("line " + line + ": assessed by the job, not by oih screen");
            } else if (!expected.equals(actual)) {
                diffs.add("line " + line + ": oih screen " + expected + ", job " + actual);
            } else {
                assessed++;
            }
        }
        screenAssessed.keySet().stream().sorted().forEach(line ->
                diffs.add("line " + line + ": assessed by oih screen, not by the job"));
        long rejected = 0;
        for (Row r : spark.read().parquet(output + "/rejected").collectAsList()) {
            long line = r.getAs("line");
            String expected = screenRejected.remove(line);
            if (!String.valueOf(expected).equals(r.getAs("reason"))) {
                diffs.add("line " + line + ": oih screen rejected " + expected + ", job " + r.getAs("reason"));
            } else {
                rejected++;
            }
        }
        screenRejected.keySet().stream().sorted().forEach(line ->
                diffs.add("line " + line + ": rejected by oih screen, not by the job"));
        return new ScreenComparison(assessed, rejected, diffs.first, diffs.count);
    }


    /** What must agree, from an assessment as oih screen wrote it. */
    private static String key(JsonNode a) {
        List<String> findings = ids(a.get("findings"));
        JsonNode mme = a.get("exposure").get("currentMmePerDay");
        return String.join("|", a.get("recordId").asText(), a.get("patientId").asText(), a.get("asOf").asText(),
                conclusionOf(findings), String.join(",", findings), String.join(",", ids(a.get("options"))),
                String.join(",", withheld(a.get("withheldOptions"))),
                String.join(",", ids(a.get("dataQuality"))),
                mme == null || mme.isNull() ? "null" : Double.toString(mme.asDouble()),
                Boolean.toString(a.get("exposure").get("complete").asBoolean()));
    }

    /** The same, from a row of the job's patients table. */
    static String key(Row p) {
        Object mme = p.getAs("currentMmePerDay");
        return String.join("|", p.<String>getAs("recordId"), p.<String>getAs("patientId"),
                p.getAs("asOf").toString(), p.<String>getAs("conclusion"),
                String.join(",", p.<String>getList(p.fieldIndex("findingIds"))),
                String.join(",", p.<String>getList(p.fieldIndex("optionIds"))),
                String.join(",", p.<String>getList(p.fieldIndex("withheldOptionIds"))),
                String.join(",", p.<String>getList(p.fieldIndex("dataQualityIds"))),
                mme == null ? "null" : Double.toString((Double) mme), String.valueOf(p.<Boolean>getAs("complete")));
    }

    /** The option ids of {@code withheldOptions}, each once. */
    private static List<String> withheld(JsonNode array) {
        List<String> ids = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> ids.add(n.get("optionId").asText()));
        }
        return ids.stream().distinct().toList();
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }

    /** The conclusion as {@link Conclusions} documents it, recomputed from oih screen's finding ids. */
    private static String conclusionOf(List<String> findingIds) {
        for (String id : Conclusions.ORDER) {
            if (findingIds.contains(id)) {
                return id;
            }
        }
        return Conclusions.NONE;
    }

    /** Prints the comparison; exit code 0 when the two agree on every line, 1 otherwise. */
    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: ScreenComparison RECORDS.jsonl SCREEN.jsonl ERRORS.jsonl JOB-OUTPUT");
            System.exit(2);
        }
        SparkSession spark = localSpark();
        ScreenComparison c;
        try {
            c = compare(spark, Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), args[3]);
        } finally {
            spark.stop();
        }
        System.out.println("compare: " + c.assessed() + " assessed and " + c.rejected() + " rejected alike, "
                + c.differenceCount() + " differences");
        c.differences().forEach(d -> System.out.println("compare: " + d));
        System.out.println("same conclusions patient for patient: " + (c.same() ? "yes" : "no"));
        System.exit(c.same() ? 0 : 1);
    }

    /** A local Spark to read the job's tables with (no web UI, loopback only). */
    static SparkSession localSpark() {
        return SparkSession.builder().appName("oih-spark-compare").master("local[2]")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
    }
}
