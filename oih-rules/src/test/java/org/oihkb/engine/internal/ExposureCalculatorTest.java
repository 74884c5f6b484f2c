package org.oihkb.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oihkb.engine.internal.Doses.AS_OF;
import static org.oihkb.engine.internal.Doses.compute;
import static org.oihkb.engine.internal.Doses.day;
import static org.oihkb.engine.internal.Doses.dose;
import static org.oihkb.engine.internal.Doses.oral;
import static org.oihkb.engine.internal.Doses.record;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.oihkb.engine.Config;
import org.oihkb.engine.MmeEdition;
import org.oihkb.model.DoseEvent;
import org.oihkb.model.DoseMme;
import org.oihkb.model.DosePurpose;
import org.oihkb.model.DoseStatus;
import org.oihkb.model.DoseUnit;
import org.oihkb.model.Drug;
import org.oihkb.model.Exposure;
import org.oihkb.model.Route;

/** Dose periods to the MME trace, the daily series and the exposure summary (docs/definitions.md, Exposure). */
class ExposureCalculatorTest {

    private static DoseMme trace(ExposureCalculator.Result r, String doseId) {
        return r.exposure().trace().stream().filter(t -> t.doseId().equals(doseId)).findFirst().orElseThrow();
    }

    // --- current MME ---

    @Test
    void currentMmeSumsDifferentDrugs() {
        var r = compute(oral("oxy", Drug.OXYCODONE, 40, -30).build(), oral("mor", Drug.MORPHINE, 30, -20).build(),
                dose("fen", Drug.FENTANYL, Route.TRANSDERMAL, 25, DoseUnit.MCG_PER_HOUR, -10).build());
        Exposure e = r.exposure();
        assertThat(e.mmeEdition()).isEqualTo("cdc-2022");
        assertThat(e.currentMmePerDay()).isEqualTo(150.0);
        assertThat(e.complete()).isTrue();
        assertThat(e.notComputedDoseIds()).isEmpty();
        assertThat(e.countedDoseIdsOn(AS_OF)).containsExactly("fen", "mor", "oxy");
        assertThat(r.series().bandOn(day(-25))).isEqualTo(60.0);
        assertThat(r.series().bandOn(day(-15))).isEqualTo(90.0);
    }

    @Test
    void noDosesGiveZeroExposure() {
        Exposure e = compute().exposure();
        assertThat(e.currentMmePerDay()).isZero();
        assertThat(e.peakMmePerDay()).isZero();
        assertThat(e.complete()).isTrue();
        assertThat(e.daysOnOpioids()).isZero();
        assertThat(e.longTermTherapy()).isFalse();
        assertThat(e.trace()).isEmpty();
    }

    @Test
    void aDoseThatEndedBeforeAsOfDoesNotCountInCurrentMme() {
        var r = compute(oral("old", Drug.OXYCODONE, 40, -60).end(day(-1)).build(),
                oral("mor", Drug.MORPHINE, 30, -60).build());
        assertThat(r.exposure().currentMmePerDay()).isEqualTo(30.0);
        assertThat(r.series().bandOn(day(-1))).isEqualTo(90.0);
        assertThat(r.exposure().countedDoseIdsOn(AS_OF)).containsExactly("mor");
    }

    @Test
    void aDoseEndingOnAsOfStillCounts() {
        var r = compute(oral("oxy", Drug.OXYCODONE, 40, -60).end(AS_OF).build());
        assertThat(r.exposure().currentMmePerDay()).isEqualTo(60.0);
    }

    @Test
    void aDoseRunningPastAsOfCountsOnAsOf() {
        var r = compute(oral("oxy", Drug.OXYCODONE, 40, -60).end(day(30)).build());
        assertThat(r.exposure().currentMmePerDay()).isEqualTo(60.0);
        assertThat(trace(r, "oxy").to()).isEqualTo(day(30));
    }

    // --- same drug and route: replacement ---

    @Test
    void aLaterPeriodOfTheSameDrugAndRouteReplacesTheEarlierFromItsStartDay() {
        var r = compute(oral("d1", Drug.OXYCODONE, 40, -60).build(), oral("d2", Drug.OXYCODONE, 60, -30).build());
        assertThat(trace(r, "d1").from()).isEqualTo(day(-60));
        assertThat(trace(r, "d1").to()).isEqualTo(day(-31));
        assertThat(trace(r, "d2").from()).isEqualTo(day(-30));
        assertThat(trace(r, "d2").to()).isNull();
        assertThat(r.series().bandOn(day(-31))).isEqualTo(60.0);
        assertThat(r.series().bandOn(day(-30))).as("switch day counts once").isEqualTo(90.0);
        assertThat(r.exposure().currentMmePerDay()).isEqualTo(90.0);
        assertThat(r.exposure().peakMmePerDay()).isEqualTo(90.0);
        assertThat(r.exposure().countedDoseIdsOn(day(-30))).containsExactly("d2");
    }

