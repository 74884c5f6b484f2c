package org.oihkb.model;

/** Non-opioid medicine classes that change what is safe. */
public enum MedicationClass implements Coded {
    ANTICOAGULANT("anticoagulant"),
    ANTIPLATELET("antiplatelet"),
    BENZODIAZEPINE("benzodiazepine"),
    GABAPENTINOID("gabapentinoid"),
    NSAID("nsaid"),
    NMDA_ANTAGONIST("nmda-antagonist"),
    QT_PROLONGING("qt-prolonging"),
    NALOXONE("naloxone"),
    OPIOID_ANTAGONIST("opioid-antagonist"),
    OTHER("other");

    private final String code;

    MedicationClass(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** @throws InvalidRecordException listing the accepted codes when {@code code} is not one */
    public static MedicationClass fromCode(String field, String code) {
        return Coded.parse(MedicationClass.class, field, code);
    }
}
