package org.oihkb.model;

/** How an opioid is given. */
public enum Route implements Coded {
    ORAL("oral"),
    TRANSDERMAL("transdermal"),
    BUCCAL("buccal"),
    SUBLINGUAL("sublingual"),
    NASAL("nasal"),
    INTRAVENOUS("intravenous"),
    SUBCUTANEOUS("subcutaneous"),
    INTRAMUSCULAR("intramuscular"),
    INTRATHECAL("intrathecal"),
    EPIDURAL("epidural"),
    RECTAL("rectal");

    private final String code;

    Route(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** Injected or neuraxial routes, for which the CDC tables give no MME factor. */
    public boolean isParenteral() {
        return this == INTRAVENOUS || this == SUBCUTANEOUS || this == INTRAMUSCULAR
                || this == INTRATHECAL || this == EPIDURAL;
    }

    /** @throws InvalidRecordException listing the accepted codes when {@code code} is not one */
    public static Route fromCode(String field, String code) {
        return Coded.parse(Route.class, field, code);
    }
}
