package org.oihkb.fhir;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.r4.model.Resource;
import org.oihkb.fhir.internal.RecordResources;
import org.oihkb.model.PatientRecord;

/**
 * Writes contract records as a FHIR R4 Bulk Data export: one NDJSON file per resource type
 * ({@code Patient.ndjson}, {@code Condition.ndjson}, {@code Observation.ndjson}, {@code MedicationRequest.ndjson},
 * {@code MedicationStatement.ndjson}), one resource per line, and a {@code manifest.json} shaped like the
 * Bulk Data status response ({@code transactionTime}, {@code output[]} with type, url and count). Useful to
 * test a FHIR pipeline (oih-spark's {@code --format fhir}) on populations of known content.
 *
 * <pre>{@code
 * try (FhirBulkWriter w = FhirBulkWriter.create(FhirRecords.create(), Path.of("export"))) {
 *     for (PatientRecord r : records) {
 *         w.write(r);
 *     }
 * }
 * }</pre>
 *
 * <p><b>What FHIR carries</b>, read back by {@link FhirRecords#fromResources}: the patient's birth date and
 * sex; conditions with a SNOMED CT code in the mapping's table (status, onset, end); present pain scores
 * (LOINC 72514-3); QTc, eGFR, creatinine clearance and COWS; opioid doses as MedicationRequests of an RxNorm
 * product of the CDC OMTK table for the drug, route and release (one dose a day of the daily amount, the
 * validity period as the dose period, as needed, pain or OUD treatment as a reason code); other medicines as
 * MedicationStatements naming an ingredient of their class. <b>What it does not carry</b> (the mapping has no
 * reading for it): pain sites, qualities and timing (end of dose), every symptom other than a present pain
 * score (allodynia, hyperalgesia, withdrawal, craving, myoclonus, delirium, hallucinations, recorded
 * absences), the conditions disease progression, new injury or surgery, overdose history and dehydration,
 * the age in years without a birth date, a PRN dose's amount actually taken, an unknown purpose of a drug
 * other than methadone and buprenorphine (read back as pain), opioids of drug {@code other} or without an
 * OMTK product for their route, medicines of class {@code other}, intrathecal and epidural routes (read back
 * as intravenous: none has an MME factor), and the record id. Doses come back in the product's unit (mg, or
 * mcg for fentanyl) with the product's form and release. {@link #carried(PatientRecord)} gives that record,
 * so a comparison can assess what FHIR carries against what came back.
 *
 * <p>Not thread-safe. Resource ids are the patient id and the fact id joined by '-', made valid FHIR ids.
 */
public final class FhirBulkWriter implements Closeable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final IParser parser;
    private final Map<String, BufferedWriter> files = new LinkedHashMap<>();
    private final Map<String, Long> counts = new TreeMap<>();
    private LocalDate latestAsOf;

    private FhirBulkWriter(FhirRecords fhir, Path dir) {
        this.dir = dir;
        this.parser = fhir.context().newJsonParser().setPrettyPrint(false);
    }

    /**
     * A writer into {@code dir}, created if missing.
     *
     * @throws IOException if {@code dir} cannot be created or already holds an export (a manifest or NDJSON file)
     */
    public static FhirBulkWriter create(FhirRecords fhir, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (var existing = Files.list(dir)) {
            if (existing.anyMatch(p -> p.getFileName().toString().endsWith(".ndjson")
                    || p.getFileName().toString().equals("manifest.json"))) {
                throw new IOException(dir + " already holds a bulk export; choose an empty folder");
            }
        }
        return new FhirBulkWriter(fhir, dir);
    }

    /** The resources {@link #write} writes for {@code record}: Patient first. */
    public static List<Resource> resources(PatientRecord record) {
        return RecordResources.of(record).resources();
    }

    /** The record the resources of {@code record} read back as: what FHIR carries of it (see the class comment). */
    public static PatientRecord carried(PatientRecord record) {
        return RecordResources.of(record).carried();
    }

    /** Appends the resources of one record. */
    public void write(PatientRecord record) throws IOException {
        for (Resource r : resources(record)) {
            write(r);
        }
        asOf(record.asOf());
    }

    /** Appends one resource to the file of its type. */
    public void write(Resource resource) throws IOException {
        writeLine(resource.fhirType(), parser.encodeResourceToString(resource));
    }

    /** Takes {@code asOf} into the manifest's {@code transactionTime} (the latest one written). */
    public void asOf(LocalDate asOf) {
        if (latestAsOf == null || asOf.isAfter(latestAsOf)) {
            latestAsOf = asOf;
        }
    }

    /**
     * Appends one line as it is to the file of {@code resourceType}: for test exports with deliberate faults
     * (a line that is not JSON, a resource that does not parse).
     */
    public void writeLine(String resourceType, String line) throws IOException {
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("an NDJSON line must not hold a line break");
        }
        BufferedWriter w = files.get(resourceType);
        if (w == null) {
            w = Files.newBufferedWriter(dir.resolve(resourceType + ".ndjson"), StandardCharsets.UTF_8);
            files.put(resourceType, w);
        }
        w.write(line);
        w.write('\n');
        counts.merge(resourceType, 1L, Long::sum);
    }

    /** Lines written so far, by resource type. */
    public Map<String, Long> counts() {
        return Map.copyOf(counts);
    }

    /**
     * Closes the files and writes {@code manifest.json}. Its {@code transactionTime} is the latest {@code asOf}
     * written (midnight UTC), never the clock, so the same records always give the same export.
     */
    @Override
    public void close() throws IOException {
        IOException failed = null;
        for (BufferedWriter w : files.values()) {
            try {
                w.close();
            } catch (IOException e) {
                failed = e;
            }
        }
        if (failed != null) {
            throw failed;
        }
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("transactionTime", latestAsOf == null ? null : latestAsOf + "T00:00:00Z");
        manifest.put("request", "oih generate --format fhir-bulk");
        manifest.put("requiresAccessToken", false);
        ArrayNode output = manifest.putArray("output");
        counts.forEach((type, n) -> output.addObject().put("type", type).put("url", type + ".ndjson").put("count", n));
        manifest.putArray("error");
        Files.writeString(dir.resolve("manifest.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest) + "\n", StandardCharsets.UTF_8);
    }
}
