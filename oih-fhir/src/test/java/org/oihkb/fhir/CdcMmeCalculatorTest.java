package org.oihkb.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oihkb.engine.OihEngine;
import org.oihkb.model.Assessment;

/** The CDC MME calculator's own test patients (opioid-mme-r4) through oih-fhir and the full assessment. */
class CdcMmeCalculatorTest {

    static final FhirRecords FHIR = FhirRecords.create();
    static final OihEngine ENGINE = OihEngine.create();

    static Assessment assess(String folder, String patientFile, String orderFile, LocalDate asOf) {
        String dir = "opioid-mme-r4/MMECalculatorTests/" + folder + "/";
        IBaseResource patient = FHIR.parseResource(TestData.read(dir + patientFile));
        IBaseResource order = FHIR.parseResource(TestData.read(dir + orderFile));
        FhirMapping m = FHIR.fromResources(List.of(patient, order), asOf);
        return ENGINE.assess(m.record()).withDataQuality(m.notes());
    }

    @ParameterizedTest(name = "{0}: {4} MME/day")
    @CsvSource({
            "mmecalc, mmecalc.json, morphineMedRecMMECalc.json, 2020-10-29, 20",
            "patient-mme-greater-than-fifty, patient-mme-greater-than-fifty.json, example-rec-05-mme-greater-than-fifty-context.json, 2020-06-26, 180",
            "patient-mme-less-than-fifty, patient-mme-less-than-fifty.json, example-rec-05-mme-less-than-fifty-context.json, 2020-06-26, 30",
            "patient-mme-with-timeofday, patient-mme-with-timeofday.json, example-rec-05-mme-with-timeofday-context.json, 2020-06-26, 30"})
    void theFourCalculatorPatientsGiveTheirPublishedTotal(String folder, String patient, String order, LocalDate asOf,
                                                          double expected) {
        Assessment a = assess(folder, patient, order, asOf);

        assertThat(a.exposure().currentMmePerDay()).isCloseTo(expected, within(1e-6));
        assertThat(a.exposure().complete()).isTrue();
    }

    @Test
    void aPatientWithoutMedicinesHasNoMmeAndNoError() {
        IBaseResource patient = FHIR.parseResource(TestData.read(
                "opioid-mme-r4/MMECalculatorTests/patient-no-meds/patient-no-meds.json"));

        FhirMapping m = FHIR.fromResources(List.of(patient), LocalDate.of(2023, 5, 1));
        Assessment a = ENGINE.assess(m.record()).withDataQuality(m.notes());

        assertThat(m.record().doses()).isEmpty();
        assertThat(a.exposure().currentMmePerDay()).isZero();
        assertThat(a.exposure().trace()).isEmpty();
    }
}
