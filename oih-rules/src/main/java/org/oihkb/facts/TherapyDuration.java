package org.oihkb.facts;

import java.time.LocalDate;

/**
 * How long opioids for pain have been taken in the current exposure episode (docs/definitions.md, Exposure):
 * a year or more when the episode began at least 365 days before {@code asOf}; unknown when it began later
 * and the record's first pain dose is also later than that, so the record may simply not go back far enough.
 * Taper cautions treat unknown as a year or more (the safer default) and list it as a check.
 *
 * @param episodeStart first day of the current episode
 * @param yearOrMore the episode began at least 365 days before {@code asOf}
 * @param unknown the duration cannot be told from the record
 */
public record TherapyDuration(LocalDate episodeStart, boolean yearOrMore, boolean unknown) {
}