    @Test
    void aRecordedEndThatOverlapsTheNextPeriodIsCutAtTheSwitchDay() {
        // the prescriber recorded the old dose as running to day -10 though the new one started on day -30
        var r = compute(oral("d1", Drug.OXYCODONE, 40, -60).end(day(-10)).build(),
                oral("d2", Drug.OXYCODONE, 20, -30).build());
        assertThat(trace(r, "d1").to()).isEqualTo(day(-31));
        assertThat(r.series().bandOn(day(-20))).isEqualTo(30.0);
        assertThat(r.exposure().currentMmePerDay()).isEqualTo(30.0);
    }

    @Test
    void aPeriodEndingBeforeTheNextStartsKeepsItsEnd() {
        var r = compute(oral("d1", Drug.OXYCODONE, 40, -60).end(day(-40)).build(),
                oral("d2", Drug.OXYCODONE, 20, -30).build());
        assertThat(trace(r, "d1").to()).isEqualTo(day(-40));
        assertThat(r.series().bandOn(day(-35))).isZero();
    }

    @Test
    void twoPeriodsOfTheSameDrugAndRouteStartingTheSameDayNeverDoubleCount() {
        DoseEvent a = oral("a", Drug.OXYCODONE, 40, -30).build();
        DoseEvent b = oral("b", Drug.OXYCODONE, 60, -30).build();
        for (var r : new ExposureCalculator.Result[] {compute(a, b), compute(b, a)}) {
            // deterministic whatever the input order: the later id replaces the earlier one wholly
            assertThat(r.exposure().currentMmePerDay()).isEqualTo(90.0);
            assertThat(r.series().bandOn(day(-30))).isEqualTo(90.0);
            DoseMme replaced = trace(r, "a");
            assertThat(replaced.to()).isBefore(replaced.from());
            assertThat(replaced.covers(day(-30))).isFalse();
            assertThat(r.exposure().countedDoseIdsOn(AS_OF)).containsExactly("b");
        }
    }

    @Test
    void aChainOfChangesCountsOnlyTheLatestOnEachDay() {
        var r = compute(oral("d1", Drug.MORPHINE, 30, -90).build(), oral("d2", Drug.MORPHINE, 60, -60).build(),
                oral("d3", Drug.MORPHINE, 45, -30).build());
        assertThat(r.series().bandOn(day(-61))).isEqualTo(30.0);
        assertThat(r.series().bandOn(day(-60))).isEqualTo(60.0);
        assertThat(r.series().bandOn(day(-31))).isEqualTo(60.0);
        assertThat(r.series().bandOn(day(-30))).isEqualTo(45.0);
        assertThat(r.exposure().currentMmePerDay()).isEqualTo(45.0);
        assertThat(r.exposure().peakMmePerDay()).isEqualTo(60.0);
    }

    @Test
    void differentRoutesOfTheSameDrugAddUp() throws IOException {
        // the CDC tables have one computable route per drug, so a table with a second route shows the sum
        String csv = """
                edition,drug,route,unit,form,min_exclusive,max_inclusive,factor,reason
                cdc-2022,morphine,oral,mg,*,,,1.0,
                cdc-2022,morphine,rectal,mg,*,,,1.0,
                """;
        MmeTable table = MmeTable.parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        var r = new ExposureCalculator(table, MmeEdition.CDC_2022, Config.defaults()).compute(record(
                oral("oral", Drug.MORPHINE, 30, -30).build(),
                dose("rect", Drug.MORPHINE, Route.RECTAL, 20, DoseUnit.MG, -10).build()));
        assertThat(trace(r, "oral").to()).isNull();
        assertThat(r.exposure().currentMmePerDay()).isEqualTo(50.0);
        assertThat(r.series().bandOn(day(-11))).isEqualTo(30.0);
    }

    @Test
    void aSecondRouteOfTheSameDrugDoesNotReplaceTheFirst() {
        var r = compute(dose("patch", Drug.FENTANYL, Route.TRANSDERMAL, 25, DoseUnit.MCG_PER_HOUR, -30).build(),
                dose("buccal", Drug.FENTANYL, Route.BUCCAL, 400, DoseUnit.MCG, -10).build());
        assertThat(trace(r, "patch").to()).isNull();
        assertThat(r.exposure().currentMmePerDay()).isEqualTo(60.0);
        assertThat(r.exposure().complete()).isFalse();
        assertThat(r.exposure().notComputedDoseIds()).containsExactly("buccal");
    }

