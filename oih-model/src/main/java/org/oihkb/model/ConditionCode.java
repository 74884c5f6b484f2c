package org.oihkb.model;

/** Conditions of format 1 that change the assessment or what is safe. */
public enum ConditionCode implements Coded {
    CHRONIC_PAIN("chronic-pain"),
    OPIOID_USE_DISORDER("opioid-use-disorder"),
    SUBSTANCE_USE_DISORDER("substance-use-disorder"),
    DISEASE_PROGRESSION("disease-progression"),
    NEW_INJURY_OR_SURGERY("new-injury-or-surgery"),
    ACTIVE_CANCER("active-cancer"),
    PALLIATIVE_CARE("palliative-care"),
    SICKLE_CELL_DISEASE("sickle-cell-disease"),
    RENAL_IMPAIRMENT("renal-impairment"),
    HEPATIC_IMPAIRMENT("hepatic-impairment"),
    GI_BLEED_HISTORY("gi-bleed-history"),
    CARDIOVASCULAR_DISEASE("cardiovascular-disease"),
    HEART_FAILURE("heart-failure"),
    QTC_PROLONGATION("qtc-prolongation"),
    UNCONTROLLED_HYPERTENSION("uncontrolled-hypertension"),
    PSYCHOSIS("psychosis"),
    DEPRESSION("depression"),
    SUICIDE_RISK("suicide-risk"),
    /** A past opioid overdose: a reason to offer naloxone (CDC 2022 Recommendation 8). */
    OVERDOSE_HISTORY("overdose-history"),
    SLEEP_APNEA("sleep-apnea"),
    RESPIRATORY_DISEASE("respiratory-disease"),
    PREGNANCY("pregnancy"),
    /** Dehydration: strengthens opioid-induced neurotoxicity (accumulation of metabolites). */
    DEHYDRATION("dehydration");

    private final String code;

    ConditionCode(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** @throws InvalidRecordException listing the accepted codes when {@code code} is not one */
    public static ConditionCode fromCode(String field, String code) {
        return Coded.parse(ConditionCode.class, field, code);
    }
}
