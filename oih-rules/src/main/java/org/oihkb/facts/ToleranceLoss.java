package org.oihkb.facts;

import java.time.LocalDate;
import java.util.List;

/**
 * A stop, or a fast reduction, of the opioid regimen (any purpose) in the days ending on {@code asOf}
 * (docs/definitions.md, Regimen findings): tolerance falls with the dose, so resuming the previous dose
 * can cause an overdose (CDC 2022 Recommendations 5 and 8).
 *
 * @param day for a stop, the first day without any opioid; for a reduction, the first day in the days
 *            ending on {@code asOf} on which the regimen stood at or below the configured fraction of its
 *            highest value in the days before
 * @param stop whether no opioid of any purpose ran on {@code day}
 * @param before the highest regimen value in the days before, as a sentence fragment
 * @param after the regimen value on {@code day}, as a sentence fragment
 * @param doseIds the dose periods that ran before and stopped or fell
 */
public record ToleranceLoss(LocalDate day, boolean stop, String before, String after, List<String> doseIds) {

    /** Copies the ids. */
    public ToleranceLoss {
        doseIds = List.copyOf(doseIds);
    }

    /** "opioids stopped on 2025-02-10 (from 90 MME/day)" or "reduced on ... from ... to ...". */
    public String describe() {
        return stop ? "opioids stopped on " + day + " (from " + before + ")"
                : "opioid regimen at half or less of its level of the previous 30 days on " + day + " (from " + before
                + " to " + after + ")";
    }
}
