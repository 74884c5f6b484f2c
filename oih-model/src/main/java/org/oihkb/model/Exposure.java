package org.oihkb.model;

import java.time.LocalDate;
import java.util.List;

/**
 * Opioid exposure on the record's {@code asOf}, with the MME edition it was computed with.
 *
 * <p>An MME that cannot be computed is {@code null}, never 0: {@code currentMmePerDay} is {@code null} when
 * pain doses run on {@code asOf} and none of them has an MME, a lower bound ({@code complete: false}) when only
 * some have one, and 0 only when no pain dose runs.
 *
 * @param mmeEdition the conversion table used, for example {@code cdc-2022}
 * @param currentMmePerDay band dose on {@code asOf}: pain doses, PRN maxima included; {@code null} when not
 *                         computable
 * @param peakMmePerDay highest non-null band dose in the peak window; {@code null} only when every pain day in it
 *                      was not computable
 * @param complete {@code false} when a current pain dose could not be converted
 * @param peakComplete {@code false} when a pain day in the peak window was incomplete or not computable
 * @param notComputedDoseIds the current pain doses left out of the MME
 * @param notComputableReason why the current MME is {@code null} or a lower bound, for example
 *                            "route intrathecal is not in the cdc-2022 table"; {@code null} when complete
 * @param daysOnOpioids days with an opioid for pain in the long-term window ending on {@code asOf}
 * @param longTermTherapy an opioid for pain on most days for more than 3 months (CDC operationalisation)
 * @param nonPainOpioidCurrent a dose of purpose {@code oud-treatment} or {@code unknown} runs on {@code asOf}
 * @param bands the high-dose bands, each with its edition and whether it holds
 * @param series the dose series of pain doses without an MME, in their own unit
 * @param trace the conversion of every dose period, sorted by start and id
 */
public record Exposure(String mmeEdition, Double currentMmePerDay, Double peakMmePerDay, boolean complete,
                       boolean peakComplete, List<String> notComputedDoseIds, String notComputableReason,
                       int daysOnOpioids, boolean longTermTherapy, boolean nonPainOpioidCurrent, List<Band> bands,
                       List<Series> series, List<DoseMme> trace) {

    /** Whether a high-dose band holds, cannot be judged, or does not hold. */
    public enum BandStatus implements Coded {
        /** The complete dose, or a lower bound, is at or above the threshold. */
        HOLDS("holds"),
        /** Only a lower bound below the threshold, or no MME at all. */
        NOT_ASSESSABLE("not-assessable"),
        /** The complete dose is below the threshold. */
        NO("no");

        private final String code;

        BandStatus(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    /**
     * One high-dose band.
     *
     * @param thresholdMmePerDay the band's lower limit, inclusive
     * @param edition the guideline edition whose statement the band carries, for example {@code cdc-2022}
     * @param status whether it holds on the current dose
     */
    public record Band(double thresholdMmePerDay, String edition, BandStatus status) {
    }

    /**
     * One dose series judged in its own unit (DEFINITIONS §1), for the reader to see what a trend was built from.
     *
     * @param drug the drug code
     * @param name the product name when the drug is {@code other}; otherwise {@code null}
     * @param route the route code
     * @param unit {@code mg/day} or {@code mcg/h}
     * @param values the value from each change day on, in date order
     */
    public record Series(String drug, String name, String route, String unit, List<Point> values) {
        /** Copies the values. */
        public Series {
            values = List.copyOf(values);
        }
    }

    /**
     * A series value from {@code from} until the next point.
     *
     * @param from the change day
     * @param value the daily value in the series' unit; 0 when the series stopped
     */
    public record Point(LocalDate from, double value) {
    }

    /** Copies the lists. */
    public Exposure {
        notComputedDoseIds = List.copyOf(notComputedDoseIds);
        bands = List.copyOf(bands);
        series = List.copyOf(series);
        trace = List.copyOf(trace);
    }

    /** Ids of the doses that count towards MME thresholds on {@code day}, sorted. */
    public List<String> countedDoseIdsOn(LocalDate day) {
        return trace.stream().filter(t -> t.countsForThresholds() && t.covers(day)).map(DoseMme::doseId).sorted()
                .toList();
    }

    /** Whether any opioid (for any purpose) was taken on {@code day}. */
    public boolean exposedOn(LocalDate day) {
        return trace.stream().anyMatch(t -> t.covers(day));
    }

    /** Whether a pain dose runs on {@code asOf}, whether or not it has an MME. */
    public boolean painDoseCurrent() {
        return currentMmePerDay == null || currentMmePerDay > 0 || !notComputedDoseIds.isEmpty();
    }

    /** The band at {@code thresholdMmePerDay}, or {@code null}. */
    public BandStatus band(double thresholdMmePerDay) {
        for (Band b : bands) {
            if (b.thresholdMmePerDay() == thresholdMmePerDay) {
                return b.status();
            }
        }
        return null;
    }
}
