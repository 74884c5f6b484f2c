package org.oihkb.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oihkb.engine.OihEngine;
import org.oihkb.model.Assessment;
import org.oihkb.model.BodySite;
import org.oihkb.model.Condition;
import org.oihkb.model.ConditionCode;
import org.oihkb.model.ConditionStatus;
import org.oihkb.model.DoseEvent;
import org.oihkb.model.DosePurpose;
import org.oihkb.model.DoseUnit;
import org.oihkb.model.Drug;
import org.oihkb.model.Finding;
import org.oihkb.model.Medication;
import org.oihkb.model.MedicationClass;
import org.oihkb.model.Observation;
import org.oihkb.model.ObservationCode;
import org.oihkb.model.Option;
import org.oihkb.model.PainQuality;
import org.oihkb.model.Patient;
import org.oihkb.model.PatientRecord;
import org.oihkb.model.Release;
import org.oihkb.model.Route;
import org.oihkb.model.Sex;
import org.oihkb.model.Symptom;
import org.oihkb.model.SymptomKind;

/** A record written as a bulk export reads back, through FhirRecords, as exactly what the writer says FHIR carries. */
class FhirBulkWriterTest {

    static final FhirRecords FHIR = CdcMmeCalculatorTest.FHIR;
    static final LocalDate AS_OF = LocalDate.of(2025, 3, 1);

    @TempDir
    Path dir;

    static PatientRecord record() {
        PatientRecord.Builder b = PatientRecord.builder(AS_OF, new Patient("pt 7", LocalDate.of(1961, 4, 2), null,
                Sex.FEMALE)).id("rec-7");
        b.condition(new Condition("oud", ConditionCode.OPIOID_USE_DISORDER, AS_OF.minusDays(400), null, null, null));
        b.condition(new Condition("dep", ConditionCode.DEPRESSION, AS_OF.minusDays(900), AS_OF.minusDays(100),
                ConditionStatus.RESOLVED, null));
        b.condition(new Condition("apnea", ConditionCode.SLEEP_APNEA, null, null, ConditionStatus.REFUTED, null));
        b.condition(new Condition("prog", ConditionCode.DISEASE_PROGRESSION, AS_OF.minusDays(30), null, null, null));
        b.dose(DoseEvent.builder().id("oxy").drug(Drug.OXYCODONE).route(Route.ORAL).dailyDose(40).unit(DoseUnit.MG)
                .start(AS_OF.minusDays(200)).end(AS_OF.minusDays(61)).build());
        b.dose(DoseEvent.builder().id("oxy2").drug(Drug.OXYCODONE).route(Route.ORAL).dailyDose(60).unit(DoseUnit.MG)
                .release(Release.EXTENDED).start(AS_OF.minusDays(60)).build());
        b.dose(DoseEvent.builder().id("patch").drug(Drug.FENTANYL).route(Route.TRANSDERMAL).dailyDose(25)
                .unit(DoseUnit.MCG_PER_HOUR).start(AS_OF.minusDays(90)).build());
        b.dose(DoseEvent.builder().id("mtd").drug(Drug.METHADONE).route(Route.ORAL).dailyDose(80).unit(DoseUnit.MG)
                .purpose(DosePurpose.OUD_TREATMENT).start(AS_OF.minusDays(300)).build());
        b.dose(DoseEvent.builder().id("bup").drug(Drug.BUPRENORPHINE).route(Route.BUCCAL).dailyDose(300)
                .unit(DoseUnit.MCG).start(AS_OF.minusDays(20)).build());
        b.dose(DoseEvent.builder().id("rescue").drug(Drug.MORPHINE).route(Route.INTRAVENOUS).dailyDose(10)
                .unit(DoseUnit.MG).prn(true).takenDailyDose(4.0).start(AS_OF.minusDays(3)).build());
        b.dose(DoseEvent.builder().id("other").drug(Drug.OTHER).name("dihydrocodeine").route(Route.ORAL).dailyDose(60)
                .unit(DoseUnit.MG).start(AS_OF.minusDays(10)).build());
        for (int k = 0; k < 6; k++) {
            b.symptom(new Symptom("s" + k, AS_OF.minusDays(180 - 30L * k), SymptomKind.PAIN, true, 4.0 + k * 0.5,
                    List.of(BodySite.LOWER_BACK), List.of(PainQuality.BURNING), List.of(), List.of(), null));
        }
        b.symptom(new Symptom("allo", AS_OF.minusDays(5), SymptomKind.ALLODYNIA, true, null,
                List.of(BodySite.LEFT_ARM), List.of(), List.of(), List.of(), null));
        b.observation(new Observation("qtc", ObservationCode.QTC_MS, 470, AS_OF.minusDays(40), null));
        b.observation(new Observation("gfr", ObservationCode.EGFR, 28, AS_OF.minusDays(15), null));
        b.observation(new Observation("cows", ObservationCode.COWS_SCORE, 9, AS_OF.minusDays(2), null));
        b.medication(new Medication("benzo", MedicationClass.BENZODIAZEPINE, "lorazepam", AS_OF.minusDays(50), null,
                null));
        b.medication(new Medication("gaba", MedicationClass.GABAPENTINOID, null, null, null, null));
        b.medication(new Medication("misc", MedicationClass.OTHER, "omeprazole", null, null, null));
        return b.build();
    }

