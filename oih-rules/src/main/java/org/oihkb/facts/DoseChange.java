package org.oihkb.facts;

import java.time.LocalDate;
import java.util.List;

/**
 * A day on which the trend dose of opioids for pain differs from the day before, inside the look-back
 * (DEFINITIONS.md, Dose changes). Derived once per assessment from the dose series.
 *
 * @param id {@code change-YYYY-MM-DD}
 * @param day the first day at the new dose
 * @param trendBefore trend MME/day on the day before
 * @param trendAfter trend MME/day on the day
 * @param kind how the change is classified with the configured fractions
 * @param doseIds the dose periods that start or end around the change
 */
public record DoseChange(String id, LocalDate day, double trendBefore, double trendAfter, Kind kind,
                         List<String> doseIds) {

    /** The classes of dose change. */
    public enum Kind {
        /** Trend dose rose by at least the escalation fraction from a dose above zero (Hayes 2020: 20%). */
        ESCALATION,
        /** Trend dose fell by at least the reduction fraction, not to zero. */
        REDUCTION,
        /** Trend dose fell to zero. */
        STOP,
        /** Initiation from zero, or a change smaller than both fractions. */
        OTHER
    }

    /** Copies the ids. */
    public DoseChange {
        doseIds = List.copyOf(doseIds);
    }

    /** The relative change, in percent of the dose before (for sentences). */
    public long percentChange() {
        return trendBefore == 0 ? 0 : Math.round((trendAfter - trendBefore) / trendBefore * 100);
    }
}