    @Test
    void aPrnRescueAndAScheduledBaseOfTheSameDrugAreTakenTogether() {
        // an extended-release base plus an immediate-release PRN rescue is two regimens, not a dose change
        var r = compute(oral("base", Drug.OXYCODONE, 40, -60).build(),
                oral("rescue", Drug.OXYCODONE, 20, -30).prn(true).takenDailyDose(10.0).build());
        assertThat(trace(r, "base").to()).isNull();
        assertThat(r.exposure().currentMmePerDay()).isEqualTo(90.0);
        assertThat(r.series().trendOn(AS_OF)).isEqualTo(75.0);
    }

    // --- purpose ---

    @Test
    void methadoneForOudTreatmentHasNoMmeAndNeverCountsForThresholds() {
        var r = compute(oral("mtd", Drug.METHADONE, 80, -100).purpose(DosePurpose.OUD_TREATMENT).build());
        DoseMme t = trace(r, "mtd");
        assertThat(t.purpose()).isEqualTo(DosePurpose.OUD_TREATMENT);
        assertThat(t.computed()).isFalse();
        assertThat(t.mmePerDay()).isNull();
        assertThat(t.factor()).isNull();
        assertThat(t.countsForThresholds()).isFalse();
        assertThat(t.note()).isEqualTo("MME not applied: treatment of opioid use disorder (CDC 2022 MME caution 7)");
        Exposure e = r.exposure();
        assertThat(e.currentMmePerDay()).isZero();
        assertThat(e.peakMmePerDay()).isZero();
        assertThat(e.complete()).as("not a pain dose, so nothing is missing from the pain MME").isTrue();
        assertThat(e.daysOnOpioids()).isZero();
        assertThat(e.longTermTherapy()).isFalse();
        assertThat(e.exposedOn(AS_OF)).isTrue();
    }

    @Test
    void buprenorphineForOudTreatmentSaysCaution7() {
        var r = compute(dose("bup", Drug.BUPRENORPHINE, Route.SUBLINGUAL, 16, DoseUnit.MG, -100)
                .purpose(DosePurpose.OUD_TREATMENT).build());
        assertThat(trace(r, "bup").note()).contains("caution 7");
        assertThat(r.exposure().complete()).isTrue();
    }

    @Test
    void methadoneWithoutAPurposeIsComputedForTheTraceButNotCounted() {
        DoseEvent methadone = oral("mtd", Drug.METHADONE, 60, -30).build();
        assertThat(methadone.purpose()).isEqualTo(DosePurpose.UNKNOWN);
        var r = compute(methadone, oral("oxy", Drug.OXYCODONE, 40, -30).build());
        DoseMme t = trace(r, "mtd");
        assertThat(t.purpose()).isEqualTo(DosePurpose.UNKNOWN);
        assertThat(t.mmePerDay()).isEqualTo(282.0);
        assertThat(t.factor()).isEqualTo(4.7);
        assertThat(t.countsForThresholds()).isFalse();
        assertThat(t.note()).isEqualTo("purpose unknown: not counted towards MME thresholds until the purpose is "
                + "recorded (CDC 2022 MME caution 7)");
        assertThat(r.exposure().currentMmePerDay()).isEqualTo(60.0);
        assertThat(r.exposure().countedDoseIdsOn(AS_OF)).containsExactly("oxy");
        assertThat(r.exposure().complete()).isTrue();
    }

    @Test
    void methadoneForPainCountsAtItsEditionFactor() {
        DoseEvent methadone = oral("mtd", Drug.METHADONE, 60, -30).purpose(DosePurpose.PAIN).build();
        assertThat(compute(MmeEdition.CDC_2022, methadone).exposure().currentMmePerDay()).isEqualTo(282.0);
        assertThat(compute(MmeEdition.CDC_2016, methadone).exposure().currentMmePerDay()).isEqualTo(600.0);
        assertThat(compute(MmeEdition.CDC_2016, methadone).exposure().mmeEdition()).isEqualTo("cdc-2016");
    }

    // --- PRN ---

    @Test
    void prnBandUsesTheMaximumAndTrendUsesWhatWasTaken() {
        var r = compute(oral("prn", Drug.OXYCODONE, 40, -30).prn(true).takenDailyDose(20.0).build());
        assertThat(r.series().bandOn(AS_OF)).isEqualTo(60.0);
        assertThat(r.series().trendOn(AS_OF)).isEqualTo(30.0);
        assertThat(r.exposure().currentMmePerDay()).isEqualTo(60.0);
        assertThat(trace(r, "prn").mmePerDay()).isEqualTo(60.0);
    }

    @Test
    void prnWithoutTakenDoseIsLeftOutOfTheTrendButCountsInTheBand() {
        var r = compute(oral("prn", Drug.HYDROMORPHONE, 8, -30).prn(true).build(),
                oral("mor", Drug.MORPHINE, 30, -30).build());
        assertThat(r.series().bandOn(AS_OF)).isEqualTo(70.0);
        assertThat(r.series().trendOn(AS_OF)).isEqualTo(30.0);
        assertThat(r.exposure().currentMmePerDay()).isEqualTo(70.0);
    }

