package org.oihkb.model;

/** How urgent a finding or option is, as in CDS Hooks cards. */
public enum Indicator implements Coded {
    INFO("info"),
    WARNING("warning"),
    CRITICAL("critical");

    private final String code;

    Indicator(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** @throws InvalidRecordException listing the accepted codes when {@code code} is not one */
    public static Indicator fromCode(String field, String code) {
        return Coded.parse(Indicator.class, field, code);
    }
}
