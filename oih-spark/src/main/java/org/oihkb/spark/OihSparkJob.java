package org.oihkb.spark;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.oihkb.engine.AssessmentException;
import org.oihkb.engine.MmeEdition;
import org.oihkb.json.RecordJson;
import org.oihkb.model.Assessment;
import org.oihkb.model.InvalidRecordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * {@code oih-spark}: screens a population on Spark. Reads contract records as JSON Lines (the {@code oih screen}
 * format) or a FHIR Bulk Data export, assesses each with one engine per executor JVM, and writes under
 * {@code --output}: {@code patients/}, {@code findings/} and {@code rejected/} (Parquet) and {@code summary/}
 * (CSV and HTML). The job reads its own output back and fails unless input = assessed + rejected.
 *
 * <pre>
 * java -jar oih-spark.jar --input population.jsonl --output out/ --master local[2]
 * spark-submit --class org.oihkb.spark.OihSparkJob oih-spark-submit.jar --input ... --output ...
 * java -jar oih-spark.jar --format fhir --input export/ --as-of 2025-03-01 --output out/ --master local[2]
 * </pre>
 */
public final class OihSparkJob {

    private static final Logger LOG = LoggerFactory.getLogger(OihSparkJob.class);

    /** Exit codes, as {@code oih screen}: 0 all assessed, 1 some rejected, 2 bad usage, 3 counts do not add up. */
    static final int OK = 0;
    static final int SOME_REJECTED = 1;
    static final int USAGE = 2;
    static final int COUNTS_DIFFER = 3;

    /** Longest JSON Lines line accepted, in characters: the record reader's own limit, as in {@code oih screen}. */
    static final int MAX_LINE_CHARS = (int) RecordJson.MAX_DOCUMENT_CHARS;

    private static final String USAGE_TEXT = """
            usage: oih-spark --input PATH --output DIR [--format records|fhir] [--as-of YYYY-MM-DD]
                             [--master URL] [--partitions N] [--edition cdc-2022|cdc-2016] [--overwrite]
              --input       JSON Lines records (a file or folder), or a FHIR Bulk Data export folder (*.ndjson)
              --output      folder for patients/, findings/, rejected/ (Parquet) and summary/ (CSV, HTML)
              --format      records (default) or fhir
              --as-of       the date to assess FHIR data for (required with --format fhir)
              --master      Spark master, e.g. local[2]; leave out under spark-submit
              --partitions  input partitions (default: Spark's split of the input)
              --edition     MME conversion table (default cdc-2022)
              --overwrite   replace an existing output folder
            """;

    /** Input formats. */
    public enum Format { RECORDS, FHIR }