    @Test
    void prnAloneWithoutTakenDoseHasAZeroTrend() {
        var r = compute(oral("prn", Drug.OXYCODONE, 40, -30).prn(true).build());
        assertThat(r.series().bandOn(AS_OF)).isEqualTo(60.0);
        assertThat(r.series().trendOn(AS_OF)).isZero();
    }

    @Test
    void prnTakenZeroHasAZeroTrend() {
        var r = compute(oral("prn", Drug.OXYCODONE, 40, -30).prn(true).takenDailyDose(0.0).build());
        assertThat(r.series().bandOn(AS_OF)).isEqualTo(60.0);
        assertThat(r.series().trendOn(AS_OF)).isZero();
    }

    @Test
    void prnMethadoneTakenDoseUsesItsOwn2016Tier() {
        var r = compute(MmeEdition.CDC_2016, oral("prn", Drug.METHADONE, 60, -30).purpose(DosePurpose.PAIN)
                .prn(true).takenDailyDose(20.0).build());
        assertThat(r.series().bandOn(AS_OF)).isEqualTo(600.0);
        assertThat(r.series().trendOn(AS_OF)).isEqualTo(80.0);
    }

    @Test
    void prnMethadoneTakenZeroIn2016HasAZeroTrend() {
        var r = compute(MmeEdition.CDC_2016, oral("prn", Drug.METHADONE, 60, -30).purpose(DosePurpose.PAIN)
                .prn(true).takenDailyDose(0.0).build());
        assertThat(r.series().bandOn(AS_OF)).isEqualTo(600.0);
        assertThat(r.series().trendOn(AS_OF)).isZero();
    }

    // --- proposed orders ---

    @Test
    void aProposedDoseCountsFromAsOf() {
        var r = compute(oral("cur", Drug.OXYCODONE, 40, -60).build(),
                oral("new", Drug.OXYCODONE, 60, 5).status(DoseStatus.PROPOSED).build());
        assertThat(trace(r, "new").from()).isEqualTo(AS_OF);
        assertThat(trace(r, "cur").to()).isEqualTo(day(-1));
        assertThat(r.series().bandOn(day(-1))).isEqualTo(60.0);
        assertThat(r.exposure().currentMmePerDay()).isEqualTo(90.0);
        assertThat(r.exposure().countedDoseIdsOn(AS_OF)).containsExactly("new");
    }

    @Test
    void aProposedDoseWithAPastStartStillCountsOnlyFromAsOf() {
        var r = compute(oral("mor", Drug.MORPHINE, 30, -60).build(),
                oral("new", Drug.OXYCODONE, 20, -40).status(DoseStatus.PROPOSED).build());
        assertThat(trace(r, "new").from()).isEqualTo(AS_OF);
        assertThat(r.series().bandOn(day(-1))).isEqualTo(30.0);
        assertThat(r.exposure().currentMmePerDay()).isEqualTo(60.0);
        assertThat(r.exposure().peakMmePerDay()).isEqualTo(60.0);
    }

    // --- peak ---

    @Test
    void peakMmeIsTheHighestBandDoseInTheLast365Days() {
        var r = compute(oral("old", Drug.OXYCODONE, 120, -420).end(day(-366)).build(),
                oral("mid", Drug.MORPHINE, 90, -300).end(day(-200)).build(),
                oral("now", Drug.OXYCODONE, 40, -100).build());
        Exposure e = r.exposure();
        assertThat(r.series().bandOn(day(-400))).isEqualTo(180.0);
        assertThat(e.peakMmePerDay()).as("the 180 MME/day dose ended outside the window").isEqualTo(90.0);
        assertThat(e.currentMmePerDay()).isEqualTo(60.0);
    }

    @Test
    void peakIncludesADoseThatRanIntoTheWindow() {
        var r = compute(oral("old", Drug.OXYCODONE, 120, -420).end(day(-300)).build(),
                oral("now", Drug.OXYCODONE, 40, -100).build());
        assertThat(r.exposure().peakMmePerDay()).isEqualTo(180.0);
    }

    @Test
    void peakIsNeverBelowCurrent() {
        var r = compute(oral("now", Drug.MORPHINE, 45, -10).build());
        assertThat(r.exposure().peakMmePerDay()).isEqualTo(45.0);
    }

    // --- long-term therapy ---

    @Test
    void sixtyThreeDaysInTheLast90AreLongTermTherapy() {
        Exposure e = compute(oral("oxy", Drug.OXYCODONE, 20, -62).build()).exposure();
        assertThat(e.daysOnOpioids()).isEqualTo(63);
        assertThat(e.longTermTherapy()).isTrue();
    }

