package org.oihkb.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Timing;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oihkb.engine.MmeEdition;
import org.oihkb.engine.OihEngine;
import org.oihkb.model.Assessment;
import org.oihkb.model.DoseEvent;

/**
 * The extra expected values of the CDC calculator's unit tests (OMTKLogicTests: RxNorm code, dose, doses
 * per day), through oih-fhir and the assessment.
 */
class OmtkValuesTest {

    static final LocalDate AS_OF = LocalDate.of(2023, 5, 1);
    static final FhirRecords FHIR = CdcMmeCalculatorTest.FHIR;
    static final OihEngine CDC_2016 = OihEngine.builder().edition(MmeEdition.CDC_2016).build();
    static final OihEngine ANALYTIC = OihEngine.builder().edition(MmeEdition.CDC_ANALYTIC).build();

    /** A MedicationRequest for chronic pain of {@code count} units, {@code frequency} times per period. */
    static FhirMapping order(String rxnorm, double count, String unit, int frequency, double period, String periodUnit) {
        MedicationRequest m = new MedicationRequest();
        m.setId("mr1");
        m.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
        m.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        m.setSubject(new Reference("Patient/p1"));
        m.setMedication(new CodeableConcept(new Coding("http://www.nlm.nih.gov/research/umls/rxnorm", rxnorm, null)));
        m.setAuthoredOnElement(new org.hl7.fhir.r4.model.DateTimeType("2023-04-20"));
        // For pain: methadone without a stated purpose would not enter the MME (CDC 2022: not for OUD treatment)
        m.addReasonCode(new CodeableConcept(new Coding("http://snomed.info/sct", "82423001", "Chronic pain")));
        Dosage d = m.addDosageInstruction();
        d.setTiming(new Timing().setRepeat(new Timing.TimingRepeatComponent().setFrequency(frequency)
                .setPeriod(BigDecimal.valueOf(period)).setPeriodUnit(Timing.UnitsOfTime.fromCode(periodUnit))));
        d.addDoseAndRate().setDose(new Quantity().setValue(count).setUnit(unit));
        Patient p = new Patient();
        p.setId("p1");
        return FHIR.fromResources(List.of(p, m), AS_OF);
    }

    @ParameterizedTest(name = "RxNorm {0}: {1} {2} x{3}/{4} {5} = {6} MME/day")
    @CsvSource({
            "245134, 1, patch, 1, 3, d, 60",
            "1603495, 1, patch, 1, 3, d, 90",
            "1049683, 1, tablet, 4, 1, d, 60",
            "1049574, 1, tablet, 2, 1, d, 90",
            "864706, 2, tablet, 3, 1, d, 282"})
    void cdc2022Values(String rxnorm, double count, String unit, int freq, double period, String periodUnit,
                       double mme) {
        FhirMapping m = order(rxnorm, count, unit, freq, period, periodUnit);
        Assessment a = CdcMmeCalculatorTest.ENGINE.assess(m.record());

        assertThat(a.exposure().currentMmePerDay()).isCloseTo(mme, within(1e-6));
    }

    @ParameterizedTest(name = "methadone 2 x 10 mg 3x/day = 600 MME/day with the 2016 tiered factor")
    @CsvSource("864706, 2, tablet, 3, 1, d, 600")
    void cdc2016TieredMethadone(String rxnorm, double count, String unit, int freq, double period, String periodUnit,
                                double mme) {
        FhirMapping m = order(rxnorm, count, unit, freq, period, periodUnit);
        Assessment a = CDC_2016.assess(m.record());

        assertThat(a.exposure().currentMmePerDay()).isCloseTo(mme, within(1e-6));
    }

    @ParameterizedTest(name = "RxNorm {0}: {6} mcg fentanyl a day by {7}")
    @CsvSource({
            "1115577, 1, spray, 3, 1, d, 1200, nasal",
            "858087, 1, film, 2, 1, d, 2400, buccal",
            "1237050, 1, spray, 3, 1, d, 300, sublingual"})
    void transmucosalFentanylDailyDoses(String rxnorm, double count, String unit, int freq, double period,
                                        String periodUnit, double mcgPerDay, String route) {
        DoseEvent d = order(rxnorm, count, unit, freq, period, periodUnit).record().doses().get(0);

        assertThat(d.dailyDose()).isCloseTo(mcgPerDay, within(1e-6));
        assertThat(d.unit().code()).isEqualTo("mcg");
        assertThat(d.route().code()).isEqualTo(route);
    }

    @ParameterizedTest(name = "RxNorm {0}: {6} MME/day with the CDC analytic factors (OMTKLogicTests)")
    @CsvSource({
            "1115577, 1, spray, 3, 1, d, 192",
            "858087, 1, film, 2, 1, d, 432",
            "1237050, 1, spray, 3, 1, d, 48"})
    void transmucosalFentanylWithTheAnalyticFactors(String rxnorm, double count, String unit, int freq, double period,
                                                    String periodUnit, double mme) {
        FhirMapping m = order(rxnorm, count, unit, freq, period, periodUnit);

        assertThat(ANALYTIC.assess(m.record()).exposure().currentMmePerDay()).isCloseTo(mme, within(1e-6));
        assertThat(CdcMmeCalculatorTest.ENGINE.assess(m.record()).exposure().currentMmePerDay())
                .as("the clinical table has no transmucosal factor").isNull();
    }

    @ParameterizedTest(name = "fentanyl/ropivacaine injection {0}: not in the OMTK table, no MME")
    @CsvSource("1244687, 1, mL, 1, 1, d")
    void anInjectionOutsideTheTableHasNoMmeAndANote(String rxnorm, double count, String unit, int freq, double period,
                                                    String periodUnit) {
        FhirMapping m = order(rxnorm, count, unit, freq, period, periodUnit);
        Assessment a = CdcMmeCalculatorTest.ENGINE.assess(m.record());

        assertThat(m.record().doses()).isEmpty();
        assertThat(a.exposure().trace()).isEmpty();
        assertThat(m.notes()).filteredOn(n -> n.id().equals(org.oihkb.fhir.internal.RecordMapper.UNKNOWN_MEDICATION))
                .singleElement().satisfies(n ->
                        assertThat(n.summary()).startsWith("MedicationRequest/mr1.medication (RxNorm 1244687)"));
    }
}
