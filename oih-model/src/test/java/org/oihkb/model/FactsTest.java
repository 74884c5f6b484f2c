package org.oihkb.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The smaller facts: symptoms, observations, conditions, medications, patients and the vocabularies. */
class FactsTest {
    private static final LocalDate DAY = LocalDate.of(2025, 3, 1);

    @Test
    void painNeedsAnIntensityFromZeroToTenWhenPresent() {
        assertThatThrownBy(() -> new Symptom(null, DAY, SymptomKind.PAIN, true, null, null, null, null, null, null))
                .hasMessage("intensity is required for a present pain score, was missing");
        assertThatThrownBy(() -> Symptom.pain(DAY, 11)).hasMessage("intensity must be between 0 and 10, was 11");
        assertThat(new Symptom(null, DAY, SymptomKind.PAIN, false, null, null, null, null, null, null).isPainScore())
                .isFalse();
    }

    @Test
    void observationsStayWithinTheirCodesRangeAndLookBack() {
        assertThatThrownBy(() -> new Observation(null, ObservationCode.COWS_SCORE, 49, DAY, null))
                .hasMessage("value must be between 0 and 48 for cows-score, was 49");
        Observation cows = new Observation(null, ObservationCode.COWS_SCORE, 8, DAY.minusDays(7), null);
        assertThat(cows.usableOn(DAY)).isTrue();
        assertThat(cows.usableOn(DAY.plusDays(1))).isFalse();
        assertThat(new Observation(null, ObservationCode.QTC_MS, 480, DAY.minusDays(365), null).usableOn(DAY)).isTrue();
    }

    @Test
    void aConditionCountsWhenActiveBegunAndNotEnded() {
        assertThat(Condition.active(ConditionCode.DEPRESSION).countsOn(DAY)).isTrue();
        assertThat(new Condition(null, ConditionCode.DEPRESSION, null, null, ConditionStatus.REFUTED, null).countsOn(DAY))
                .isFalse();
        assertThat(new Condition(null, ConditionCode.DEPRESSION, DAY.plusDays(1), null, null, null).countsOn(DAY)).isFalse();
        assertThat(new Condition(null, ConditionCode.DEPRESSION, DAY.minusDays(9), DAY.minusDays(1), null, null)
                .countsOn(DAY)).isFalse();
        assertThatThrownBy(() -> new Condition(null, ConditionCode.PREGNANCY, DAY, DAY.minusDays(1), null, null))
                .hasMessage("end must be on or after onset (2025-03-01), was 2025-02-28");
    }

    @Test
    void aMedicationIsActiveBetweenStartAndEnd() {
        Medication m = new Medication(null, MedicationClass.BENZODIAZEPINE, "lorazepam", DAY.minusDays(5), DAY, null);
        assertThat(m.activeOn(DAY)).isTrue();
        assertThat(m.activeOn(DAY.plusDays(1))).isFalse();
    }

    @Test
    void ageComesFromBirthDateOrStatedAge() {
        assertThat(new Patient("p", LocalDate.of(1960, 3, 2), null, null).ageOn(DAY)).isEqualTo(64);
        assertThat(new Patient("p", null, 70, null).ageOn(DAY)).isEqualTo(70);
        assertThat(Patient.of("p").ageOn(DAY)).isNull();
        assertThatThrownBy(() -> new Patient(" ", null, null, null)).hasMessage("id must not be blank, was ''");
    }

    @Test
    void unknownCodesListEveryAcceptedCode() {
        assertThatThrownBy(() -> Route.fromCode("doses[0].route", "inhaled"))
                .hasMessage("doses[0].route must be one of oral, transdermal, buccal, sublingual, nasal, intravenous, "
                        + "subcutaneous, intramuscular, intrathecal, epidural, rectal, was 'inhaled'");
        assertThat(DoseUnit.fromCode("unit", "mcg/h")).isEqualTo(DoseUnit.MCG_PER_HOUR);
    }

    @Test
    void sitesBelongToRegionsAndWidespreadCoversAll() {
        assertThat(BodySite.LEFT_HIP.regions()).containsExactly(BodyRegion.LEFT_LEG);
        assertThat(BodySite.UPPER_BACK.regions()).isEqualTo(BodySite.LOWER_BACK.regions());
        assertThat(BodySite.WIDESPREAD.regions()).isEqualTo(EnumSet.allOf(BodyRegion.class));
        assertThat(PainQuality.THROBBING.qualityClass()).isNotEqualTo(PainQuality.BURNING.qualityClass());
    }

    @Test
    void exceptionsGainTheirPathWhenPlacedInARecord() {
        InvalidRecordException e = new InvalidRecordException("dailyDose", "must be > 0", "-5").within("doses[2]");
        assertThat(e).hasMessage("doses[2].dailyDose must be > 0, was -5");
        assertThat(e.field()).isEqualTo("doses[2].dailyDose");
        assertThat(e.value()).isEqualTo("-5");
    }

    @Test
    void assessmentsSortTheirListsAndListWhatFired() {
        Finding b = new Finding("OIH-010", "t", Indicator.WARNING, "s", List.of(), List.of("x"), "g", null, null);
        Finding a = new Finding("EXP-050", "t", Indicator.WARNING, "s", List.of(), List.of("x"), "g", null, null);
        Assessment x = new Assessment("r", "p", DAY, new KnowledgeBaseInfo("oih-kb", "1", "cdc-2022"),
                new Exposure("cdc-2022", 0.0, 0.0, true, true, List.of(), null, 0, false, false, List.of(), List.of(), List.of()), List.of(b, a), List.of(), List.of());
        assertThat(x.findings()).extracting(Finding::id).containsExactly("EXP-050", "OIH-010");
        assertThat(x.withDataQuality(List.of(new DataQualityNote("INPUT-001", "u", List.of()))).firedIds())
                .containsExactly("EXP-050", "INPUT-001", "OIH-010");
    }
}
