package org.oihkb.facts;

import java.time.LocalDate;

/**
 * The days the signs are judged against (docs/definitions.md §4): the baseline [F-90, F] of the escalation judged
 * for criterion (2), or the first 30 days of the look-back when none is judged; and the start of the period in
 * which documented progression or a new injury fails criterion (4), F-30.
 *
 * @param changeDay F, or {@code null} when no escalation is judged
 * @param from first day of the baseline
 * @param to last day of the baseline; later records are those after it
 * @param progressionFrom progression or injury overlapping [progressionFrom, asOf] fails criterion (4)
 */
public record SignBaseline(LocalDate changeDay, LocalDate from, LocalDate to, LocalDate progressionFrom) {
}
