package org.oihkb.engine.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * The daily MME of pain doses as a step function: consecutive segments of constant dose, computed once
 * per assessment by a sweep over the dose periods (no day-by-day loop, nothing quadratic).
 *
 * @param segments sorted, non-overlapping; days not covered have zero dose
 */
public record DoseSeries(List<Segment> segments) {

    /**
     * Days {@code from}..{@code to} (inclusive) with a constant dose.
     *
     * @param bandMmePerDay PRN maxima included (the CDC calculator's most aggressive dose)
     * @param trendMmePerDay PRN doses only by what was taken; PRN doses without it left out
     */
    public record Segment(LocalDate from, LocalDate to, double bandMmePerDay, double trendMmePerDay) {
    }

    /** Copies the list. */
    public DoseSeries {
        segments = List.copyOf(segments);
    }

    /** The band dose on {@code day}. */
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

    private Segment at(LocalDate day) {
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
