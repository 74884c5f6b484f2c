package org.oihkb.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oihkb.engine.internal.Doses.AS_OF;
import static org.oihkb.engine.internal.Doses.day;
import static org.oihkb.engine.internal.Doses.oral;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oihkb.engine.Config;
import org.oihkb.engine.MmeEdition;
import org.oihkb.facts.AllodyniaCourse;
import org.oihkb.facts.CumulativeEscalation;
import org.oihkb.facts.CumulativeReduction;
import org.oihkb.facts.DoseChange;
import org.oihkb.facts.InterdosePain;
import org.oihkb.facts.Neuroexcitation;
import org.oihkb.facts.PainProblem;
import org.oihkb.facts.PainResponse;
import org.oihkb.model.DoseEvent;
import org.oihkb.model.Drug;
import org.oihkb.model.Patient;
import org.oihkb.model.PainTiming;
import org.oihkb.model.PatientRecord;
import org.oihkb.model.Release;
import org.oihkb.model.Symptom;
import org.oihkb.model.SymptomKind;

/**
 * Layer 1 of the dose course read directly (docs/definitions.md §2-3): which dose change, cumulative escalation or
 * reduction and pain response the timeline derives, on which day, with which figure and which sentence. The rules
 * see these facts; a wrong day or figure here would move a finding without any rule changing (issue 16).
 */
class ClinicalTimelineTest {

    private static final Config CONFIG = Config.defaults();

    /** Morphine by mouth (MME factor 1) at {@code mg} per day over days {@code from}..{@code to} relative to asOf. */
    private static DoseEvent morphine(String id, double mg, int from, Integer to) {
        DoseEvent.Builder b = oral(id, Drug.MORPHINE, mg, from);
        return (to == null ? b : b.end(day(to))).build();
    }

    /** A drug without an MME ({@code other}), so the change is judged per series. */
    private static DoseEvent other(String id, String name, double mg, int from, Integer to) {
        DoseEvent.Builder b = oral(id, Drug.OTHER, mg, from).name(name);
        return (to == null ? b : b.end(day(to))).build();
    }

    private static Symptom score(String id, int day, double intensity, PainTiming... timing) {
        return new Symptom(id, day(day), SymptomKind.PAIN, true, intensity, List.of(), List.of(), List.of(timing),
                List.of(), null);
    }

    private static List<Object> facts(List<DoseEvent> doses, Symptom... scores) {
        PatientRecord.Builder b = PatientRecord.builder(AS_OF, Patient.of("p"));
        doses.forEach(b::dose);
        for (Symptom s : scores) {
            b.symptom(s);
        }
        PatientRecord r = b.build();
        ExposureCalculator calc = new ExposureCalculator(Doses.TABLE, MmeEdition.CDC_2022, CONFIG);
        ExposureCalculator.Result ex = calc.compute(r);
        return new ClinicalTimeline(CONFIG).facts(r, ex.exposure().trace(), ex.series(), calc);
    }

