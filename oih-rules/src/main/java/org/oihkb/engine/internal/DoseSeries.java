package org.oihkb.engine.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The regimen of pain doses as a step function (DEFINITIONS §1): consecutive segments on which nothing changes,
 * computed once per assessment by a sweep over the dose periods (no day-by-day loop, nothing quadratic). Each
 * segment carries the MME totals, whether every pain dose of those days has an MME, and the value of every dose
 * series in its own unit, so that changes can be judged in MME when the regimen is complete and per series
 * otherwise.
 *
 * @param segments sorted, non-overlapping; days not covered have no dose
 * @param keys for each series key, its drug, name, route and unit
 */
public record DoseSeries(List<Segment> segments, Map<String, Key> keys) {

    /**
     * What a series is: one per drug, {@code name} when the drug is {@code other}, and route.
     *
     * @param drug drug code
     * @param name product name for {@code other}, else {@code null}
     * @param route route code
     * @param unit {@code mg/day} or {@code mcg/h}
     */
    public record Key(String drug, String name, String route, String unit) {
        /** "hydromorphone subcutaneous" for sentences. */
        public String label() {
            return (name == null ? drug : name) + " " + route;
        }
    }

    /**
     * Days {@code from}..{@code to} (inclusive) with a constant regimen.
     *
     * @param bandMmePerDay pain doses that have an MME, PRN maxima included (the CDC calculator's most aggressive dose)
     * @param trendMmePerDay the same, PRN doses only by what was taken
     * @param painDoses pain doses running, PRN included
     * @param painDosesWithMme of those, how many have an MME
     * @param series value of each series in its own unit (scheduled doses plus what was taken of PRN doses)
     * @param anyOpioid a dose of any purpose runs
     */
    public record Segment(LocalDate from, LocalDate to, double bandMmePerDay, double trendMmePerDay, int painDoses,
                          int painDosesWithMme, Map<String, Double> series, boolean anyOpioid) {

        /** Copies the series. */
        public Segment {
            series = Map.copyOf(series);
        }

        /** Every pain dose of these days has an MME (trivially so when none runs). */
        public boolean complete() {
            return painDoses == painDosesWithMme;
        }
    }

    /** Copies the list. */
    public DoseSeries {
        segments = List.copyOf(segments);
        keys = Map.copyOf(keys);
    }

    /** A series of segments without series keys. */
    public DoseSeries(List<Segment> segments) {
        this(segments, Map.of());
    }

    /** The band dose on {@code day}: the MME of the pain doses that have one. */
    public double bandOn(LocalDate day) {
        Segment s = at(day);
        return s == null ? 0 : s.bandMmePerDay();
    }

    /** The trend dose on {@code day}. */
    public double trendOn(LocalDate day) {
        Segment s = at(day);
        return s == null ? 0 : s.trendMmePerDay();
    }

    /** The highest band dose on any day of {@code from}..{@code to}. */
    public double peakBand(LocalDate from, LocalDate to) {
        double peak = 0;
        for (Segment s : segments) {
            if (!s.to().isBefore(from) && !s.from().isAfter(to)) {
                peak = Math.max(peak, s.bandMmePerDay());
            }
        }
        return peak;
    }

    /** Whether any opioid (of any purpose) runs on {@code day}. */
    public boolean anyOpioidOn(LocalDate day) {
        Segment s = at(day);
        return s != null && s.anyOpioid();
    }

    /** The segment covering {@code day}, or {@code null}. */
    public Segment at(LocalDate day) {
        int lo = 0;
        int hi = segments.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Segment s = segments.get(mid);
            if (s.to().isBefore(day)) {
                lo = mid + 1;
            } else if (s.from().isAfter(day)) {
                hi = mid - 1;
            } else {
                return s;
            }
        }
        return null;
    }
}
