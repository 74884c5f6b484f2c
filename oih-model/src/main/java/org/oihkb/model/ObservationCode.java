package org.oihkb.model;

/**
 * Measurements of format 1, with the range a value must lie in and how long a value stays usable
 * before the record's {@code asOf} (docs/contract.md).
 */
public enum ObservationCode implements Coded {
    /** Corrected QT interval in ms. */
    QTC_MS("qtc-ms", 200, 800, 365),
    /** Estimated glomerular filtration rate in mL/min/1.73 m². */
    EGFR("egfr", 0, 250, 365),
    /** Creatinine clearance in mL/min; wins over eGFR when both are usable. */
    CREATININE_CLEARANCE("creatinine-clearance", 0, 250, 365),
    /** Clinical Opiate Withdrawal Scale total, 0-48 (Wesson and Ling 2003). */
    COWS_SCORE("cows-score", 0, 48, 7);

    private final String code;
    private final double min;
    private final double max;
    private final int usableDays;

    ObservationCode(String code, double min, double max, int usableDays) {
        this.code = code;
        this.min = min;
        this.max = max;
        this.usableDays = usableDays;
    }

    @Override
    public String code() {
        return code;
    }

    /** The lowest plausible value (inclusive). */
    public double min() {
        return min;
    }

    /** The highest plausible value (inclusive). */
    public double max() {
        return max;
    }

    /** How many days before {@code asOf} a value still counts. */
    public int usableDays() {
        return usableDays;
    }

    /** @throws InvalidRecordException listing the accepted codes when {@code code} is not one */
    public static ObservationCode fromCode(String field, String code) {
        return Coded.parse(ObservationCode.class, field, code);
    }
}