    @Test
    void sixtyTwoDaysInTheLast90AreNotLongTermTherapy() {
        Exposure e = compute(oral("oxy", Drug.OXYCODONE, 20, -61).build()).exposure();
        assertThat(e.daysOnOpioids()).isEqualTo(62);
        assertThat(e.longTermTherapy()).isFalse();
    }

    @Test
    void daysOnOpioidsCountOnlyTheWindowOf90DaysEndingOnAsOf() {
        Exposure e = compute(oral("oxy", Drug.OXYCODONE, 20, -400).build()).exposure();
        assertThat(e.daysOnOpioids()).isEqualTo(90);
        assertThat(e.longTermTherapy()).isTrue();
        Exposure before = compute(oral("oxy", Drug.OXYCODONE, 20, -400).end(day(-90)).build()).exposure();
        assertThat(before.daysOnOpioids()).isZero();
        Exposure lastDay = compute(oral("oxy", Drug.OXYCODONE, 20, -400).end(day(-89)).build()).exposure();
        assertThat(lastDay.daysOnOpioids()).isEqualTo(1);
    }

    @Test
    void overlappingDrugsCountEachDayOnceAndGapsAreLeftOut() {
        // days -89..-60 (30 days) with two drugs overlapping on -70..-60, then a gap, then -40..0 (41 days)
        Exposure e = compute(oral("a", Drug.MORPHINE, 30, -89).end(day(-60)).build(),
                oral("b", Drug.OXYCODONE, 10, -70).end(day(-60)).build(),
                oral("c", Drug.HYDROCODONE, 10, -40).build()).exposure();
        assertThat(e.daysOnOpioids()).isEqualTo(71);
        assertThat(e.longTermTherapy()).isTrue();
    }

    @Test
    void aDoseChangeDoesNotCountItsSwitchDayTwice() {
        Exposure e = compute(oral("d1", Drug.OXYCODONE, 20, -61).build(),
                oral("d2", Drug.OXYCODONE, 30, -30).build()).exposure();
        assertThat(e.daysOnOpioids()).isEqualTo(62);
        assertThat(e.longTermTherapy()).isFalse();
    }

    @Test
    void painDosesWithoutAnMmeStillCountAsDaysOnOpioids() {
        Exposure e = compute(dose("iv", Drug.MORPHINE, Route.INTRAVENOUS, 20, DoseUnit.MG, -62).build()).exposure();
        assertThat(e.daysOnOpioids()).isEqualTo(63);
        assertThat(e.longTermTherapy()).isTrue();
    }

    @Test
    void dosesNotForPainAreNotDaysOnOpioids() {
        Exposure e = compute(oral("mtd", Drug.METHADONE, 60, -100).build()).exposure();
        assertThat(e.daysOnOpioids()).isZero();
        assertThat(e.longTermTherapy()).isFalse();
    }

    @Test
    void longTermThresholdComesFromTheConfig() {
        Config config = Config.builder().longTermMinDays(30).longTermWindowDays(60).build();
        Exposure e = new ExposureCalculator(Doses.TABLE, MmeEdition.CDC_2022, config)
                .compute(record(oral("oxy", Drug.OXYCODONE, 20, -29).build())).exposure();
        assertThat(e.daysOnOpioids()).isEqualTo(30);
        assertThat(e.longTermTherapy()).isTrue();
    }

    // --- completeness ---

    @Test
    void aCurrentIntravenousPainDoseMakesTheExposureIncomplete() {
        var r = compute(oral("oxy", Drug.OXYCODONE, 40, -30).build(),
                dose("iv", Drug.HYDROMORPHONE, Route.INTRAVENOUS, 4, DoseUnit.MG, -3).build());
        Exposure e = r.exposure();
        assertThat(e.complete()).isFalse();
        assertThat(e.notComputedDoseIds()).containsExactly("iv");
        assertThat(e.currentMmePerDay()).isEqualTo(60.0);
        DoseMme iv = trace(r, "iv");
        assertThat(iv.computed()).isFalse();
        assertThat(iv.countsForThresholds()).isFalse();
        assertThat(iv.note()).isEqualTo("MME not computed: intravenous route has no factor in the CDC tables");
    }

