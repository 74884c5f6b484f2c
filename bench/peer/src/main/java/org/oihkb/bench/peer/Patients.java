package org.oihkb.bench.peer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Patient;
import org.oihkb.fhir.FhirRecords;

/** The CDC MME calculator's test patients (testdata/cdc-opioid-cases/opioid-mme-r4), the same for both sides. */
final class Patients {

    /** Case folder → asOf (inside each order's period; the MME arithmetic does not depend on it). */
    static final Map<String, LocalDate> CASES = new LinkedHashMap<>();

    static {
        CASES.put("mmecalc", LocalDate.of(2020, 10, 29));
        CASES.put("patient-mme-greater-than-fifty", LocalDate.of(2020, 6, 26));
        CASES.put("patient-mme-less-than-fifty", LocalDate.of(2020, 6, 26));
        CASES.put("patient-mme-with-timeofday", LocalDate.of(2020, 6, 26));
    }

    private Patients() {
    }

    static Path root() {
        return Path.of(System.getProperty("oih.root", ".")).toAbsolutePath().normalize();
    }

    static Path testdata() {
        return root().resolve("testdata/cdc-opioid-cases");
    }

    /** The resources of one case: its Patient and its MedicationRequest. */
    static List<IBaseResource> resources(FhirRecords fhir, String folder) {
        List<IBaseResource> out = new ArrayList<>();
        try (var files = Files.list(testdata().resolve("opioid-mme-r4/MMECalculatorTests").resolve(folder))) {
            for (Path f : files.sorted().toList()) {
                if (!f.getFileName().toString().startsWith("GuidanceResponse")) {
                    out.add(fhir.parseResource(Files.readString(f)));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** The id of the case's patient (the CQL context value). */
    static String patientId(List<IBaseResource> resources) {
        return resources.stream().filter(Patient.class::isInstance).findFirst().orElseThrow()
                .getIdElement().getIdPart();
    }
}
