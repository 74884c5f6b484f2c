package org.oihkb.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.oihkb.engine.AssessmentException;
import org.oihkb.engine.MmeEdition;
import org.oihkb.engine.OihEngine;
import org.oihkb.fhir.FhirInputException;
import org.oihkb.fhir.FhirMapping;
import org.oihkb.fhir.FhirRecords;
import org.oihkb.model.Assessment;
import org.oihkb.model.DataQualityNote;
import org.oihkb.model.Finding;
import org.oihkb.model.Option;
import org.oihkb.model.WithheldOption;

/**
 * Compares the job's output on a FHIR bulk export with the one-JVM path: the export read file by file, its
 * resources grouped by the patient their {@code subject} names in a map, each patient mapped with
 * {@link FhirRecords#fromResources} and assessed by the engine as {@code oih screen} assesses a record. Patient
 * for patient: the same patients assessed, with the same conclusion, findings, options, data-quality notes and
 * MME; the same patients rejected; as many lines that name no patient. Used by the tests and by
 * {@code bench/spark.sh}: {@code java -cp oih-spark.jar org.oihkb.spark.FhirComparison EXPORT AS-OF JOB-OUTPUT}.
 *
 * @param assessed patients both assessed alike
 * @param rejected patients both rejected, and lines naming no patient both rejected
 * @param differences the first differences (at most {@link ScreenComparison#MAX_REPORTED}), each naming its patient
 * @param differenceCount every difference found
 */
