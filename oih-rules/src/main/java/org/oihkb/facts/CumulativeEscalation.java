package org.oihkb.facts;

import java.time.LocalDate;

/**
 * The trend dose on {@code asOf} is at least the escalation fraction above the trend dose at the start of
 * the look-back, which was above zero: several small steps that add up to an escalation
 * (DEFINITIONS.md, Cumulative escalation).
 *
 * @param id {@code cumulative-escalation}
 * @param fromDay the start of the look-back
 * @param firstRiseDay the first day of the rise, where the pain response is judged
 * @param trendBefore trend MME/day on {@code fromDay}
 * @param trendAfter trend MME/day on {@code asOf}
 */
public record CumulativeEscalation(String id, LocalDate fromDay, LocalDate firstRiseDay, double trendBefore,
                                   double trendAfter) {

    /** The relative rise in percent. */
    public long percentChange() {
        return Math.round((trendAfter - trendBefore) / trendBefore * 100);
    }
}