    private static <T> List<T> of(List<Object> facts, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Object f : facts) {
            if (type.isInstance(f)) {
                out.add(type.cast(f));
            }
        }
        return out;
    }

    private static <T> T one(List<Object> facts, Class<T> type) {
        List<T> all = of(facts, type);
        assertThat(all).as(type.getSimpleName()).hasSize(1);
        return all.get(0);
    }

    private static DoseChange change(List<Object> facts, int day) {
        return of(facts, DoseChange.class).stream().filter(c -> c.day().equals(day(day))).findFirst()
                .orElseThrow(() -> new AssertionError("no dose change on " + day(day) + ": " + facts));
    }

    // --- §2 dose changes in MME ---

    @Test
    void aRiseOfTwentyFivePercentInMmeIsAnEscalationWithItsFigures() {
        List<Object> f = facts(List.of(morphine("a", 40, -60, -31), morphine("b", 50, -30, null)));
        DoseChange init = change(f, -60);
        assertThat(init.kind()).isEqualTo(DoseChange.Kind.INITIATION);
        assertThat(init.text()).isEqualTo("started: 40 MME/day");
        DoseChange up = change(f, -30);
        assertThat(up.kind()).isEqualTo(DoseChange.Kind.ESCALATION);
        assertThat(up.mmeBefore()).isEqualTo(40.0);
        assertThat(up.mmeAfter()).isEqualTo(50.0);
        assertThat(up.fraction()).isEqualTo(0.25);
        assertThat(up.text()).isEqualTo("40 to 50 MME/day (+25%)");
        assertThat(up.doseIds()).containsExactly("a", "b");
        assertThat(up.withdrawalWindowDays()).isZero();
    }

    @Test
    void aFallOfTwentyFivePercentInMmeIsAReductionWithTheShortWindowForImmediateRelease() {
        List<Object> f = facts(List.of(morphine("a", 80, -60, -31), morphine("b", 60, -30, null)));
        DoseChange down = change(f, -30);
        assertThat(down.kind()).isEqualTo(DoseChange.Kind.REDUCTION);
        assertThat(down.fraction()).isEqualTo(0.25);
        assertThat(down.text()).isEqualTo("80 to 60 MME/day (-25%)");
        assertThat(down.withdrawalWindowDays()).isEqualTo(14);
    }

    @Test
    void reducingAnExtendedReleaseDoseOpensTheSlowWithdrawalWindow() {
        DoseEvent er = oral("a", Drug.MORPHINE, 80, -60).end(day(-31)).release(Release.EXTENDED).build();
        DoseEvent erLower = oral("b", Drug.MORPHINE, 60, -30).release(Release.EXTENDED).build();
        assertThat(change(facts(List.of(er, erLower)), -30).withdrawalWindowDays()).isEqualTo(21);
        // an extended-release dose that keeps running unchanged beside a reduced immediate-release one: 14 days
        DoseEvent erSteady = oral("c", Drug.MORPHINE, 40, -60).release(Release.EXTENDED).build();
        List<Object> f = facts(List.of(erSteady, morphine("d", 40, -60, -31), morphine("e", 20, -30, null)));
        DoseChange down = change(f, -30);
        assertThat(down.kind()).isEqualTo(DoseChange.Kind.REDUCTION);
        assertThat(down.withdrawalWindowDays()).isEqualTo(14);
    }

    @Test
    void stoppingEveryOpioidIsAStopWithItsWindow() {
        List<Object> f = facts(List.of(morphine("a", 40, -60, -11)));
        DoseChange stop = change(f, -10);
        assertThat(stop.kind()).isEqualTo(DoseChange.Kind.STOP);
        assertThat(stop.text()).isEqualTo("all opioids stopped");
        assertThat(stop.fraction()).isEqualTo(1.0);
        assertThat(stop.withdrawalWindowDays()).isEqualTo(14);
        assertThat(stop.doseIds()).containsExactly("a");
    }

    // --- §2 dose changes per series (no MME) ---

    @Test
    void withoutAnMmeARiseOfOneSeriesIsAnEscalationNamedBySeries() {
        List<Object> f = facts(List.of(other("a", "xdrug", 10, -60, -31), other("b", "xdrug", 15, -30, null)));
        DoseChange init = change(f, -60);
        assertThat(init.kind()).isEqualTo(DoseChange.Kind.INITIATION);
        assertThat(init.text()).isEqualTo("started: xdrug oral 10 mg/day");
        DoseChange up = change(f, -30);
        assertThat(up.kind()).isEqualTo(DoseChange.Kind.ESCALATION);
        assertThat(up.basis()).isEqualTo("series");
        assertThat(up.fraction()).isEqualTo(0.5);
        assertThat(up.text()).isEqualTo("xdrug oral 10 to 15 mg/day (+50%)");
        assertThat(up.mmeBefore()).isNull();
    }

    @Test
    void withoutAnMmeAFallOfOneSeriesIsAReduction() {
        List<Object> f = facts(List.of(other("a", "xdrug", 20, -60, -31), other("b", "xdrug", 15, -30, null)));
        DoseChange down = change(f, -30);
        assertThat(down.kind()).isEqualTo(DoseChange.Kind.REDUCTION);
        assertThat(down.fraction()).isEqualTo(0.25);
        assertThat(down.text()).isEqualTo("xdrug oral 20 to 15 mg/day (-25%)");
        assertThat(down.withdrawalWindowDays()).isEqualTo(14);
    }

    @Test
    void withoutAnMmeASmallRiseIsAnotherChangeDescribedBySeries() {
        List<Object> f = facts(List.of(other("a", "xdrug", 20, -60, -31), other("b", "xdrug", 21, -30, null)));
        DoseChange small = change(f, -30);
        assertThat(small.kind()).isEqualTo(DoseChange.Kind.OTHER);
        assertThat(small.text()).isEqualTo("xdrug oral 21 mg/day");
        assertThat(small.fraction()).isZero();
    }

    @Test
    void oneSeriesStartingAsAnotherStopsIsASwitch() {
        List<Object> f = facts(List.of(other("a", "xdrug", 20, -60, -31), other("b", "ydrug", 5, -30, null)));
        DoseChange sw = change(f, -30);
        assertThat(sw.kind()).isEqualTo(DoseChange.Kind.SWITCH);
        assertThat(sw.text()).isEqualTo("switch from xdrug oral to ydrug oral: response not comparable without an MME");
    }

    @Test
    void oneSeriesRisingWhileAnotherFallsIsASwitch() {
        List<Object> f = facts(List.of(other("a", "xdrug", 20, -60, -31), other("b", "xdrug", 30, -30, null),
                other("c", "ydrug", 10, -60, -31), other("d", "ydrug", 5, -30, null)));
        DoseChange sw = change(f, -30);
        assertThat(sw.kind()).isEqualTo(DoseChange.Kind.SWITCH);
        assertThat(sw.text()).isEqualTo("switch from ydrug oral to xdrug oral: response not comparable without an MME");
    }

    @Test
    void twoSeriesRisingOnOneDayAreOneEscalationWithTheLargerRise() {
        List<Object> f = facts(List.of(other("a", "xdrug", 20, -60, -31), other("b", "xdrug", 30, -30, null),
                other("c", "ydrug", 10, -60, -31), other("d", "ydrug", 20, -30, null)));
        DoseChange up = change(f, -30);
        assertThat(up.kind()).isEqualTo(DoseChange.Kind.ESCALATION);
        assertThat(up.fraction()).isEqualTo(1.0);
        assertThat(up.text()).isEqualTo("xdrug oral 20 to 30 mg/day (+50%); ydrug oral 10 to 20 mg/day (+100%)");
    }

    @Test
    void twoSeriesFallingOnOneDayAreOneReductionWithTheLargerFall() {
        List<Object> f = facts(List.of(other("a", "xdrug", 20, -60, -31), other("b", "xdrug", 15, -30, null),
                other("c", "ydrug", 10, -60, -31), other("d", "ydrug", 5, -30, null)));
        DoseChange down = change(f, -30);
        assertThat(down.kind()).isEqualTo(DoseChange.Kind.REDUCTION);
        assertThat(down.fraction()).isEqualTo(0.5);
        assertThat(down.text()).isEqualTo("xdrug oral 20 to 15 mg/day (-25%); ydrug oral 10 to 5 mg/day (-50%)");
    }

    // --- §2 cumulative escalation ---

    @Test
    void smallStepsOverTheLookBackAddUpToACumulativeEscalationFromAsOfMinus180() {
        List<Object> f = facts(List.of(morphine("a", 40, -300, -101), morphine("b", 44, -100, -51),
                morphine("c", 50, -50, null)));
        CumulativeEscalation cum = one(f, CumulativeEscalation.class);
        assertThat(cum.referenceDay()).isEqualTo(day(-180));
        assertThat(cum.changeDay()).isEqualTo(day(-100));
        assertThat(cum.lastIncreaseDay()).isEqualTo(day(-50));
        assertThat(cum.text()).isEqualTo("40 on " + day(-180) + " to 50 MME/day (+25%)");
        assertThat(cum.recentStart()).isFalse();
    }

    @Test
    void aRiseOfLessThanTwentyPercentOverTheLookBackIsNoCumulativeEscalation() {
        List<Object> f = facts(List.of(morphine("a", 50, -300, -101), morphine("b", 55, -100, -51),
                morphine("c", 59.5, -50, null)));
        assertThat(of(f, CumulativeEscalation.class)).isEmpty();
    }

    @Test
    void anEpisodeThatBeganInsideTheLookBackIsMeasuredFromItsFirstDay() {
        List<Object> f = facts(List.of(morphine("a", 40, -100, -61), morphine("b", 44, -60, -31),
                morphine("c", 50, -30, null)));
        CumulativeEscalation cum = one(f, CumulativeEscalation.class);
        assertThat(cum.referenceDay()).isEqualTo(day(-100));
        assertThat(cum.changeDay()).isEqualTo(day(-60));
        assertThat(cum.lastIncreaseDay()).isEqualTo(day(-30));
        assertThat(cum.recentStart()).isTrue();
        assertThat(cum.text()).isEqualTo("40 on " + day(-100) + " to 50 MME/day (+25%)");
    }

    @Test
    void aGapOnAsOfMinus180TakesTheLastDoseBeforeIt() {
        // doses end on day -185 and resume on day -178: a 6-day gap inside one episode (episodeGapDays 7)
        List<Object> f = facts(List.of(morphine("a", 40, -300, -185), morphine("b", 44, -178, -51),
                morphine("c", 50, -50, null)));
        CumulativeEscalation cum = one(f, CumulativeEscalation.class);
        assertThat(cum.referenceDay()).isEqualTo(day(-185));
        assertThat(cum.changeDay()).isEqualTo(day(-178));
        assertThat(cum.lastIncreaseDay()).isEqualTo(day(-50));
        assertThat(cum.text()).isEqualTo("40 on " + day(-185) + " to 50 MME/day (+25%)");
    }

    @Test
    void theChangeDayIsTheFirstDayFromWhichTheRegimenStayedAboveTheReference() {
        // above the reference on day -120, back at it on day -90, above again from day -60
        List<Object> f = facts(List.of(morphine("a", 40, -300, -121), morphine("b", 44, -120, -91),
                morphine("c", 40, -90, -61), morphine("d", 50, -60, null)));
        CumulativeEscalation cum = one(f, CumulativeEscalation.class);
        assertThat(cum.changeDay()).isEqualTo(day(-60));
        assertThat(cum.lastIncreaseDay()).isEqualTo(day(-60));
    }

    @Test
    void withoutAnMmeTheCumulativeEscalationIsJudgedPerSeries() {
        List<Object> f = facts(List.of(other("a", "xdrug", 10, -300, -101), other("b", "xdrug", 11, -100, -51),
                other("c", "xdrug", 12.5, -50, null)));
        CumulativeEscalation cum = one(f, CumulativeEscalation.class);
        assertThat(cum.referenceDay()).isEqualTo(day(-180));
        assertThat(cum.changeDay()).isEqualTo(day(-100));
        assertThat(cum.lastIncreaseDay()).isEqualTo(day(-50));
        assertThat(cum.text()).isEqualTo("xdrug oral 10 on " + day(-180) + " to 12.5 mg/day (+25%)");
    }

    @Test
    void withoutAnMmeOneSeriesFallingCancelsTheCumulativeEscalation() {
        List<Object> f = facts(List.of(other("a", "xdrug", 10, -300, -51), other("b", "xdrug", 11.5, -50, -21),
                other("c", "xdrug", 12.5, -20, null),
                other("d", "ydrug", 10, -300, -51), other("e", "ydrug", 9.5, -50, -21),
                other("f", "ydrug", 9, -20, null)));
        assertThat(of(f, CumulativeEscalation.class)).isEmpty();
    }

    @Test
    void aSwitchInsideTheLookBackMakesTheCumulativeEscalationNotAssessable() {
        List<Object> f = facts(List.of(other("a", "xdrug", 10, -300, -51), other("b", "xdrug", 10, -50, null),
                other("c", "ydrug", 10, -300, -51), other("d", "zdrug", 10, -50, null)));
        assertThat(change(f, -50).kind()).isEqualTo(DoseChange.Kind.SWITCH);
        assertThat(of(f, CumulativeEscalation.class)).isEmpty();
    }

    // --- §2 cumulative reduction ---

    @Test
    void aSlowTaperOfTenPercentFromThePeakIsACumulativeReduction() {
        List<Object> f = facts(List.of(morphine("a", 100, -150, -101), morphine("b", 95, -100, -51),
                morphine("c", 90, -50, null)));
        CumulativeReduction taper = one(f, CumulativeReduction.class);
        assertThat(taper.peakDay()).isEqualTo(day(-150));
        assertThat(taper.firstStepDown()).isEqualTo(day(-100));
        assertThat(taper.lastStepDown()).isEqualTo(day(-50));
        assertThat(taper.text()).isEqualTo("100 on " + day(-150) + " to 90 MME/day (-10%)");
        PainResponse r = of(f, PainResponse.class).stream()
                .filter(p -> p.scope() == PainResponse.Scope.CUMULATIVE).findFirst().orElseThrow();
        assertThat(r.changeDay()).isEqualTo(day(-100));
        assertThat(r.lastDay()).isEqualTo(day(-50));
        assertThat(r.changeKind()).isEqualTo(DoseChange.Kind.REDUCTION);
        assertThat(r.withdrawalDays()).isEqualTo(14);
    }

    @Test
    void aTaperToJustAboveNinetyPercentOfThePeakIsNoCumulativeReduction() {
        List<Object> f = facts(List.of(morphine("a", 100, -150, -101), morphine("b", 95, -100, -51),
                morphine("c", 90.5, -50, null)));
        assertThat(of(f, CumulativeReduction.class)).isEmpty();
    }

    @Test
    void aPeakReachedTwiceCountsFromItsLaterDay() {
        List<Object> f = facts(List.of(morphine("a", 100, -150, -121), morphine("b", 97, -120, -101),
                morphine("c", 100, -100, -61), morphine("d", 95, -60, -31), morphine("e", 90, -30, null)));
        CumulativeReduction taper = one(f, CumulativeReduction.class);
        assertThat(taper.peakDay()).isEqualTo(day(-100));
        assertThat(taper.firstStepDown()).isEqualTo(day(-60));
        assertThat(taper.lastStepDown()).isEqualTo(day(-30));
    }

    @Test
    void aPeakBeforeTheLookBackCountsFromTheLookBacksFirstDay() {
        List<Object> f = facts(List.of(morphine("a", 100, -300, -101), morphine("b", 95, -100, -51),
                morphine("c", 90, -50, null)));
        CumulativeReduction taper = one(f, CumulativeReduction.class);
        assertThat(taper.peakDay()).isEqualTo(day(-179));
        assertThat(taper.firstStepDown()).isEqualTo(day(-100));
    }

    @Test
    void aReductionStepLargeEnoughToCountAloneIsJudgedAloneNotAsATaper() {
        List<Object> f = facts(List.of(morphine("a", 100, -150, -101), morphine("b", 80, -100, null)));
        assertThat(change(f, -100).kind()).isEqualTo(DoseChange.Kind.REDUCTION);
        assertThat(of(f, CumulativeReduction.class)).isEmpty();
    }

    // --- §3 pain response ---

    @Test
    void theResponseToAnEscalationUsesTheMedianBeforeAndTheMedianFromDaySevenOn() {
        List<Object> f = facts(List.of(morphine("a", 40, -150, -61), morphine("b", 50, -60, null)),
                score("s1", -80, 5), score("s2", -70, 6), score("s3", -60, 7),
                score("s4", -54, 1), score("s5", -53, 6), score("s6", -40, 7), score("s7", -30, 8));
        PainResponse r = of(f, PainResponse.class).stream().filter(p -> p.changeDay().equals(day(-60)))
                .findFirst().orElseThrow();
        assertThat(r.scope()).isEqualTo(PainResponse.Scope.STEP);
        assertThat(r.before()).isEqualTo(6.0);
        assertThat(r.afterFrom()).isEqualTo(day(-53));
        assertThat(r.afterTo()).isEqualTo(AS_OF);
        assertThat(r.after()).isEqualTo(7.0);
        assertThat(r.outcome()).isEqualTo(PainResponse.Outcome.UNCHANGED);
        assertThat(r.evidence()).containsExactly("s1", "s2", "s3", "s5", "s6", "s7");
    }

    @Test
    void aScoreTimedAfterTheDoseChangeOnItsDayBelongsAfterIt() {
        List<Object> f = facts(List.of(morphine("a", 40, -150, -61), morphine("b", 50, -60, null)),
                score("s1", -61, 6), score("s2", -60, 2, PainTiming.AFTER_DOSE_INCREASE), score("s3", -40, 8));
        PainResponse r = of(f, PainResponse.class).stream().filter(p -> p.changeDay().equals(day(-60)))
                .findFirst().orElseThrow();
        assertThat(r.before()).isEqualTo(6.0);
        assertThat(r.after()).isEqualTo(8.0);
        assertThat(r.outcome()).isEqualTo(PainResponse.Outcome.WORSENED);
    }

    @Test
    void withNoScoreInTheThirtyDaysTheLatestScoreOfTheNinetyDaysIsTheBefore() {
        List<Object> f = facts(List.of(morphine("a", 40, -200, -61), morphine("b", 50, -60, null)),
                score("s0", -160, 9), score("s1", -120, 3), score("s2", -100, 5), score("s3", -40, 5));
        PainResponse r = of(f, PainResponse.class).stream().filter(p -> p.changeDay().equals(day(-60)))
                .findFirst().orElseThrow();
        assertThat(r.before()).isEqualTo(5.0);
        assertThat(r.evidence()).containsExactly("s2", "s3");
        assertThat(r.outcome()).isEqualTo(PainResponse.Outcome.UNCHANGED);
    }

    @Test
    void withoutAnAfterScoreTheNoteNamesTheWindowAndWhyItEnds() {
        List<Object> asOfEnd = facts(List.of(morphine("a", 40, -150, -61), morphine("b", 50, -60, null)),
                score("s1", -61, 6));
        PainResponse r = of(asOfEnd, PainResponse.class).stream().filter(p -> p.changeDay().equals(day(-60)))
                .findFirst().orElseThrow();
        assertThat(r.outcome()).isEqualTo(PainResponse.Outcome.NOT_ASSESSABLE);
        assertThat(r.missing()).isEqualTo("no pain score from " + day(-53) + " to " + AS_OF
                + " (7 days after the change on " + day(-60) + " until the assessment date)");
        List<Object> ninety = facts(List.of(morphine("a", 40, -250, -151), morphine("b", 50, -150, null)),
                score("s1", -151, 6));
        PainResponse n = of(ninety, PainResponse.class).stream().filter(p -> p.changeDay().equals(day(-150)))
                .findFirst().orElseThrow();
        assertThat(n.afterTo()).isEqualTo(day(-60));
        assertThat(n.missing()).isEqualTo("no pain score from " + day(-143) + " to " + day(-60)
                + " (7 days after the change on " + day(-150) + " until 90 days after it)");
        List<Object> next = facts(List.of(morphine("a", 40, -150, -61), morphine("b", 50, -60, -21),
                morphine("c", 70, -20, null)), score("s1", -61, 6));
        PainResponse x = of(next, PainResponse.class).stream().filter(p -> p.changeDay().equals(day(-60)))
                .findFirst().orElseThrow();
        assertThat(x.afterTo()).isEqualTo(day(-20));
        assertThat(x.missing()).isEqualTo("no pain score from " + day(-53) + " to " + day(-20)
                + " (7 days after the change on " + day(-60) + " until the next dose change)");
    }

    @Test
    void aFallOfThirtyPercentWithAtLeastOnePointIsImprovedAndJustUnderItIsOnlyMinimal() {
        // before 5, after 3.5: a fall of 1.5 = 30% of 5, and at least 1 point; 5 to 3.6 is 28%
        assertThat(stepOutcome(5, 3.5)).isEqualTo(PainResponse.Outcome.IMPROVED);
        assertThat(stepOutcome(5, 3.6)).isEqualTo(PainResponse.Outcome.MINIMALLY_IMPROVED);
        // before 3, after 2: 33% but exactly one point: improved; 0.9 points (30% of 3) is not
        assertThat(stepOutcome(3, 2)).isEqualTo(PainResponse.Outcome.IMPROVED);
        assertThat(stepOutcome(3, 2.1)).isEqualTo(PainResponse.Outcome.MINIMALLY_IMPROVED);
        assertThat(stepOutcome(5, 7)).isEqualTo(PainResponse.Outcome.WORSENED);
        assertThat(stepOutcome(5, 6.5)).isEqualTo(PainResponse.Outcome.UNCHANGED);
        assertThat(stepOutcome(0, 0)).isEqualTo(PainResponse.Outcome.UNCHANGED);
    }

    @Test
    void aChangeExactlyAtAThresholdIsNotLostToDecimalRounding() {
        // 3.5 to 2.45: 1.05 points, exactly 30% of 3.5 (1.0499999999999998 in doubles)
        assertThat(stepOutcome(3.5, 2.45)).isEqualTo(PainResponse.Outcome.IMPROVED);
        assertThat(stepOutcome(3.5, 2.46)).isEqualTo(PainResponse.Outcome.MINIMALLY_IMPROVED);
        // 4.1 to 2.1: exactly two points (1.9999999999999996 in doubles); 2.1 to 4.1 worsened by two
        assertThat(stepOutcome(4.1, 2.1)).isEqualTo(PainResponse.Outcome.IMPROVED);
        assertThat(stepOutcome(2.1, 4.1)).isEqualTo(PainResponse.Outcome.WORSENED);
        assertThat(stepOutcome(2.1, 4.0)).isEqualTo(PainResponse.Outcome.UNCHANGED);
    }

    private static PainResponse.Outcome stepOutcome(double before, double after) {
        List<Object> f = facts(List.of(morphine("a", 40, -150, -61), morphine("b", 50, -60, null)),
                score("s1", -61, before), score("s2", -40, after));
        return of(f, PainResponse.class).stream().filter(p -> p.changeDay().equals(day(-60))).findFirst()
                .orElseThrow().outcome();
    }

    @Test
    void anImprovementIsSustainedWhenEveryScoreFromDay28PassesTheTest() {
        assertThat(stepResponse(7, 4, 4.0).sustained()).isTrue();
        assertThat(stepResponse(7, 4, 6.0).sustained()).isFalse();
        // no score from day 28 on: not sustained
        PainResponse early = stepResponse(7, 4, null);
        assertThat(early.outcome()).isEqualTo(PainResponse.Outcome.IMPROVED);
        assertThat(early.sustained()).isFalse();
    }

    private static PainResponse stepResponse(double before, double day10, Double day28) {
        List<Symptom> s = new ArrayList<>(List.of(score("s1", -61, before), score("s2", -50, day10)));
        if (day28 != null) {
            s.add(score("s3", -32, day28));
        }
        List<Object> f = facts(List.of(morphine("a", 40, -150, -61), morphine("b", 50, -60, null)),
                s.toArray(Symptom[]::new));
        return of(f, PainResponse.class).stream().filter(p -> p.changeDay().equals(day(-60))).findFirst()
                .orElseThrow();
    }

    @Test
    void aReductionIsJudgedAfterItsWithdrawalWindow() {
        List<Object> f = facts(List.of(morphine("a", 80, -150, -61), morphine("b", 60, -60, null)),
                score("s1", -61, 7), score("s2", -60, 8, PainTiming.AFTER_DOSE_DECREASE), score("s3", -50, 8),
                score("s4", -46, 9), score("s5", -45, 4), score("s6", -30, 4));
        PainResponse r = of(f, PainResponse.class).stream().filter(p -> p.changeDay().equals(day(-60)))
                .findFirst().orElseThrow();
        assertThat(r.withdrawalDays()).isEqualTo(14);
        assertThat(r.earlyOutcome()).isEqualTo(PainResponse.Outcome.UNCHANGED);
        assertThat(r.afterFrom()).isEqualTo(day(-45));
        assertThat(r.after()).isEqualTo(4.0);
        assertThat(r.outcome()).isEqualTo(PainResponse.Outcome.IMPROVED);
        assertThat(r.earlyOnly()).isFalse();
        assertThat(r.evidence()).containsExactly("s1", "s5", "s6");
    }

    @Test
    void earlyImprovementConfirmsOnlyAfterALargeReduction() {
        // 80 to 40 (-50%): early improvement counts; 80 to 60 (-25%): early improvement, not confirmed
        PainResponse large = reduction(40);
        assertThat(large.outcome()).isEqualTo(PainResponse.Outcome.IMPROVED);
        assertThat(large.earlyOnly()).isTrue();
        assertThat(large.after()).isEqualTo(4.0);
        assertThat(large.afterFrom()).isEqualTo(day(-59));
        assertThat(large.afterTo()).isEqualTo(day(-46));
        assertThat(large.evidence()).containsExactly("s1", "s2");
        PainResponse small = reduction(60);
        assertThat(small.outcome()).isEqualTo(PainResponse.Outcome.NOT_ASSESSABLE);
        assertThat(small.earlyNotConfirmed()).isTrue();
        assertThat(small.earlyOnly()).isFalse();
        assertThat(small.missing()).isEqualTo("no pain score from " + day(-45) + " to " + AS_OF
                + " (after the 14-day withdrawal window)");
    }

    private static PainResponse reduction(double to) {
        List<Object> f = facts(List.of(morphine("a", 80, -150, -61), morphine("b", to, -60, null)),
                score("s1", -61, 7), score("s2", -50, 4));
        return of(f, PainResponse.class).stream().filter(p -> p.changeDay().equals(day(-60))).findFirst()
                .orElseThrow();
    }

    @Test
    void theLastDayOfTheWithdrawalWindowIsEarlyAndTheNextIsLate() {
        List<Object> f = facts(List.of(morphine("a", 80, -150, -61), morphine("b", 60, -60, null)),
                score("s1", -61, 7), score("s2", -46, 10), score("s3", -45, 4));
        PainResponse r = of(f, PainResponse.class).stream().filter(p -> p.changeDay().equals(day(-60)))
                .findFirst().orElseThrow();
        assertThat(r.earlyOutcome()).isEqualTo(PainResponse.Outcome.WORSENED);
        assertThat(r.after()).isEqualTo(4.0);
        assertThat(r.evidence()).containsExactly("s1", "s2", "s3");
    }

    @Test
    void criterionOneNamesTheCumulativeEscalationAndTheRecentStart() {
        List<Object> f = facts(List.of(morphine("a", 40, -100, -61), morphine("b", 44, -60, -31),
                morphine("c", 50, -30, null)), score("s1", -61, 6), score("s2", -10, 7));
        PainResponse r = of(f, PainResponse.class).stream()
                .filter(p -> p.scope() == PainResponse.Scope.CUMULATIVE).findFirst().orElseThrow();
        assertThat(r.changeDay()).isEqualTo(day(-60));
        assertThat(r.lastDay()).isEqualTo(day(-30));
        assertThat(r.criterionOne()).isTrue();
        assertThat(r.criterionOneText()).isEqualTo("long-term opioid therapy on " + AS_OF
                + "; and cumulative escalation, 40 on " + day(-100)
                + " to 50 MME/day (+25%) since the start on " + day(-100));
        assertThat(r.judged()).isTrue();
        assertThat(r.outcome()).isEqualTo(PainResponse.Outcome.UNCHANGED);
        assertThat(r.decidesCriterionTwo()).isTrue();
    }

    @Test
    void longTermTherapyIsCriterionOneOnTheAssessmentDate() {
        // 50, down to 40, back to 50: no cumulative escalation over the look-back, so long-term therapy alone
        List<Object> f = facts(List.of(morphine("a", 50, -300, -101), morphine("c", 40, -100, -61),
                morphine("b", 50, -60, null)),
                score("s1", -61, 6), score("s2", -40, 6));
        PainResponse r = of(f, PainResponse.class).stream().filter(p -> p.changeDay().equals(day(-60)))
                .findFirst().orElseThrow();
        assertThat(r.criterionOneText()).isEqualTo("long-term opioid therapy on " + AS_OF);
        assertThat(r.judged()).isTrue();
        assertThat(r.decidesCriterionTwo()).isTrue();
        assertThat(of(f, CumulativeEscalation.class)).isEmpty();
    }

    private static PainResponse responseOn(List<Object> f, int day) {
        return of(f, PainResponse.class).stream().filter(p -> p.changeDay().equals(day(day))).findFirst()
                .orElseThrow(() -> new AssertionError("no pain response on " + day(day)));
    }

    @Test
    void theCumulativeEscalationComparesTotalMmeNotEachSeriesWhenBothDaysHaveOne() {
        // morphine 40 (40 MME), then morphine 30 + oxycodone 10 (45 MME), then + oxycodone 14 (51 MME)
        List<Object> f = facts(List.of(morphine("a", 40, -300, -101), morphine("b", 30, -100, null),
                oral("c", Drug.OXYCODONE, 10, -100).end(day(-51)).build(),
                oral("d", Drug.OXYCODONE, 14, -50).build()));
        CumulativeEscalation cum = one(f, CumulativeEscalation.class);
        assertThat(cum.changeDay()).isEqualTo(day(-100));
        assertThat(cum.lastIncreaseDay()).isEqualTo(day(-50));
        assertThat(cum.text()).isEqualTo("40 on " + day(-180) + " to 51 MME/day (+28%)");
    }

    @Test
    void withoutAnMmeTheChangeDayIsTheFirstDayFromWhichOneSeriesStayedAboveTheReference() {
        List<Object> f = facts(List.of(other("a", "xdrug", 10, -300, -121), other("b", "xdrug", 11, -120, -91),
                other("c", "xdrug", 10, -90, -61), other("d", "xdrug", 12.5, -60, null)));
        CumulativeEscalation cum = one(f, CumulativeEscalation.class);
        assertThat(cum.changeDay()).isEqualTo(day(-60));
        assertThat(cum.lastIncreaseDay()).isEqualTo(day(-60));
    }

    @Test
    void ofTwoAssessableEscalationsTheLaterIsJudged() {
        List<Object> f = facts(List.of(morphine("a", 40, -300, -121), morphine("b", 50, -120, -61),
                morphine("c", 70, -60, null)),
                score("s1", -121, 5), score("s2", -100, 5), score("s3", -61, 5), score("s4", -40, 5));
        PainResponse first = responseOn(f, -120);
        PainResponse second = responseOn(f, -60);
        assertThat(first.outcome()).isEqualTo(PainResponse.Outcome.UNCHANGED);
        assertThat(second.outcome()).isEqualTo(PainResponse.Outcome.UNCHANGED);
        assertThat(first.judged()).isFalse();
        assertThat(second.judged()).isTrue();
        assertThat(first.decidesCriterionTwo()).isFalse();
        assertThat(second.decidesCriterionTwo()).isTrue();
        assertThat(of(f, PainResponse.class)).noneMatch(p -> p.scope() == PainResponse.Scope.CUMULATIVE);
    }

    @Test
    void ofTwoImprovedReductionsTheLaterDecidesCriterionTwo() {
        List<Object> f = facts(List.of(morphine("a", 80, -300, -121), morphine("b", 60, -120, -61),
                morphine("c", 40, -60, null)),
                score("s1", -121, 8), score("s2", -100, 5), score("s3", -61, 5), score("s4", -30, 2));
        PainResponse first = responseOn(f, -120);
        PainResponse second = responseOn(f, -60);
        assertThat(first.outcome()).isEqualTo(PainResponse.Outcome.IMPROVED);
        assertThat(second.outcome()).isEqualTo(PainResponse.Outcome.IMPROVED);
        assertThat(first.decidesCriterionTwo()).isFalse();
        assertThat(second.decidesCriterionTwo()).isTrue();
        assertThat(second.judged()).isFalse();
    }

    @Test
    void aReductionAfterAnEscalationNamesTheEscalationUpToTheDayBeforeIt() {
        // 40, up to 60 on day -100, back to 40 on day -20: no cumulative escalation on asOf, one on day -21
        List<Object> f = facts(List.of(morphine("a", 40, -300, -101), morphine("b", 60, -100, -21),
                morphine("c", 40, -20, null)), score("s1", -21, 7), score("s2", -5, 7));
        assertThat(of(f, CumulativeEscalation.class)).isEmpty();
        PainResponse r = responseOn(f, -20);
        assertThat(r.changeKind()).isEqualTo(DoseChange.Kind.REDUCTION);
        assertThat(r.criterionOneText()).isEqualTo("long-term opioid therapy on " + AS_OF
                + "; and cumulative escalation, 40 on " + day(-201) + " to 60 MME/day (+50%)");
    }

    @Test
    void aScoreOnTheNextChangeDayTimedAfterItBelongsToTheNextChange() {
        List<Object> timed = facts(List.of(morphine("a", 40, -300, -61), morphine("b", 50, -60, -21),
                morphine("c", 70, -20, null)),
                score("s1", -61, 5), score("s2", -30, 5), score("s3", -20, 9, PainTiming.AFTER_DOSE_INCREASE));
        PainResponse r = responseOn(timed, -60);
        assertThat(r.afterTo()).isEqualTo(day(-20));
        assertThat(r.after()).isEqualTo(5.0);
        assertThat(r.outcome()).isEqualTo(PainResponse.Outcome.UNCHANGED);
        List<Object> untimed = facts(List.of(morphine("a", 40, -300, -61), morphine("b", 50, -60, -21),
                morphine("c", 70, -20, null)),
                score("s1", -61, 5), score("s2", -30, 5), score("s3", -20, 9));
        PainResponse u = responseOn(untimed, -60);
        assertThat(u.after()).isEqualTo(7.0);
        assertThat(u.outcome()).isEqualTo(PainResponse.Outcome.WORSENED);
    }

    // --- whether pain is a problem ---

    private static PainProblem problem(List<DoseEvent> doses, Symptom... scores) {
        List<PainProblem> p = of(facts(doses, scores), PainProblem.class);
        return p.isEmpty() ? null : p.get(0);
    }

    private static final List<DoseEvent> STEADY = List.of(morphine("a", 40, -300, null));
    private static final String NO_SIGN = "a sign examined (allodynia, spread of pain with its sites, quality of pain)";

    @Test
    void aRiseOfExactlyTwoPointsInDecimalsIsAProblem() {
        // 3.3 - 1.3 is 1.9999999999999998 in doubles: still the two points of the definition
        PainProblem p = problem(STEADY, score("s1", -20, 1.3), score("s2", -5, 3.3));
        assertThat(p).isNotNull();
        assertThat(p.reason()).isEqualTo("pain rose from 1.3 to 3.3/10 on " + day(-5));
        assertThat(problem(STEADY, score("s1", -20, 1.4), score("s2", -5, 3.3))).isNull();
    }

    @Test
    void painOfFourOnTheLatestDayIsAProblemAndThreePointFiveIsNot() {
        PainProblem p = problem(STEADY, score("s1", -20, 3), score("s2", -5, 4));
        assertThat(p.latest()).isEqualTo(4.0);
        assertThat(p.reason()).isEqualTo("pain 4/10 on " + day(-5));
        assertThat(p.missing()).containsExactly(NO_SIGN);
        assertThat(p.evidence()).containsExactly("s2");
        assertThat(problem(STEADY, score("s1", -20, 3), score("s2", -5, 3.5))).isNull();
    }

    @Test
    void aRiseOfTwoPointsToTheLatestDayIsAProblemAndOnePointFiveIsNot() {
        PainProblem p = problem(STEADY, score("s1", -20, 1.5), score("s2", -5, 3.5));
        assertThat(p.reason()).isEqualTo("pain rose from 1.5 to 3.5/10 on " + day(-5));
        assertThat(problem(STEADY, score("s1", -20, 2), score("s2", -5, 3.5))).isNull();
    }

    @Test
    void theLatestAndPreviousDaysAreEachTheMedianOfTheirScores() {
        PainProblem p = problem(STEADY, score("s0", -30, 9), score("s1", -10, 1), score("s2", -10, 2),
                score("s3", -5, 3), score("s4", -5, 4));
        assertThat(p.latest()).isEqualTo(3.5);
        assertThat(p.reason()).isEqualTo("pain rose from 1.5 to 3.5/10 on " + day(-5));
        assertThat(p.evidence()).containsExactly("s3", "s4");
        PainProblem high = problem(STEADY, score("s1", -5, 3), score("s2", -5, 5));
        assertThat(high.reason()).isEqualTo("pain 4/10 on " + day(-5));
        assertThat(high.evidence()).containsExactly("s1", "s2");
    }

    @Test
    void withoutAScoreInTheLast90DaysPainIsAProblemToAssess() {
        PainProblem none = problem(STEADY, score("s1", -90, 2));
        assertThat(none.reason()).isEqualTo("no pain score in the last 90 days");
        assertThat(none.missing()).containsExactly("at least two pain scores", NO_SIGN);
        assertThat(problem(STEADY, score("s1", -89, 2))).isNull();
    }

    @Test
    void aPainDoseThatEndedBeforeTheLookBackLeavesNoPainProblem() {
        assertThat(problem(List.of(morphine("a", 40, -300, -180)), score("s1", -5, 8))).isNull();
        PainProblem p = problem(List.of(morphine("a", 40, -300, -179)), score("s1", -5, 8));
        assertThat(p.reason()).isEqualTo("pain 8/10 on " + day(-5));
    }

    @Test
    void aDoseHistoryShorterThan90DaysIsNamedAsMissing() {
        PainProblem recent = problem(List.of(morphine("a", 40, -89, null)), score("s1", -20, 5), score("s2", -5, 5));
        String history = "a dose history with start dates and changes (the first opioid dose for pain recorded starts on ";
        assertThat(recent.missing()).contains(history + day(-89) + ")");
        PainProblem longer = problem(List.of(morphine("a", 40, -90, null)), score("s1", -20, 5), score("s2", -5, 5));
        assertThat(longer.missing()).noneMatch(m -> m.startsWith(history));
    }

    @Test
    void aDoseChangeWithoutAnAssessableResponseIsNamedAsMissing() {
        PainProblem p = problem(List.of(morphine("a", 40, -300, -31), morphine("b", 50, -30, null)),
                score("s1", -5, 6), score("s2", -3, 6));
        assertThat(p.missing()).containsExactly("a pain score before and one at least 7 days after a dose change",
                NO_SIGN);
        PainProblem assessed = problem(List.of(morphine("a", 40, -300, -31), morphine("b", 50, -30, null)),
                score("s1", -31, 6), score("s2", -3, 6));
        assertThat(assessed.missing()).containsExactly(NO_SIGN);
    }

    // --- signs and neuroexcitation ---

    private static Symptom sign(String id, SymptomKind kind, int day, boolean present) {
        return new Symptom(id, day(day), kind, present, null, List.of(), List.of(), List.of(), List.of(), null);
    }

    @Test
    void endOfDosePainTwoPointsAboveTheUntimedMedianIsInterdosePain() {
        // untimed 6, 2, 4 around the timed scores: median 4
        List<Object> f = facts(STEADY, score("u1", -10, 6), score("u2", -9, 2), score("u3", -7, 4),
                score("t1", -8, 7, PainTiming.END_OF_DOSE), score("t2", -6, 6, PainTiming.AFTER_MISSED_DOSE),
                score("t3", -5, 5.5, PainTiming.END_OF_DOSE));
        InterdosePain p = one(f, InterdosePain.class);
        assertThat(p.timedScoreIds()).containsExactly("t1", "t2");
        assertThat(p.comparedScoreIds()).containsExactly("u1", "u2", "u3");
        assertThat(p.excess()).isEqualTo(3.0);
        assertThat(p.lastDate()).isEqualTo(day(-6));
        assertThat(of(facts(STEADY, score("u1", -10, 6), score("t3", -5, 7.5, PainTiming.AFTER_DOSE_INCREASE)),
                InterdosePain.class)).isEmpty();
    }

    @Test
    void myoclonusOnAVeryHighDoseNamesTheBandAndTheRecentEscalation() {
        List<Object> f = facts(List.of(morphine("a", 60, -300, -31), morphine("b", 90, -30, null)),
                sign("m1", SymptomKind.MYOCLONUS, -2, true));
        Neuroexcitation n = one(f, Neuroexcitation.class);
        assertThat(n.kinds()).containsExactly("myoclonus");
        assertThat(n.date()).isEqualTo(day(-2));
        assertThat(n.severe()).isFalse();
        assertThat(n.strengtheners()).containsExactly("band dose 90 MME/day, at or above 90 MME/day",
                "dose escalated on " + day(-30) + " (60 to 90 MME/day (+50%))");
        assertThat(n.evidence()).containsExactly("change-" + day(-30), "m1");
        Neuroexcitation lower = one(facts(List.of(morphine("a", 89, -300, null)),
                sign("m1", SymptomKind.MYOCLONUS, -2, true)), Neuroexcitation.class);
        assertThat(lower.strengtheners()).isEmpty();
    }

    @Test
    void anEscalationMoreThan30DaysBeforeTheSignIsNoStrengthener() {
        Neuroexcitation n = one(facts(List.of(morphine("a", 40, -300, -34), morphine("b", 60, -33, null)),
                sign("m1", SymptomKind.DELIRIUM, -2, true)), Neuroexcitation.class);
        assertThat(n.severe()).isTrue();
        assertThat(n.strengtheners()).isEmpty();
        Neuroexcitation in = one(facts(List.of(morphine("a", 40, -300, -33), morphine("b", 60, -32, null)),
                sign("m1", SymptomKind.DELIRIUM, -2, true)), Neuroexcitation.class);
        assertThat(in.strengtheners()).containsExactly("dose escalated on " + day(-32) + " (40 to 60 MME/day (+50%))");
    }

    @Test
    void neuroexcitationCountsUpToThreeDaysAfterTheLastDose() {
        assertThat(one(facts(List.of(morphine("a", 40, -300, -5)), sign("m1", SymptomKind.MYOCLONUS, -2, true)),
                Neuroexcitation.class).date()).isEqualTo(day(-2));
        assertThat(of(facts(List.of(morphine("a", 40, -300, -5)), sign("m1", SymptomKind.MYOCLONUS, -1, true)),
                Neuroexcitation.class)).isEmpty();
    }

    @Test
    void allodyniaInTheEarlyWindowOfAReductionIsNotASign() {
        List<DoseEvent> reduced = List.of(morphine("a", 80, -300, -21), morphine("b", 60, -20, null));
        assertThat(of(facts(reduced, sign("x1", SymptomKind.ALLODYNIA, -6, true)), AllodyniaCourse.class)).isEmpty();
        AllodyniaCourse later = one(facts(reduced, sign("x1", SymptomKind.ALLODYNIA, -5, true)), AllodyniaCourse.class);
        assertThat(later.status()).isEqualTo(AllodyniaCourse.Status.PRESENT);
        assertThat(later.text()).isEqualTo("allodynia recorded on " + day(-5));
        assertThat(later.evidence()).containsExactly("x1");
    }

    @Test
    void aPresentAndAnAbsentRecordOnOneDayCountAsPresent() {
        List<DoseEvent> reduced = List.of(morphine("a", 80, -300, -21), morphine("b", 60, -20, null));
        // both on day -10, inside the early window: the present record is not a sign, and not absent either
        assertThat(of(facts(reduced, sign("x1", SymptomKind.ALLODYNIA, -10, true),
                sign("x2", SymptomKind.ALLODYNIA, -10, false)), AllodyniaCourse.class)).isEmpty();
        AllodyniaCourse absent = one(facts(reduced, sign("x2", SymptomKind.ALLODYNIA, -10, false)),
                AllodyniaCourse.class);
        assertThat(absent.status()).isEqualTo(AllodyniaCourse.Status.ABSENT);
        assertThat(absent.text()).isEqualTo("allodynia examined and absent on " + day(-10));
    }
}
