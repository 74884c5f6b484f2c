package org.oihkb.model;

/** Immediate or extended release. */
public enum Release implements Coded {
    IMMEDIATE("immediate"),
    EXTENDED("extended");

    private final String code;

    Release(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** @throws InvalidRecordException listing the accepted codes when {@code code} is not one */
    public static Release fromCode(String field, String code) {
        return Coded.parse(Release.class, field, code);
    }
}
