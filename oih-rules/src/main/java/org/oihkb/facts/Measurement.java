package org.oihkb.facts;

import java.time.LocalDate;

/**
 * The latest usable value of a measurement on {@code asOf} (docs/contract.md, observations): the most recent
 * value within the code's look-back. For kidney function, creatinine clearance wins when both it and eGFR
 * are usable; eGFR stands in for it otherwise ({@link Kind#KIDNEY_FUNCTION}).
 *
 * @param kind what is measured
 * @param value the value (ms for QTc, mL/min for kidney function, points for COWS)
 * @param date when it was measured
 * @param observationId the input observation
 * @param label how it was measured, for sentences: {@code creatinine clearance}, {@code eGFR}, {@code QTc}
 */
public record Measurement(Kind kind, double value, LocalDate date, String observationId, String label) {

    /** What a measurement is. */
    public enum Kind {
        /** Corrected QT interval, ms. */
        QTC,
        /** Creatinine clearance, or eGFR when no clearance is usable, mL/min. */
        KIDNEY_FUNCTION,
        /** Clinical Opiate Withdrawal Scale total. */
        COWS
    }

    /** "QTc 520 ms on 2025-01-10" for sentences. */
    public String describe() {
        String unit = kind == Kind.QTC ? " ms" : kind == Kind.KIDNEY_FUNCTION ? " mL/min" : "";
        return label + " " + Text.num(value) + unit + " on " + date;
    }
}
