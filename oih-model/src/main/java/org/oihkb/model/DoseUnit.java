package org.oihkb.model;

/** The unit of a daily dose: {@code mg} and {@code mcg} per day, {@code mcg/h} for patches. */
public enum DoseUnit implements Coded {
    MG("mg"),
    MCG("mcg"),
    MCG_PER_HOUR("mcg/h");

    private final String code;

    DoseUnit(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** @throws InvalidRecordException listing the accepted codes when {@code code} is not one */
    public static DoseUnit fromCode(String field, String code) {
        return Coded.parse(DoseUnit.class, field, code);
    }
}
