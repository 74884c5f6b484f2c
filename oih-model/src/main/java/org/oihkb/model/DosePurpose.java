package org.oihkb.model;

/** Why an opioid is given. Only {@code pain} doses enter MME thresholds, escalation and taper options (CDC 2022: MME conversion does not apply to the treatment of opioid use disorder). */
public enum DosePurpose implements Coded {
    PAIN("pain"),
    OUD_TREATMENT("oud-treatment"),
    UNKNOWN("unknown");

    private final String code;

    DosePurpose(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** @throws InvalidRecordException listing the accepted codes when {@code code} is not one */
    public static DosePurpose fromCode(String field, String code) {
        return Coded.parse(DosePurpose.class, field, code);
    }
}
