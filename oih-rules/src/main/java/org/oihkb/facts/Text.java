package org.oihkb.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Formatting for the sentences rules write, so every summary shows numbers the same way. */
public final class Text {
    private Text() {
    }

    /** A number as a clinician writes it: {@code 60}, {@code 37.5}, {@code 281.3}. */
    public static String num(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            // whole numbers, the common case, print the same without decimal arithmetic
            return Long.toString((long) value);
        }
        BigDecimal d = BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    /** A daily MME: {@code 60 MME/day}. */
    public static String mme(double value) {
        return num(value) + " MME/day";
    }

    /** A daily MME that may not be computable: {@code 60 MME/day}, or {@code not computable}. */
    public static String mme(Double value) {
        return value == null ? "not computable" : mme(value.doubleValue());
    }

    /** The current MME of an exposure as a reader sees it: "60 MME/day", "at least 60 MME/day (incomplete: ...)",
     * or "not computable (route intrathecal is not in the cdc-2022 table)". */
    public static String currentMme(org.oihkb.model.Exposure e) {
        if (e.currentMmePerDay() == null) {
            return "not computable (" + e.notComputableReason() + ")";
        }
        if (!e.complete()) {
            return "at least " + mme(e.currentMmePerDay().doubleValue()) + " (incomplete: " + e.notComputableReason()
                    + ")";
        }
        return mme(e.currentMmePerDay().doubleValue());
    }

    /** The peak MME of an exposure: "90 MME/day", "at least 90 MME/day" or "not computable". */
    public static String peakMme(org.oihkb.model.Exposure e) {
        if (e.peakMmePerDay() == null) {
            return "not computable";
        }
        return (e.peakComplete() ? "" : "at least ") + mme(e.peakMmePerDay().doubleValue());
    }

    /** The COWS severity band of a score (Wesson and Ling 2003): 5-12 mild ... over 36 severe. */
    public static String cowsBand(double score) {
        if (score > 36) {
            return "severe";
        }
        if (score >= 25) {
            return "moderately severe";
        }
        if (score >= 13) {
            return "moderate";
        }
        return score >= 5 ? "mild" : "below the withdrawal range";
    }
}