    @Test
    void anExportReadsBackAsWhatFhirCarries() throws IOException {
        PatientRecord original = record();
        try (FhirBulkWriter w = FhirBulkWriter.create(FHIR, dir)) {
            w.write(original);
        }
        List<IBaseResource> resources = new ArrayList<>();
        for (String type : List.of("Patient", "Condition", "Observation", "MedicationRequest", "MedicationStatement")) {
            for (String line : Files.readAllLines(dir.resolve(type + ".ndjson"))) {
                IBaseResource r = FHIR.parseResource(line);
                assertThat(r.fhirType()).isEqualTo(type);
                resources.add(r);
            }
        }
        FhirMapping back = FHIR.fromResources(resources, AS_OF);
        PatientRecord carried = FhirBulkWriter.carried(original);

        assertThat(back.notes()).isEmpty();
        assertThat(back.record().patient()).isEqualTo(new Patient("pt-7-" + crcOf("pt 7"), LocalDate.of(1961, 4, 2),
                null, Sex.FEMALE));
        assertThat(back.record().conditions()).containsExactlyInAnyOrderElementsOf(carried.conditions()).hasSize(3);
        assertThat(back.record().doses()).containsExactlyInAnyOrderElementsOf(carried.doses()).hasSize(6);
        assertThat(back.record().symptoms()).containsExactlyInAnyOrderElementsOf(carried.symptoms()).hasSize(6);
        assertThat(back.record().observations()).containsExactlyInAnyOrderElementsOf(carried.observations())
                .hasSize(3);
        assertThat(back.record().medications()).containsExactlyInAnyOrderElementsOf(carried.medications())
                .hasSize(2);

        // what is carried, exactly: one dose checked field by field
        DoseEvent bup = back.record().doses().stream().filter(d -> d.drug() == Drug.BUPRENORPHINE).findFirst()
                .orElseThrow();
        assertThat(bup.dailyDose()).isEqualTo(0.3);
        assertThat(bup.unit()).isEqualTo(DoseUnit.MG);
        assertThat(bup.route()).isEqualTo(Route.BUCCAL);
        assertThat(bup.purpose()).isEqualTo(DosePurpose.PAIN);
        DoseEvent rescue = back.record().doses().stream().filter(d -> d.drug() == Drug.MORPHINE).findFirst()
                .orElseThrow();
        assertThat(rescue.route()).isEqualTo(Route.INTRAVENOUS);
        assertThat(rescue.prn()).isTrue();
        assertThat(rescue.takenDailyDose()).isNull();
        assertThat(back.record().doses().stream().filter(d -> d.id().endsWith("oxy2")).findFirst().orElseThrow()
                .release()).isEqualTo(Release.EXTENDED);

        Assessment fromFhir = ENGINE.assess(back.record()).withDataQuality(back.notes());
        Assessment fromCarried = ENGINE.assess(carried);
        assertThat(fromFhir.findings().stream().map(Finding::id).toList())
                .isEqualTo(fromCarried.findings().stream().map(Finding::id).toList()).isNotEmpty();
        assertThat(fromFhir.options().stream().map(Option::id).toList())
                .isEqualTo(fromCarried.options().stream().map(Option::id).toList());
        assertThat(fromFhir.exposure().currentMmePerDay()).isEqualTo(fromCarried.exposure().currentMmePerDay());
    }

    @Test
    void theManifestListsEveryFileWithItsCount() throws IOException {
        try (FhirBulkWriter w = FhirBulkWriter.create(FHIR, dir)) {
            w.write(record());
            w.writeLine("Observation", "{not json");
        }
        JsonNode manifest = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
        assertThat(manifest.get("transactionTime").asText()).isEqualTo("2025-03-01T00:00:00Z");
        List<String> outputs = new ArrayList<>();
        manifest.get("output").forEach(o -> outputs.add(o.get("type").asText() + " " + o.get("url").asText() + " "
                + o.get("count").asLong()));
        assertThat(outputs).containsExactly("Condition Condition.ndjson 3", "MedicationRequest MedicationRequest.ndjson 6",
                "MedicationStatement MedicationStatement.ndjson 2", "Observation Observation.ndjson 10",
                "Patient Patient.ndjson 1");
        assertThat(Files.readAllLines(dir.resolve("Observation.ndjson"))).hasSize(10).endsWith("{not json");
        assertThatThrownBy(() -> FhirBulkWriter.create(FHIR, dir)).isInstanceOf(IOException.class)
                .hasMessageEndingWith("already holds a bulk export; choose an empty folder");
    }

    private static final OihEngine ENGINE = OihEngine.create();

    private static String crcOf(String s) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.util.HexFormat.of().toHexDigits((int) crc.getValue());
    }
}
