package org.oihkb.model;

/** Administrative sex. */
public enum Sex implements Coded {
    FEMALE("female"),
    MALE("male"),
    OTHER("other"),
    UNKNOWN("unknown");

    private final String code;

    Sex(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** @throws InvalidRecordException listing the accepted codes when {@code code} is not one */
    public static Sex fromCode(String field, String code) {
        return Coded.parse(Sex.class, field, code);
    }
}
