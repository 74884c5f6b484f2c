package org.oihkb.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.oihkb.engine.OihEngine;
import org.oihkb.fhir.internal.RecordMapper;
import org.oihkb.model.Assessment;
import org.oihkb.model.ConditionCode;
import org.oihkb.model.DataQualityNote;
import org.oihkb.model.DoseEvent;
import org.oihkb.model.DoseStatus;
import org.oihkb.model.Drug;
import org.oihkb.model.MedicationClass;

/** The 66 CDS Hooks requests of the CDC opioid prescribing CDS (opioid-cds-r4), as of 2023-05-01. */
class CdcOpioidCdsRequestsTest {

    static final LocalDate AS_OF = LocalDate.of(2023, 5, 1);
    static final FhirRecords FHIR = CdcMmeCalculatorTest.FHIR;
    static final OihEngine ENGINE = CdcMmeCalculatorTest.ENGINE;

    static Stream<Path> requests() throws IOException {
        try (Stream<Path> files = Files.walk(TestData.path("opioid-cds-r4/requests"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    static FhirMapping map(String name) {
        try (Stream<Path> files = Files.walk(TestData.path("opioid-cds-r4/requests"))) {
            Path file = files.filter(p -> p.getFileName().toString().equals(name + ".json")).findFirst().orElseThrow();
            return FHIR.read(Files.readString(file), AS_OF);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Assessment assess(FhirMapping m) {
        return ENGINE.assess(m.record()).withDataQuality(m.notes());
    }

    @Test
    void thereAreSixtySixRequests() throws IOException {
        assertThat(requests().count()).isEqualTo(66);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void everyRequestIsAssessedWithoutError(Path file) throws IOException {
        FhirMapping m = FHIR.read(Files.readString(file), AS_OF);
        Assessment a = assess(m);

        assertThat(a.asOf()).isEqualTo(AS_OF);
        assertThat(m.record().patient().id()).isNotBlank();
        // Nothing silently dropped: each note names the resource it is about
        for (DataQualityNote n : m.notes()) {
            assertThat(n.summary()).isNotBlank();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void withoutAsOfTheRequestsOwnDateIsTaken(Path file) throws IOException {
        FhirMapping m = FHIR.read(Files.readString(file), null);

        assertThat(m.record().asOf()).isEqualTo(AS_OF);
    }

    @Test
    void noPrefetchIsAssessedOnTheDraftOrderWithANote() {
        FhirMapping m = map("noPrefetch");

        assertThat(m.notes()).filteredOn(n -> n.id().equals(RecordMapper.MISSING))
                .anySatisfy(n -> assertThat(n.summary()).contains("no prefetch"));
        assertThat(m.record().doses()).singleElement()
                .satisfies(d -> assertThat(d.status()).isEqualTo(DoseStatus.PROPOSED));
        assertThat(assess(m).recordId()).isNotNull();
    }

    @Test
    void fentanylPatchSeventyFiveMcgPerHourIs180Mme() {
        Assessment a = assess(map("request-example-rec-04-05-mme-greater-than-fifty"));

        assertThat(a.exposure().currentMmePerDay()).isCloseTo(180, within(1e-6));
    }

    @Test
    void morphineTenMgOnceADayIs10Mme() {
        Assessment a = assess(map("request-example-rec-04-05-mme-less-than-fifty"));

        assertThat(a.exposure().currentMmePerDay()).isCloseTo(10, within(1e-6));
    }

    @Test
    void theActiveFentanylPatchOfRec08Is180MmeBesideTheDraftNonOpioid() {
        Assessment a = assess(map("request-example-rec-08-mme-greater-than-fifty"));

        assertThat(a.exposure().currentMmePerDay()).isCloseTo(180, within(1e-6));
    }

    @Test
    void aDoseRangeTakesItsHighEnd() {
        FhirMapping m = map("request-example-rec-08-order-sign-mme-doseRange");
        DoseEvent tramadol = m.record().doses().stream().filter(d -> d.drug() == Drug.TRAMADOL).findFirst().orElseThrow();

        // 2 tablets (the high end of 1-2) x 37.5 mg, every 4 h (6 a day; periodMax is the less aggressive end)
        assertThat(tramadol.dailyDose()).isCloseTo(2 * 37.5 * 6, within(1e-9));
        assertThat(tramadol.status()).isEqualTo(DoseStatus.PROPOSED);
    }

    @Test
    void aMedicationReferenceIsResolved() {
        FhirMapping m = map("request-example-rec-10-patient-view-no-screenings-by-reference");

        assertThat(m.record().doses()).isNotEmpty();
        assertThat(m.notes()).noneMatch(n -> n.summary().contains("medication is not known"));
    }

    @Test
    void multipleDoseAndRateEntriesUseTheOrderedOne() {
        FhirMapping m = map("request-example-rec-08-multiple-doseRate");

        assertThat(m.record().doses()).anySatisfy(d -> assertThat(d.drug()).isEqualTo(Drug.FENTANYL));
    }

    @Test
    void concurrentBenzodiazepineIsShown() {
        FhirMapping m = map("request-example-rec-08-on-benzodiazepine");

        assertThat(m.record().medications()).anySatisfy(med -> {
            assertThat(med.medicationClass()).isEqualTo(MedicationClass.BENZODIAZEPINE);
            assertThat(med.name()).containsIgnoringCase("temazepam");
        });
    }

    @Test
    void naloxoneIsShown() {
        FhirMapping m = map("request-example-rec-08-on-naloxone");

        assertThat(m.record().medications()).anySatisfy(med ->
                assertThat(med.medicationClass()).isEqualTo(MedicationClass.NALOXONE));
    }

    @Test
    void aNewBenzodiazepineBesideAnActiveOpioidIsShown() {
        FhirMapping m = map("request-example-rec-11-benzo-trigger-with-opioid");

        assertThat(m.record().medications()).anySatisfy(med -> {
            assertThat(med.medicationClass()).isEqualTo(MedicationClass.BENZODIAZEPINE);
            assertThat(med.name()).containsIgnoringCase("flurazepam");
        });
        assertThat(m.record().doses()).anySatisfy(d -> assertThat(d.drug()).isEqualTo(Drug.OXYCODONE));
    }

    @Test
    void aBenzodiazepineAloneHasNoOpioid() {
        FhirMapping m = map("request-example-rec-11-benzo-trigger-without-opioid");

        assertThat(m.record().doses()).isEmpty();
        assertThat(m.record().medications()).extracting(org.oihkb.model.Medication::medicationClass)
                .containsExactly(MedicationClass.BENZODIAZEPINE);
    }

    @Test
    void opioidDependenceBecomesOud() {
        FhirMapping m = map("request-example-rec-12-patient-view-in-criteria-met");

        assertThat(m.record().conditions()).anySatisfy(c ->
                assertThat(c.code()).isEqualTo(ConditionCode.OPIOID_USE_DISORDER));
    }

    @Test
    void alcoholDependenceBecomesSubstanceUseDisorder() {
        FhirMapping m = map("request-example-rec-08-substance-abuse");

        assertThat(m.record().conditions()).anySatisfy(c ->
                assertThat(c.code()).isEqualTo(ConditionCode.SUBSTANCE_USE_DISORDER));
    }

    @Test
    void pancreaticCarcinomaBecomesActiveCancer() {
        FhirMapping m = map("request-example-rec-10-end-of-life-med-exclusion");

        assertThat(m.record().conditions()).anySatisfy(c ->
                assertThat(c.code()).isEqualTo(ConditionCode.ACTIVE_CANCER));
    }

    @Test
    void aLocalSickleCellCodeIsNotGuessedButNoted() {
        FhirMapping m = map("request-example-rec-10-pos-sickle-cell-exclusion");

        assertThat(m.record().conditions()).noneMatch(c -> c.code() == ConditionCode.SICKLE_CELL_DISEASE);
        assertThat(m.notes()).anySatisfy(n -> {
            assertThat(n.id()).isEqualTo(RecordMapper.UNMAPPED_CODE);
            assertThat(n.summary()).startsWith("Condition/").contains(".code");
        });
    }

    @Test
    void urineDrugScreensAreNotedAsNotUsed() {
        FhirMapping m = map("request-example-rec-10-illicit-drugs");

        assertThat(m.record().observations()).isEmpty();
        assertThat(m.notes()).filteredOn(n -> n.id().equals(RecordMapper.UNMAPPED_CODE))
                .isNotEmpty().allSatisfy(n -> assertThat(n.summary()).startsWith("Observation/").contains(".code (LOINC "));
    }

    @Test
    void twoDifferentResourcesUnderOneIdAreBothUsedAndNoted() {
        FhirMapping m = map("request-example-rec-08-on-benzodiazepine");

        assertThat(m.notes()).anySatisfy(n -> {
            assertThat(n.id()).isEqualTo(RecordMapper.CONFLICT);
            assertThat(n.summary()).contains("both were used");
        });
        assertThat(m.record().doses()).hasSize(1);
        assertThat(m.record().medications()).hasSize(1);
    }

    @Test
    void aCodeOutsideTheOmtkTableIsReadFromItsNameWithANote() {
        FhirMapping m = map("request-example-rec-04-05-mme-less-than-fifty");

        assertThat(m.record().doses()).singleElement().satisfies(d -> {
            assertThat(d.drug()).isEqualTo(Drug.MORPHINE);
            assertThat(d.dailyDose()).isEqualTo(10.0);
        });
        assertThat(m.notes()).anySatisfy(n -> assertThat(n.id()).isEqualTo(RecordMapper.FROM_NAME));
    }

    @Test
    void buprenorphineNaloxoneIsOudTreatment() {
        FhirMapping m = map("request-example-rec-12-patient-view-out-opioid-misuse");

        assertThat(m.record().doses()).anySatisfy(d -> {
            assertThat(d.drug()).isEqualTo(Drug.BUPRENORPHINE);
            assertThat(d.purpose()).isEqualTo(org.oihkb.model.DosePurpose.OUD_TREATMENT);
        });
        assertThat(List.of(m.record().doses().size())).isNotEmpty();
    }
}