    @Test
    void notComputedDoseIdsAreSorted() {
        Exposure e = compute(dose("z-sc", Drug.MORPHINE, Route.SUBCUTANEOUS, 10, DoseUnit.MG, -3).build(),
                dose("a-epi", Drug.MORPHINE, Route.EPIDURAL, 2, DoseUnit.MG, -3).build(),
                dose("m-bup", Drug.BUPRENORPHINE, Route.SUBLINGUAL, 8, DoseUnit.MG, -3).purpose(DosePurpose.PAIN)
                        .build()).exposure();
        assertThat(e.complete()).isFalse();
        assertThat(e.notComputedDoseIds()).containsExactly("a-epi", "m-bup", "z-sc");
        assertThat(e.currentMmePerDay()).as("pain doses run and none has an MME: null, not 0").isNull();
        assertThat(e.peakMmePerDay()).isNull();
        assertThat(e.notComputableReason()).isEqualTo("no MME factor: partial agonist with a ceiling effect (CDC 2022 MME caution 6); "
                + "route epidural is not in the cdc-2022 table; route subcutaneous is not in the cdc-2022 table");
        assertThat(e.band(50)).isEqualTo(Exposure.BandStatus.NOT_ASSESSABLE);
    }

    @Test
    void anEndedIntravenousDoseLeavesTheExposureComplete() {
        Exposure e = compute(oral("oxy", Drug.OXYCODONE, 40, -30).build(),
                dose("iv", Drug.MORPHINE, Route.INTRAVENOUS, 20, DoseUnit.MG, -20).end(day(-15)).build()).exposure();
        assertThat(e.complete()).isTrue();
        assertThat(e.notComputedDoseIds()).isEmpty();
    }

    @Test
    void tramadolIsIncompleteIn2016AndCountedIn2022() {
        DoseEvent tramadol = oral("tra", Drug.TRAMADOL, 200, -30).build();
        Exposure e2016 = compute(MmeEdition.CDC_2016, tramadol).exposure();
        assertThat(e2016.complete()).isFalse();
        assertThat(e2016.notComputedDoseIds()).containsExactly("tra");
        assertThat(e2016.currentMmePerDay()).isNull();
        Exposure e2022 = compute(MmeEdition.CDC_2022, tramadol).exposure();
        assertThat(e2022.complete()).isTrue();
        assertThat(e2022.currentMmePerDay()).isEqualTo(40.0);
    }

    @Test
    void anImplausibleDoseIsNotUsedAndMakesTheExposureIncomplete() {
        var r = compute(oral("slip", Drug.OXYCODONE, 10000, -3).build());
        DoseMme t = trace(r, "slip");
        assertThat(t.computed()).isFalse();
        assertThat(t.factor()).isEqualTo(1.5);
        assertThat(t.countsForThresholds()).isFalse();
        assertThat(t.note()).isEqualTo("MME not used: 15000 MME/day is above the plausible maximum of 10000; "
                + "check the dose and its unit");
        assertThat(r.exposure().currentMmePerDay()).isNull();
        assertThat(r.exposure().complete()).isFalse();
        assertThat(r.exposure().notComputedDoseIds()).containsExactly("slip");
    }

    // --- arithmetic ---

    @Test
    void sumsOfDecimalFactorsAreExact() {
        var r = compute(oral("mtd", Drug.METHADONE, 60, -30).purpose(DosePurpose.PAIN).build(),
                oral("oxy", Drug.OXYCODONE, 30, -30).build());
        assertThat(r.exposure().currentMmePerDay()).isEqualTo(327.0);
        var small = compute(oral("tap", Drug.TAPENTADOL, 0.25, -30).build(),
                oral("tra", Drug.TRAMADOL, 1, -30).build());
        assertThat(small.exposure().currentMmePerDay()).isEqualTo(0.3);
        var codeine = compute(oral("cod", Drug.CODEINE, 7, -30).build(), oral("tra", Drug.TRAMADOL, 1, -30).build(),
                oral("hyd", Drug.HYDROMORPHONE, 0.7, -30).build());
        assertThat(codeine.exposure().currentMmePerDay()).isEqualTo(4.75);
    }

    @Test
    void reductionsBackToAnEarlierDoseAreExact() {
        var r = compute(oral("a", Drug.CODEINE, 7, -60).build(), oral("t1", Drug.TRAMADOL, 1, -60).end(day(-31)).build(),
                oral("t2", Drug.TRAMADOL, 2, -30).end(day(-11)).build());
        assertThat(r.series().bandOn(day(-40))).isEqualTo(1.25);
        assertThat(r.series().bandOn(day(-20))).isEqualTo(1.45);
        assertThat(r.series().bandOn(day(-10))).isEqualTo(1.05);
        assertThat(r.exposure().currentMmePerDay()).isEqualTo(1.05);
    }

    // --- the trace ---

    @Test
    void traceIsSortedByStartThenId() {
        Exposure e = compute(oral("b", Drug.MORPHINE, 30, -10).build(), oral("c", Drug.OXYCODONE, 10, -20).build(),
                oral("a", Drug.HYDROCODONE, 10, -10).build()).exposure();
        assertThat(e.trace()).extracting(DoseMme::doseId).containsExactly("c", "a", "b");
    }

