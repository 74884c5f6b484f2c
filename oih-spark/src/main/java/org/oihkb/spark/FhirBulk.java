package org.oihkb.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.oihkb.engine.AssessmentException;
import org.oihkb.fhir.FhirInputException;
import org.oihkb.fhir.FhirMapping;
import org.oihkb.fhir.FhirRecords;
import org.oihkb.model.Assessment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * FHIR Bulk Data input: a folder of NDJSON files (one resource a line, any file names ending in
 * {@code .ndjson} or {@code .ndjson.gz}, as the Bulk Data spec leaves the naming to the server), grouped by patient
 * with a Spark shuffle (no patient's data passes through the driver), each patient mapped with oih-fhir's
 * {@link FhirRecords#fromResources} for {@code --as-of} and assessed as {@code oih screen} assesses a record.
 *
 * <p>A resource belongs to the patient its {@code subject} or {@code patient} reference names, a Patient to
 * itself. Nothing is lost; each of these is one row of {@code rejected}:
 * <ul>
 * <li>a patient whose resources cannot be mapped (a line that does not parse, a negative dose, two Patients):
 *     its {@code patientId} and the reason naming the file, the line and the element;</li>
 * <li>a patient id that resources name but no Patient resource of the export has: the id, how many resources
 *     name it and where the first ones are;</li>
 * <li>a line that names no patient (not JSON, no subject, a Medication without an id): the file, the line and
 *     why.</li>
 * </ul>
 * A Medication resource is not a patient's: it joins (a Spark join, not a broadcast) every patient whose
 * resources refer to it as {@code medicationReference} {@code Medication/id}, so the mapping reads its code; a
 * Medication no patient refers to is counted in the log and assessed nowhere. Input count = patients named
 * (with or without a Patient resource) + lines that name none.
 */
final class FhirBulk {

    private static final Logger LOG = LoggerFactory.getLogger(FhirBulk.class);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The key of a Medication resource, {@code M:Medication/id}: joined to the patients that refer to it. */
    static final String MEDICATION = "M:";

    /** How many places a rejection of a patient without a Patient resource lists. */
    static final int PLACES_LISTED = 3;

    private static volatile FhirRecords fhir;

    private FhirBulk() {
    }

    /** One line of the export, with where it came from. */
    record Line(String file, long number, String text) implements Serializable {
        private static final long serialVersionUID = 1L;

        String where() {
            return file + " line " + number;
        }
    }

    /** The FHIR front door of this JVM (its R4 context costs seconds to build), built on first use. */
    static FhirRecords fhir() {
        FhirRecords f = fhir;
        if (f == null) {
            synchronized (FhirBulk.class) {
                f = fhir;
                if (f == null) {
                    f = FhirRecords.create();
                    fhir = f;
                }
            }
        }
        return f;
    }

    static OihSparkJob.Input outcomes(SparkSession spark, OihSparkJob.Options o, Assessor assessor) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<String> files = files(spark, o.input());
        JavaRDD<Line> lines = null;
        for (String f : files) {
            String name = new Path(f).getName();
            JavaRDD<String> text = o.partitions() == null ? jsc.textFile(f) : jsc.textFile(f, o.partitions());
            JavaRDD<Line> numbered = text.zipWithIndex().map(t -> new Line(name, t._2() + 1, t._1()))
                    .filter(l -> !l.text().isBlank());
            lines = lines == null ? numbered : lines.union(numbered);
        }
        JavaPairRDD<String, Line> all = lines.mapToPair(l -> new Tuple2<>(key(l), l));
        JavaPairRDD<String, Line> keyed = all.filter(t -> !t._1().startsWith(MEDICATION));
        JavaPairRDD<String, Line> medications = all.filter(t -> t._1().startsWith(MEDICATION));
        // which patient refers to which Medication, then each Medication's line to each of them
        JavaPairRDD<String, String> wanted = keyed.filter(t -> t._1().startsWith("P:"))
                .flatMapToPair(t -> medicationReferences(t._2().text()).stream()
                        .map(ref -> new Tuple2<>(MEDICATION + ref, t._1())).iterator())
                .distinct();
        JavaPairRDD<String, Line> attached = wanted.join(medications)
                .mapToPair(t -> new Tuple2<>(t._2()._1(), t._2()._2()));
        long count = keyed.keys().distinct().count();
        long unreferenced = medications.keys().subtract(wanted.keys()).count();
        if (unreferenced > 0) {
            LOG.info("{} Medication resources are referred to by no patient's resource; not used", unreferenced);
        }
        int partitions = o.partitions() != null ? o.partitions() : Math.max(jsc.defaultParallelism(),
                lines.getNumPartitions());
        LocalDate asOf = o.asOf();
        JavaRDD<Row> rows = keyed.union(attached).groupByKey(partitions)
                .map(g -> outcome(g._1(), g._2(), asOf, assessor));
        return new OihSparkJob.Input(rows, count);
    }

    /** The export's NDJSON files, sorted by name; the input may also be one NDJSON file. */
    static List<String> files(SparkSession spark, String input) {
        Path path = new Path(input);
        try {
            FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(path)) {
                throw new IllegalArgumentException("--input " + input + " does not exist");
            }
            List<String> files = new ArrayList<>();
            for (FileStatus s : fs.getFileStatus(path).isDirectory() ? fs.listStatus(path)
                    : new FileStatus[] {fs.getFileStatus(path)}) {
                String name = s.getPath().getName();
                if (s.isFile() && (name.endsWith(".ndjson") || name.endsWith(".ndjson.gz"))) {
                    files.add(s.getPath().toString());
                }
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException("--input " + input + " holds no .ndjson files: a FHIR Bulk Data "
                        + "export is a folder of NDJSON files, one resource a line");
            }
            files.sort(Comparator.naturalOrder());
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + input, e);
        }
    }

    /**
     * The group a line belongs to: {@code P:id} for the patient it names, {@code M:Medication/id} for a
     * Medication, or {@code L:file:line} for a line that names none (alone in its group).
     */
    static String key(Line l) {
        String alone = "L:" + l.file() + ":" + l.number();
        JsonNode tree;
        try {
            tree = JSON.readTree(l.text());
        } catch (JsonProcessingException e) {
            return alone;
        }
        if (tree == null || !tree.isObject()) {
            return alone;
        }
        String type = tree.path("resourceType").asText("");
        if (type.equals("Patient") || type.equals("Medication")) {
            JsonNode id = tree.get("id");
            if (id == null || !id.isTextual() || id.asText().isBlank()) {
                return alone;
            }
            return (type.equals("Patient") ? "P:" : MEDICATION + "Medication/") + id.asText();
        }
        String patient = patientOf(tree.path("subject").path("reference").asText(null));
        if (patient == null) {
            patient = patientOf(tree.path("patient").path("reference").asText(null));
        }
        return patient == null ? alone : "P:" + patient;
    }

    /** The relative {@code Medication/id} references of a resource's {@code medicationReference}. */
    static List<String> medicationReferences(String text) {
        try {
            String ref = JSON.readTree(text).path("medicationReference").path("reference").asText("");
            return ref.startsWith("Medication/") && ref.length() > "Medication/".length() ? List.of(ref) : List.of();
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    /** The patient id of a reference {@code Patient/id} (relative or absolute), or {@code null}. */
    static String patientOf(String reference) {
        if (reference == null) {
            return null;
        }
        int at = reference.lastIndexOf("Patient/");
        if (at < 0 || at > 0 && reference.charAt(at - 1) != '/') {
            return null;
        }
        String id = reference.substring(at + "Patient/".length());
        int history = id.indexOf("/_history");
        id = history >= 0 ? id.substring(0, history) : id;
        return id.isEmpty() || id.contains("/") ? null : id;
    }

    /** The outcome of one group. Lines are taken in file and line order, so a retried task maps alike. */
    static Row outcome(String key, Iterable<Line> group, LocalDate asOf, Assessor assessor) {
        List<Line> lines = new ArrayList<>();
        group.forEach(lines::add);
        lines.sort(Comparator.comparing(Line::file).thenComparingLong(Line::number));
        if (key.startsWith("L:")) {
            Line l = lines.get(0);
            return Outcomes.rejected(null, null, l.where() + ": " + unattributed(l));
        }
        String patientId = key.substring(2);
        if (lines.size() > FhirRecords.MAX_ENTRIES) {
            return Outcomes.rejected(null, patientId, "Patient/" + patientId + ": " + lines.size() + " resources, "
                    + "more than the " + FhirRecords.MAX_ENTRIES + " one patient may hold");
        }
        List<IBaseResource> resources = new ArrayList<>(lines.size());
        boolean hasPatient = false;
        for (Line l : lines) {
            IBaseResource r;
            try {
                r = fhir().parseResource(l.text());
            } catch (FhirInputException e) {
                return Outcomes.rejected(null, patientId, l.where() + ": " + e.getMessage());
            }
            hasPatient |= r.fhirType().equals("Patient");
            resources.add(r);
        }
        if (!hasPatient) {
            StringBuilder places = new StringBuilder();
            for (int i = 0; i < Math.min(PLACES_LISTED, lines.size()); i++) {
                places.append(i == 0 ? "" : ", ").append(lines.get(i).where());
            }
            return Outcomes.rejected(null, patientId, "Patient/" + patientId + ": no Patient resource in the export; "
                    + lines.size() + (lines.size() == 1 ? " resource names" : " resources name") + " it ("
                    + places + (lines.size() > PLACES_LISTED ? ", ..." : "") + ")");
        }
        try {
            FhirMapping m = fhir().fromResources(resources, asOf);
            Assessment a = assessor.assess(m.record()).withDataQuality(m.notes());
            return Outcomes.assessed(null, patientId, a);
        } catch (FhirInputException | AssessmentException e) {
            return Outcomes.rejected(null, patientId, e.getMessage());
        }
    }

    /** Why a line names no patient. */
    private static String unattributed(Line l) {
        IBaseResource r;
        try {
            r = fhir().parseResource(l.text());
        } catch (FhirInputException e) {
            return e.getMessage();
        }
        if (r.fhirType().equals("Patient")) {
            return "a Patient resource without an id";
        }
        if (r.fhirType().equals("Medication")) {
            return "a Medication resource without an id, which no medicationReference can name";
        }
        return "a " + r.fhirType() + " names no patient (no subject or patient reference to a Patient)";
    }
}
