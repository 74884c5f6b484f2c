package org.oihkb.model;

/** When pain occurs relative to dosing; end-of-dose and missed-dose timing point to withdrawal. */
public enum PainTiming implements Coded {
    END_OF_DOSE("end-of-dose"),
    AFTER_MISSED_DOSE("after-missed-dose"),
    AFTER_DOSE_INCREASE("after-dose-increase"),
    AFTER_DOSE_DECREASE("after-dose-decrease");

    private final String code;

    PainTiming(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** @throws InvalidRecordException listing the accepted codes when {@code code} is not one */
    public static PainTiming fromCode(String field, String code) {
        return Coded.parse(PainTiming.class, field, code);
    }
}
