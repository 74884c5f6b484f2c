package org.oihkb.model;

/** An opioid of format 1. {@code OTHER} needs a name on the dose. */
public enum Drug implements Coded {
    MORPHINE("morphine"),
    OXYCODONE("oxycodone"),
    HYDROCODONE("hydrocodone"),
    HYDROMORPHONE("hydromorphone"),
    OXYMORPHONE("oxymorphone"),
    CODEINE("codeine"),
    TRAMADOL("tramadol"),
    TAPENTADOL("tapentadol"),
    FENTANYL("fentanyl"),
    METHADONE("methadone"),
    BUPRENORPHINE("buprenorphine"),
    MEPERIDINE("meperidine"),
    LEVORPHANOL("levorphanol"),
    OTHER("other");

    private final String code;

    Drug(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** @throws InvalidRecordException listing the accepted codes when {@code code} is not one */
    public static Drug fromCode(String field, String code) {
        return Coded.parse(Drug.class, field, code);
    }
}