    @Test
    void resultDoesNotDependOnInputOrder() {
        DoseEvent[] doses = {
            oral("d1", Drug.OXYCODONE, 40, -200).build(), oral("d2", Drug.OXYCODONE, 60, -100).build(),
            oral("d3", Drug.MORPHINE, 30, -50).prn(true).takenDailyDose(10.0).build(),
            dose("d4", Drug.FENTANYL, Route.TRANSDERMAL, 12, DoseUnit.MCG_PER_HOUR, -20).build(),
        };
        var forward = compute(doses);
        var backward = compute(doses[3], doses[2], doses[1], doses[0]);
        assertThat(backward.exposure()).isEqualTo(forward.exposure());
        assertThat(backward.series()).isEqualTo(forward.series());
        assertThat(forward.exposure().currentMmePerDay()).isEqualTo(148.8);
        assertThat(forward.series().trendOn(AS_OF)).isEqualTo(128.8);
    }

    @Test
    void aDoseWithoutMmeBesideOneWithMakesALowerBound() {
        Exposure e = compute(oral("oxy", Drug.OXYCODONE, 20, -30).build(),
                dose("it", Drug.MORPHINE, Route.INTRATHECAL, 1, DoseUnit.MG, -30).build()).exposure();
        assertThat(e.currentMmePerDay()).isEqualTo(30.0);
        assertThat(e.complete()).isFalse();
        assertThat(e.peakComplete()).isFalse();
        assertThat(e.notComputableReason()).isEqualTo("route intrathecal is not in the cdc-2022 table");
        assertThat(e.band(50)).as("a lower bound below the band").isEqualTo(Exposure.BandStatus.NOT_ASSESSABLE);
        assertThat(e.series()).singleElement().satisfies(sr -> {
            assertThat(sr.drug()).isEqualTo("morphine");
            assertThat(sr.route()).isEqualTo("intrathecal");
            assertThat(sr.unit()).isEqualTo("mg/day");
            assertThat(sr.values()).containsExactly(new Exposure.Point(day(-30), 1));
        });
    }

    @Test
    void aLowerBoundAtOrAboveTheBandHolds() {
        Exposure e = compute(oral("oxy", Drug.OXYCODONE, 40, -30).build(),
                dose("it", Drug.MORPHINE, Route.INTRATHECAL, 1, DoseUnit.MG, -30).build()).exposure();
        assertThat(e.currentMmePerDay()).isEqualTo(60.0);
        assertThat(e.band(50)).isEqualTo(Exposure.BandStatus.HOLDS);
        assertThat(e.band(90)).isEqualTo(Exposure.BandStatus.NOT_ASSESSABLE);
    }

    @Test
    void noPainDoseIsZeroAndComplete() {
        Exposure e = compute(oral("oxy", Drug.OXYCODONE, 40, -30).end(day(-10)).build()).exposure();
        assertThat(e.currentMmePerDay()).isZero();
        assertThat(e.complete()).isTrue();
        assertThat(e.band(50)).isEqualTo(Exposure.BandStatus.NO);
        assertThat(e.peakMmePerDay()).isEqualTo(60.0);
    }

    @Test
    void thePeakWindowIs365DaysEndingOnAsOf() {
        Exposure in = compute(oral("old", Drug.OXYCODONE, 60, -400).end(day(-364)).build()).exposure();
        assertThat(in.peakMmePerDay()).as("asOf-364 is inside").isEqualTo(90.0);
        Exposure out = compute(oral("old", Drug.OXYCODONE, 60, -400).end(day(-365)).build()).exposure();
        assertThat(out.peakMmePerDay()).as("asOf-365 is outside").isZero();
    }

    @Test
    void aCurrentDoseOfExactly50MmeHoldsThe50Band() {
        Exposure at = compute(oral("m", Drug.MORPHINE, 50, -10).build()).exposure();
        assertThat(at.bands().get(0).status()).isEqualTo(Exposure.BandStatus.HOLDS);
        Exposure below = compute(oral("m", Drug.MORPHINE, 49.5, -10).build()).exposure();
        assertThat(below.bands().get(0).status()).isEqualTo(Exposure.BandStatus.NO);
    }

    @Test
    void longTermOnCountsSixtyThreeDaysOfTheNinetyEndingOnTheDay() {
        ExposureCalculator calc = new ExposureCalculator(Doses.TABLE, MmeEdition.CDC_2022, Config.defaults());
        // days -89..-27 are 63 days of the window -89..0; -89..-28 are 62
        var in = calc.compute(record(oral("m", Drug.MORPHINE, 40, -200).end(day(-27)).build())).exposure();
        assertThat(calc.longTermOn(in.trace(), AS_OF)).isTrue();
        var out = calc.compute(record(oral("m", Drug.MORPHINE, 40, -200).end(day(-28)).build())).exposure();
        assertThat(calc.longTermOn(out.trace(), AS_OF)).isFalse();
    }

