package org.oihkb.engine;

import org.oihkb.model.Coded;
import org.oihkb.model.InvalidRecordException;

/**
 * Which published table of MME conversion factors is used. Every MME figure in an assessment names its
 * edition, because the editions differ (hydromorphone 5 in 2022 versus 4 in 2016; methadone 4.7 versus a
 * tiered 4-12).
 */
public enum MmeEdition implements Coded {
    /** CDC Clinical Practice Guideline 2022 (MMWR RR 71(3)), the default. */
    CDC_2022("cdc-2022"),
    /** CDC 2016 "Calculating total daily dose of opioids for safer dosage". */
    CDC_2016("cdc-2016"),
    /**
     * The CDC analytic (prescription-data) conversion factor file, as the CDC MME calculator's research
     * factors publish it: for analyses of prescription data, not clinical guidance (it gives methadone a
     * single factor of 3, which underestimates). The only edition with transmucosal fentanyl factors, which
     * is why the CDC calculator's own transmucosal test values need it.
     */
    CDC_ANALYTIC("cdc-analytic");

    private final String code;

    MmeEdition(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** @throws InvalidRecordException listing the accepted editions */
    public static MmeEdition fromCode(String field, String code) {
        return Coded.parse(MmeEdition.class, field, code);
    }
}
