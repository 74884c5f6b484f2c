package org.oihkb.model;

/** The status of a condition: {@code refuted} means assessed and absent, which differs from not recorded. */
public enum ConditionStatus implements Coded {
    ACTIVE("active"),
    RESOLVED("resolved"),
    REFUTED("refuted");

    private final String code;

    ConditionStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** @throws InvalidRecordException listing the accepted codes when {@code code} is not one */
    public static ConditionStatus fromCode(String field, String code) {
        return Coded.parse(ConditionStatus.class, field, code);
    }
}