    @Test
    void dosesWithoutAnMmeAreListedInIdOrder() {
        Exposure e = compute(oral("b", Drug.OTHER, 10, -10).name("xdrug").build(),
                oral("a", Drug.OTHER, 10, -10).name("ydrug").build()).exposure();
        assertThat(e.notComputedDoseIds()).containsExactly("a", "b");
    }

    // --- the other edition's shortcut ---

    /**
     * The engine skips computing the other edition's exposure when {@code convertsAlike} holds; then the full
     * computation must give the same figures. Random records (fixed seed) over every drug, the routes, units,
     * PRN amounts and purposes, including methadone's dose bands of the 2016 table and buprenorphine.
     */
    @Test
    void convertingAlikeGivesTheSameFiguresInBothEditions() {
        Random rnd = new Random(18);
        Drug[] drugs = Drug.values();
        Route[] routes = {Route.ORAL, Route.ORAL, Route.TRANSDERMAL, Route.BUCCAL, Route.INTRAVENOUS};
        DosePurpose[] purposes = {DosePurpose.PAIN, DosePurpose.PAIN, DosePurpose.PAIN, DosePurpose.OUD_TREATMENT,
            DosePurpose.UNKNOWN};
        int alike = 0;
        int differ = 0;
        int figuresDiffer = 0;
        for (int i = 0; i < 3000; i++) {
            int n = 1 + rnd.nextInt(3);
            DoseEvent[] doses = new DoseEvent[n];
            for (int k = 0; k < n; k++) {
                Drug drug = drugs[rnd.nextInt(drugs.length)];
                boolean prn = rnd.nextInt(4) == 0;
                Route route = routes[rnd.nextInt(routes.length)];
                DoseUnit unit = switch (route) {
                    case TRANSDERMAL -> DoseUnit.MCG_PER_HOUR;
                    case BUCCAL -> DoseUnit.MCG;
                    case ORAL -> rnd.nextInt(5) == 0 ? DoseUnit.MCG : DoseUnit.MG;
                    default -> DoseUnit.MG;
                };
                int daily = unit == DoseUnit.MCG ? 100 + rnd.nextInt(800) : 5 + rnd.nextInt(80);
                DoseEvent.Builder b = dose("d" + k, drug, route, daily, unit, -rnd.nextInt(200))
                        .purpose(purposes[rnd.nextInt(purposes.length)]).prn(prn)
                        .takenDailyDose(prn && rnd.nextBoolean() ? (double) rnd.nextInt(daily + 1) : null);
                if (drug == Drug.OTHER) {
                    b.name("other opioid");
                }
                doses[k] = b.build();
            }
            var record = record(doses);
            for (MmeEdition one : MmeEdition.values()) {
                for (MmeEdition two : MmeEdition.values()) {
                    ExposureCalculator a = new ExposureCalculator(Doses.TABLE, one, Config.defaults());
                    ExposureCalculator b = new ExposureCalculator(Doses.TABLE, two, Config.defaults());
                    Exposure x = a.compute(record).exposure();
                    Exposure y = b.compute(record).exposure();
                    boolean same = Objects.equals(x.currentMmePerDay(), y.currentMmePerDay())
                            && Objects.equals(x.peakMmePerDay(), y.peakMmePerDay())
                            && x.complete() == y.complete() && x.peakComplete() == y.peakComplete()
                            && x.bands().stream().map(Exposure.Band::status).toList()
                                .equals(y.bands().stream().map(Exposure.Band::status).toList());
                    if (a.convertsAlike(record, b)) {
                        alike++;
                        assertThat(same).as("record %d, %s against %s: %s", i, one, two, record.doses()).isTrue();
                    } else {
                        differ++;
                        figuresDiffer += same ? 0 : 1;
                    }
                }
            }
        }
        assertThat(alike).isGreaterThan(1000);
        assertThat(differ).isGreaterThan(1000);
        assertThat(figuresDiffer).isGreaterThan(500);
    }

    @Test
    void calculatorsWithOtherTablesOrSettingsDoNotConvertAlike() {
        var record = record(oral("mor", Drug.MORPHINE, 30, -20).build());
        ExposureCalculator a = new ExposureCalculator(Doses.TABLE, MmeEdition.CDC_2022, Config.defaults());
        assertThat(a.convertsAlike(record, new ExposureCalculator(Doses.TABLE, MmeEdition.CDC_2016, Config.defaults())))
                .isTrue();
        assertThat(a.convertsAlike(record, new ExposureCalculator(MmeTable.builtIn(), MmeEdition.CDC_2016,
                Config.defaults()))).isFalse();
    }
}
