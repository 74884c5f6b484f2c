package org.oihkb.model;

import java.time.LocalDate;

/**
 * One line of the MME trace: how one dose period was converted, or why it was not.
 *
 * @param doseId the input dose
 * @param drug the opioid
 * @param route the route
 * @param purpose the purpose after defaults
 * @param from first day counted (after a proposed order is moved to {@code asOf})
 * @param to last day counted, inclusive, after a later period of the same drug and route replaced it;
 *           {@code null} while running; before {@code from} when it was wholly replaced
 * @param dailyDose the dose as recorded (the maximum for PRN)
 * @param unit the unit as recorded
 * @param factor the conversion factor used, or {@code null} when none applies
 * @param mmePerDay {@code dailyDose × factor}, or {@code null} when not computed
 * @param countsForThresholds whether it enters MME thresholds (only pain doses do)
 * @param note why it was not computed or does not count; {@code null} when it simply counts
 */
public record DoseMme(String doseId, Drug drug, Route route, DosePurpose purpose, LocalDate from, LocalDate to,
                      double dailyDose, DoseUnit unit, Double factor, Double mmePerDay, boolean countsForThresholds,
                      String note) {

    /** Whether an MME was computed. */
    public boolean computed() {
        return mmePerDay != null;
    }

    /** Whether the period covers {@code day}. */
    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && (to == null || !day.isAfter(to));
    }
}