    /**
     * What to screen and where to write.
     *
     * @param input the input path (any Hadoop file system)
     * @param output the output folder
     * @param format records or FHIR
     * @param asOf the assessment date for FHIR input, else {@code null}
     * @param master the Spark master, or {@code null} to take it from spark-submit
     * @param partitions input partitions, or {@code null} for Spark's default
     * @param edition the MME table
     * @param overwrite whether an existing output folder is replaced
     */
    public record Options(String input, String output, Format format, LocalDate asOf, String master,
                          Integer partitions, MmeEdition edition, boolean overwrite) {

        /** Parses the command line; the message of the exception says which argument is wrong and why. */
        public static Options parse(String... args) {
            Map<String, String> values = new LinkedHashMap<>();
            boolean overwrite = false;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--overwrite")) {
                    overwrite = true;
                } else if (List.of("--input", "--output", "--format", "--as-of", "--master", "--partitions",
                        "--edition").contains(a)) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(a + " needs a value");
                    }
                    values.put(a, args[++i]);
                } else {
                    throw new IllegalArgumentException("unknown argument: " + a);
                }
            }
            String input = values.get("--input");
            String output = values.get("--output");
            if (input == null || output == null) {
                throw new IllegalArgumentException("--input and --output are required");
            }
            Format format = switch (values.getOrDefault("--format", "records")) {
                case "records" -> Format.RECORDS;
                case "fhir" -> Format.FHIR;
                default -> throw new IllegalArgumentException("--format must be records or fhir, was "
                        + values.get("--format"));
            };
            LocalDate asOf = null;
            if (values.containsKey("--as-of")) {
                try {
                    asOf = LocalDate.parse(values.get("--as-of"));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("--as-of must be a date YYYY-MM-DD, was "
                            + values.get("--as-of"), e);
                }
            }
            if (format == Format.FHIR && asOf == null) {
                throw new IllegalArgumentException("--as-of is required with --format fhir: FHIR data has no "
                        + "assessment date of its own, and the wall clock is never used");
            }
            Integer partitions = null;
            if (values.containsKey("--partitions")) {
                try {
                    partitions = Integer.parseInt(values.get("--partitions"));
                } catch (NumberFormatException e) {
                    partitions = -1;
                }
                if (partitions < 1 || partitions > 100_000) {
                    throw new IllegalArgumentException("--partitions must be a whole number from 1 to 100000, was "
                            + values.get("--partitions"));
                }
            }
            MmeEdition edition = MmeEdition.CDC_2022;
            if (values.containsKey("--edition")) {
                try {
                    edition = MmeEdition.fromCode("--edition", values.get("--edition"));
                } catch (InvalidRecordException e) {
                    throw new IllegalArgumentException(e.getMessage(), e);
                }
            }
            return new Options(input, output, format, asOf, values.get("--master"), partitions, edition, overwrite);
        }
    }

    /**
     * What a run did.
     *
     * @param summary the counts, as written to {@code summary/}
     * @param countsAddUp whether input = assessed + rejected, counted from the written tables
     */
    public record Result(Summary summary, boolean countsAddUp) {
    }

    private OihSparkJob() {
    }

    /** Runs the job from the command line and exits with one of the codes above. */
    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("oih-spark: " + e.getMessage());
            System.err.print(USAGE_TEXT);
            System.exit(USAGE);
            return;
        }
        SparkSession.Builder builder = SparkSession.builder().appName("oih-spark");
        if (options.master() != null) {
            builder.master(options.master());
            if (options.master().startsWith("local")) {
                // one JVM: no web UI, and the driver listens on loopback only
                builder.config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                        .config("spark.driver.bindAddress", "127.0.0.1");
            }
        }
        SparkSession spark = builder.getOrCreate();
        int code;
        try {
            long start = System.nanoTime();
            Result r = run(spark, options, new EngineAssessor(options.edition()));
            Summary s = r.summary();
            System.out.printf(Locale.ROOT, "oih-spark: %d input = %d assessed + %d rejected%s in %.1f s%n",
                    s.input(), s.assessed(), s.rejected(), r.countsAddUp() ? "" : " (DO NOT ADD UP)",
                    (System.nanoTime() - start) / 1e9);
            System.out.println("oih-spark: by conclusion " + s.byConclusion());
            System.out.println("oih-spark: written to " + options.output());
            code = !r.countsAddUp() ? COUNTS_DIFFER : s.rejected() > 0 ? SOME_REJECTED : OK;
        } finally {
            spark.stop();
        }
        System.exit(code);
    }

    /**
     * Screens the input and writes every output. Deterministic: the same input gives the same rows, so a task
     * that Spark runs again writes what the failed attempt would have written.
     */
    public static Result run(SparkSession spark, Options o, Assessor assessor) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Input in = switch (o.format()) {
            case RECORDS -> records(jsc, o, assessor);
            case FHIR -> FhirBulk.outcomes(spark, o, assessor);
        };
        Dataset<Row> outcomes = spark.createDataFrame(in.outcomes(), Outcomes.SCHEMA)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            SaveMode mode = o.overwrite() ? SaveMode.Overwrite : SaveMode.ErrorIfExists;
            Dataset<Row> assessed = outcomes.filter(col("status").equalTo(Outcomes.ASSESSED));
            assessed.select("line", "sourceId", "recordId", "patientId", "asOf", "currentMmePerDay", "complete",
                            "conclusion", "findingIds", "optionIds", "withheldOptionIds", "regimenWarnings",
                            "dataQualityIds")
                    .write().mode(mode).partitionBy("conclusion").parquet(path(o, "patients"));
            assessed.select(col("recordId"), col("patientId"), col("line"), col("sourceId"),
                            explode(col("findings")).as("f"))
                    .select(col("recordId"), col("patientId"), col("line"), col("sourceId"),
                            col("f.id").as("findingId"), col("f.title").as("title"),
                            col("f.indicator").as("indicator"), col("f.summary").as("summary"),
                            col("f.evidence").as("evidence"), col("f.sources").as("sources"),
                            col("f.criteriaMet").as("criteriaMet"), col("f.criteriaNotMet").as("criteriaNotMet"))
                    .write().mode(mode).parquet(path(o, "findings"));
            outcomes.filter(col("status").equalTo(Outcomes.REJECTED))
                    .select(col("line"), col("sourceId").as("patientId"), col("reason"))
                    .write().mode(mode).parquet(path(o, "rejected"));
        } finally {
            outcomes.unpersist();
        }
        Summary summary = summarise(spark, o, in.count());
        boolean addUp = summary.input() == summary.assessed() + summary.rejected();
        writeText(spark, path(o, "summary") + "/summary.csv", summary.toCsv());
        writeText(spark, path(o, "summary") + "/summary.html", summary.toHtml("OIH population screen"));
        if (!addUp) {
            LOG.error("input {} is not assessed {} + rejected {}", summary.input(), summary.assessed(),
                    summary.rejected());
        }
        return new Result(summary, addUp);
    }

    /**
     * The rows of one input source and how many inputs it has, counted apart from the rows.
     *
     * @param outcomes one row per input
     * @param count inputs, counted independently of the assessment
     */
    record Input(JavaRDD<Row> outcomes, long count) {
    }

    private static Input records(JavaSparkContext jsc, Options o, Assessor assessor) {
        JavaRDD<String> text = o.partitions() == null ? jsc.textFile(o.input()) : jsc.textFile(o.input(),
                o.partitions());
        // blank lines are not records, as in oih screen
        long count = text.filter(l -> !l.isBlank() && !l.equals("\uFEFF")).count();
        JavaRDD<Row> rows = text.zipWithIndex().mapPartitions(it -> new Iterator<Row>() {
            private Row next = advance();

            private Row advance() {
                while (it.hasNext()) {
                    Tuple2<String, Long> t = it.next();
                    Row r = assessLine(t._2() + 1, t._1(), assessor);
                    if (r != null) {
                        return r;
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Row next() {
                Row r = next;
                next = advance();
                return r;
            }
        });
        return new Input(rows, count);
    }

    /** The outcome of one JSON Lines line, or {@code null} for a blank line. */
    static Row assessLine(long line, String text, Assessor assessor) {
        String json = line == 1 && text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (json.isBlank()) {
            return null;
        }
        if (json.length() > MAX_LINE_CHARS) {
            return Outcomes.rejected(line, null, "line longer than " + MAX_LINE_CHARS + " characters");
        }
        try {
            RecordJson.ReadResult read = RecordJson.reader().read(json);
            Assessment a = assessor.assess(read.record()).withDataQuality(read.warnings());
            return Outcomes.assessed(line, null, a);
        } catch (InvalidRecordException | AssessmentException e) {
            return Outcomes.rejected(line, null, e.getMessage());
        }
    }

    private static Summary summarise(SparkSession spark, Options o, long input) {
        Dataset<Row> patients = spark.read().parquet(path(o, "patients"));
        long rejected = spark.read().parquet(path(o, "rejected")).count();
        Map<String, Long> conclusions = new TreeMap<>((a, b) -> rank(a) - rank(b));
        for (Row r : patients.groupBy("conclusion").count().collectAsList()) {
            conclusions.put(r.getString(0), r.getLong(1));
        }
        long assessed = conclusions.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> findings = new TreeMap<>();
        for (Row r : patients.select(explode(array_distinct(col("findingIds"))).as("id")).groupBy("id").count().collectAsList()) {
            findings.put(r.getString(0), r.getLong(1));
        }
        Map<String, Long> bands = new LinkedHashMap<>();
        Summary.BANDS.forEach(b -> bands.put(b, 0L));
        long lowerBounds = 0;
        for (Row r : patients.groupBy("currentMmePerDay", "complete").count().collectAsList()) {
            Double mme = r.isNullAt(0) ? null : r.getDouble(0);
            bands.merge(Summary.band(mme), r.getLong(2), Long::sum);
            if (mme != null && !r.isNullAt(1) && !r.getBoolean(1)) {
                lowerBounds += r.getLong(2);
            }
        }
        return new Summary(input, assessed, rejected, conclusions, findings, bands, lowerBounds);
    }

    private static int rank(String conclusion) {
        int i = Conclusions.ORDER.indexOf(conclusion);
        return i >= 0 ? i : Conclusions.ORDER.size() + (Conclusions.NONE.equals(conclusion) ? 1 : 0);
    }

    private static String path(Options o, String table) {
        return o.output().replaceAll("/+$", "") + "/" + table;
    }

    /** Writes a small text file through Hadoop, so that the summary lands wherever the tables do. */
    private static void writeText(SparkSession spark, String file, String text) {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(file);
        try {
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            try (OutputStream out = fs.create(p, true)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
