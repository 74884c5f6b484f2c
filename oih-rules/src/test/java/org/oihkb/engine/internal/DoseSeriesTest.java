package org.oihkb.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.oihkb.engine.internal.Doses.AS_OF;
import static org.oihkb.engine.internal.Doses.compute;
import static org.oihkb.engine.internal.Doses.day;
import static org.oihkb.engine.internal.Doses.oral;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.oihkb.engine.internal.DoseSeries.Segment;
import org.oihkb.model.DoseUnit;
import org.oihkb.model.Drug;
import org.oihkb.model.Route;

/** The daily dose step function: band and trend doses by day, and the peak over a window. */
class DoseSeriesTest {

    private static final DoseSeries SERIES = new DoseSeries(List.of(
            segment(day(-100), day(-61), 30, 30),
            segment(day(-60), day(-31), 90, 60),
            // gap on days -30..-21
            segment(day(-20), AS_OF, 45, 0)));

    @Test
    void bandAndTrendAreConstantWithinASegmentAndInclusiveAtBothEnds() {
        assertThat(SERIES.bandOn(day(-100))).isEqualTo(30.0);
        assertThat(SERIES.bandOn(day(-61))).isEqualTo(30.0);
        assertThat(SERIES.bandOn(day(-60))).isEqualTo(90.0);
        assertThat(SERIES.trendOn(day(-60))).isEqualTo(60.0);
        assertThat(SERIES.bandOn(day(-31))).isEqualTo(90.0);
        assertThat(SERIES.bandOn(AS_OF)).isEqualTo(45.0);
        assertThat(SERIES.trendOn(AS_OF)).isZero();
    }

    @Test
    void daysOutsideEverySegmentHaveZeroDose() {
        assertThat(SERIES.bandOn(day(-101))).isZero();
        assertThat(SERIES.trendOn(day(-101))).isZero();
        assertThat(SERIES.bandOn(day(-30))).isZero();
        assertThat(SERIES.bandOn(day(-21))).isZero();
        assertThat(SERIES.bandOn(day(1))).isZero();
        assertThat(new DoseSeries(List.of()).bandOn(AS_OF)).isZero();
        assertThat(new DoseSeries(List.of()).peakBand(day(-365), AS_OF)).isZero();
    }

    @Test
    void peakBandIsTheHighestBandDoseOfAnySegmentTouchingTheWindow() {
        assertThat(SERIES.peakBand(day(-365), AS_OF)).isEqualTo(90.0);
        assertThat(SERIES.peakBand(day(-31), AS_OF)).as("one day of the 90 segment").isEqualTo(90.0);
        assertThat(SERIES.peakBand(day(-30), AS_OF)).isEqualTo(45.0);
        assertThat(SERIES.peakBand(day(-30), day(-21))).as("only the gap").isZero();
        assertThat(SERIES.peakBand(day(-200), day(-100))).isEqualTo(30.0);
        assertThat(SERIES.peakBand(day(-200), day(-101))).isZero();
    }

