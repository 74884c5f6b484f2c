package org.oihkb.facts;

import java.time.LocalDate;

/**
 * The regimen on {@code asOf} is at least the escalation fraction above its reference R: the regimen 180 days
 * before, or the first day of a current episode that began later (docs/definitions.md §2). Several small steps,
 * and a rapid titration from a recent start, therefore count.
 *
 * @param id {@code cumulative-escalation}
 * @param referenceDay the day whose regimen is R
 * @param changeDay the first day after the reference day from which the regimen stayed above R
 * @param lastIncreaseDay the last day the regimen rose
 * @param text from what to what, in MME or per series
 * @param recentStart the current episode began after the start of the look-back
 */
public record CumulativeEscalation(String id, LocalDate referenceDay, LocalDate changeDay, LocalDate lastIncreaseDay,
                                   String text, boolean recentStart) {
}