public record FhirComparison(long assessed, long rejected, List<String> differences, long differenceCount) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Whether the two agree on every patient. */
    public boolean same() {
        return differenceCount == 0;
    }

    /** What the one-JVM path concludes for an export: per patient the key of its assessment, or null if rejected. */
    record Reference(Map<String, String> patients, long unattributed) {
    }

    /** Reads, groups, maps and assesses the export in this JVM. */
    static Reference reference(Path export, LocalDate asOf, OihEngine engine) throws IOException {
        FhirRecords fhir = FhirRecords.create();
        Map<String, List<String>> byPatient = new TreeMap<>();
        Set<String> withPatient = new HashSet<>();
        List<String> medications = new ArrayList<>();
        long unattributed = 0;
        List<Path> files;
        try (var list = Files.list(export)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".ndjson")
                    || p.getFileName().toString().endsWith(".ndjson.gz")).sorted().toList();
        }
        for (Path f : files) {
            try (InputStream raw = Files.newInputStream(f);
                 BufferedReader r = new BufferedReader(new InputStreamReader(f.toString().endsWith(".gz")
                         ? new GZIPInputStream(raw) : raw, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (line.isBlank()) {
                        continue;
                    }
                    Owner owner = ownerOf(line);
                    if (owner != null && owner.patient() == null) {
                        medications.add(line);
                        continue;
                    }
                    if (owner == null) {
                        unattributed++;
                        continue;
                    }
                    if (owner.isPatient()) {
                        withPatient.add(owner.patient());
                    }
                    byPatient.computeIfAbsent(owner.patient(), k -> new ArrayList<>()).add(line);
                }
            }
        }
        // every Medication goes with every patient: the mapping reads only the ones a patient's resources name
        List<IBaseResource> catalogue = new ArrayList<>();
        for (String line : medications) {
            catalogue.add(fhir.parseResource(line));
        }
        Map<String, String> outcomes = new HashMap<>();
        for (Map.Entry<String, List<String>> e : byPatient.entrySet()) {
            String outcome = null;
            if (withPatient.contains(e.getKey())) {
                try {
                    List<IBaseResource> resources = new ArrayList<>(catalogue);
                    for (String line : e.getValue()) {
                        resources.add(fhir.parseResource(line));
                    }
                    FhirMapping m = fhir.fromResources(resources, asOf);
                    outcome = key(engine.assess(m.record()).withDataQuality(m.notes()));
                } catch (FhirInputException | AssessmentException ex) {
                    outcome = null;
                }
            }
            outcomes.put(e.getKey(), outcome);
        }
        return new Reference(outcomes, unattributed);
    }

    /**
     * The patient a line belongs to, and whether the line is that patient's Patient resource; no patient for a
     * Medication with an id (it belongs to whoever names it).
     */
    private record Owner(String patient, boolean isPatient) {
    }

    /** The patient a line names: a Patient's id, else its subject's or patient's {@code Patient/id}; or null. */
    private static Owner ownerOf(String line) {
        JsonNode tree;
        try {
            tree = JSON.readTree(line);
        } catch (IOException e) {
            return null;
        }
        if (tree == null || !tree.isObject()) {
            return null;
        }
        if ("Patient".equals(tree.path("resourceType").asText())) {
            return tree.path("id").isTextual() ? new Owner(tree.get("id").asText(), true) : null;
        }
        if ("Medication".equals(tree.path("resourceType").asText())) {
            return tree.path("id").isTextual() ? new Owner(null, false) : null;
        }
        for (String field : List.of("subject", "patient")) {
            String ref = tree.path(field).path("reference").asText("");
            if (ref.startsWith("Patient/")) {
                return new Owner(ref.substring("Patient/".length()), false);
            }
        }
        return null;
    }

    /** Compares; {@code output} is the job's {@code --output} folder. */
    public static FhirComparison compare(SparkSession spark, Path export, LocalDate asOf, MmeEdition edition,
                                         String output) throws IOException {
        Reference ref = reference(export, asOf, OihEngine.builder().edition(edition).build());
        Map<String, String> expected = new HashMap<>(ref.patients());
        Differences diffs = new Differences();
        long assessed = 0;
        Iterator<Row> rows = spark.read().parquet(output + "/patients").toLocalIterator();
        while (rows.hasNext()) {
            Row p = rows.next();
            String id = p.getAs("sourceId");
            String actual = ScreenComparison.key(p);
            if (!expected.containsKey(id)) {
                diffs.add("Patient/" + id + ": assessed by the job, not in the export");
                continue;
            }
            String want = expected.remove(id);
            if (want == null) {
                diffs.add("Patient/" + id + ": rejected in one JVM, assessed by the job: " + actual);
            } else if (!want.equals(actual)) {
                diffs.add("Patient/" + id + ": one JVM " + want + ", job " + actual);
            } else {
                assessed++;
            }
        }
        long rejected = 0;
        long unattributed = 0;
        for (Row r : spark.read().parquet(output + "/rejected").collectAsList()) {
            String id = r.getAs("patientId");
            if (id == null) {
                unattributed++;
            } else if (!expected.containsKey(id)) {
                diffs.add("Patient/" + id + ": rejected by the job, not in the export");
            } else if (expected.remove(id) != null) {
                diffs.add("Patient/" + id + ": assessed in one JVM, rejected by the job: " + r.getAs("reason"));
            } else {
                rejected++;
            }
        }
        expected.keySet().stream().sorted().forEach(id -> diffs.add("Patient/" + id
                + ": in the export, neither assessed nor rejected by the job"));
        if (unattributed != ref.unattributed()) {
            diffs.add("lines naming no patient: " + ref.unattributed() + " in one JVM, " + unattributed
                    + " rejected by the job");
        } else {
            rejected += unattributed;
        }
        return new FhirComparison(assessed, rejected, diffs.first, diffs.count);
    }


    /** What must agree, in the form {@link ScreenComparison} reads from a patients row. */
    static String key(Assessment a) {
        Double mme = a.exposure().currentMmePerDay();
        return String.join("|", String.valueOf(a.recordId()), a.patientId(), a.asOf().toString(), Conclusions.of(a),
                String.join(",", a.findings().stream().map(Finding::id).toList()),
                String.join(",", a.options().stream().map(Option::id).toList()),
                String.join(",", a.withheldOptions().stream().map(WithheldOption::optionId).distinct().toList()),
                String.join(",", a.dataQuality().stream().map(DataQualityNote::id).toList()),
                mme == null ? "null" : Double.toString(mme), Boolean.toString(a.exposure().complete()));
    }

    /** Prints the comparison; exit code 0 when the two agree on every patient, 1 otherwise. */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: FhirComparison EXPORT-FOLDER AS-OF JOB-OUTPUT");
            System.exit(2);
        }
        SparkSession spark = ScreenComparison.localSpark();
        FhirComparison c;
        try {
            c = compare(spark, Path.of(args[0]), LocalDate.parse(args[1]), MmeEdition.CDC_2022, args[2]);
        } finally {
            spark.stop();
        }
        System.out.println("compare: " + c.assessed() + " patients assessed and " + c.rejected()
                + " rejected alike (patients and lines naming none), " + c.differenceCount() + " differences");
        c.differences().forEach(d -> System.out.println("compare: " + d));
        System.out.println("same conclusions patient for patient: " + (c.same() ? "yes" : "no"));
        System.exit(c.same() ? 0 : 1);
    }
}
