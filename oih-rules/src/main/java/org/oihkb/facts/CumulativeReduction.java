package org.oihkb.facts;

import java.time.LocalDate;

/**
 * The regimen on {@code asOf} is at least the reduction fraction below its highest value earlier in the
 * look-back, reached by steps too small to count one by one: a slow taper (docs/definitions.md §2).
 *
 * @param id {@code cumulative-reduction}
 * @param peakDay the day of the highest regimen
 * @param firstStepDown the first step down after the peak (F)
 * @param lastStepDown the last step down (L)
 * @param text from what to what
 */
public record CumulativeReduction(String id, LocalDate peakDay, LocalDate firstStepDown, LocalDate lastStepDown,
                                  String text) {
}
