package org.oihkb.model;

/** Whether a dose is being taken or is an order being signed ({@code proposed}: assessed as if it started on the record's {@code asOf}). */
public enum DoseStatus implements Coded {
    ACTIVE("active"),
    PROPOSED("proposed");

    private final String code;

    DoseStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** @throws InvalidRecordException listing the accepted codes when {@code code} is not one */
    public static DoseStatus fromCode(String field, String code) {
        return Coded.parse(DoseStatus.class, field, code);
    }
}
