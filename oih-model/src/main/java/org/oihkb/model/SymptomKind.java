package org.oihkb.model;

/** What a symptom observation records. */
public enum SymptomKind implements Coded {
    PAIN("pain"),
    ALLODYNIA("allodynia"),
    HYPERALGESIA("hyperalgesia"),
    WITHDRAWAL("withdrawal"),
    CRAVING("craving"),
    /** Neuroexcitation (DEFINITIONS §4): involuntary muscle jerks. */
    MYOCLONUS("myoclonus"),
    /** Neuroexcitation: confusion or agitation. */
    DELIRIUM("delirium"),
    /** Neuroexcitation. */
    HALLUCINATIONS("hallucinations");

    private final String code;

    SymptomKind(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** @throws InvalidRecordException listing the accepted codes when {@code code} is not one */
    public static SymptomKind fromCode(String field, String code) {
        return Coded.parse(SymptomKind.class, field, code);
    }
}