    @Test
    void lookupIsCorrectOverManySegments() {
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            // every other 3-day block has a dose equal to its index
            segments.add(segment(day(-3000 + 6 * i), day(-3000 + 6 * i + 2), i + 1, i));
        }
        DoseSeries series = new DoseSeries(segments);
        for (int i = 0; i < 500; i++) {
            int start = -3000 + 6 * i;
            assertThat(series.bandOn(day(start))).isEqualTo(i + 1.0);
            assertThat(series.bandOn(day(start + 2))).isEqualTo(i + 1.0);
            assertThat(series.trendOn(day(start + 1))).isEqualTo((double) i);
            assertThat(series.bandOn(day(start + 3))).isZero();
            assertThat(series.bandOn(day(start + 5))).isZero();
        }
        assertThat(series.peakBand(day(-3000), day(-3000 + 6 * 10))).isEqualTo(11.0);
    }

    @Test
    void segmentsAreCopied() {
        List<Segment> segments = new ArrayList<>(List.of(segment(day(-10), AS_OF, 60, 60)));
        DoseSeries series = new DoseSeries(segments);
        segments.clear();
        assertThat(series.bandOn(AS_OF)).isEqualTo(60.0);
        assertThatThrownBy(() -> series.segments().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    // --- the series the calculator builds ---

    @Test
    void calculatorBuildsNonOverlappingSortedSegmentsWithoutZeroGaps() {
        var r = compute(oral("a", Drug.OXYCODONE, 20, -100).end(day(-61)).build(),
                oral("b", Drug.OXYCODONE, 60, -60).end(day(-31)).build(),
                oral("c", Drug.MORPHINE, 45, -20).prn(true).build());
        assertThat(mmeOnly(r.series().segments())).containsExactly(
                segment(day(-100), day(-61), 30, 30),
                segment(day(-60), day(-31), 90, 90),
                segment(day(-20), AS_OF, 45, 0));
    }

    @Test
    void calculatorSplitsSegmentsWhereverEitherDoseChanges() {
        var r = compute(oral("base", Drug.MORPHINE, 30, -30).build(),
                oral("prn", Drug.OXYCODONE, 20, -10).prn(true).takenDailyDose(10.0).end(day(-5)).build(),
                Doses.dose("patch", Drug.FENTANYL, Route.TRANSDERMAL, 25, DoseUnit.MCG_PER_HOUR, -2).build());
        assertThat(mmeOnly(r.series().segments())).containsExactly(
                segment(day(-30), day(-11), 30, 30),
                segment(day(-10), day(-5), 60, 45),
                segment(day(-4), day(-3), 30, 30),
                segment(day(-2), AS_OF, 90, 90));
    }

    @Test
    void aDoseRunningPastAsOfIsCutAtAsOf() {
        var r = compute(oral("a", Drug.MORPHINE, 30, -10).end(day(20)).build());
        assertThat(mmeOnly(r.series().segments())).containsExactly(segment(day(-10), AS_OF, 30, 30));
        assertThat(r.series().bandOn(day(1))).as("nothing after asOf is judged").isZero();
    }

    @Test
    void trendDropsAPrnDoseWithoutTakenButTheBandKeepsItsMaximum() {
        var r = compute(oral("s", Drug.HYDROCODONE, 20, -30).build(),
                oral("p", Drug.OXYCODONE, 40, -30).prn(true).build(),
                oral("q", Drug.TAPENTADOL, 100, -30).prn(true).takenDailyDose(50.0).build());
        assertThat(r.series().bandOn(AS_OF)).isEqualTo(120.0);
        assertThat(r.series().trendOn(AS_OF)).isEqualTo(40.0);
    }

    @Test
    void segmentsCarryTheSeriesInTheirOwnUnitAndWhetherEveryDoseHasAnMme() {
        var r = compute(oral("oxy", Drug.OXYCODONE, 20, -30).build(),
                Doses.dose("sc", Drug.HYDROMORPHONE, Route.SUBCUTANEOUS, 10, DoseUnit.MG, -10).build());
        Segment now = r.series().at(AS_OF);
        assertThat(now.painDoses()).isEqualTo(2);
        assertThat(now.painDosesWithMme()).isEqualTo(1);
        assertThat(now.complete()).isFalse();
        assertThat(now.series()).containsEntry("oxycodone||oral", 20.0).containsEntry("hydromorphone||subcutaneous", 10.0);
        assertThat(r.series().at(day(-11)).complete()).isTrue();
    }

    /** A segment of pain doses that all have an MME (one pain dose when the band is above zero), no series. */
    private static Segment segment(LocalDate from, LocalDate to, double band, double trend) {
        int doses = band > 0 ? 1 : 0;
        return new Segment(from, to, band, trend, doses, doses, Map.of(), band > 0);
    }

    /** The MME part of each segment, for comparison with {@link #segment}. */
    private static List<Segment> mmeOnly(List<Segment> segments) {
        return segments.stream().map(s -> segment(s.from(), s.to(), s.bandMmePerDay(), s.trendMmePerDay())).toList();
    }
}
