package org.oihkb.model;

/** Pain descriptors of format 1, each in a {@link QualityClass}. */
public enum PainQuality implements Coded {
    DULL("dull", QualityClass.NOCICEPTIVE_LIKE),
    ACHING("aching", QualityClass.NOCICEPTIVE_LIKE),
    PRESSURE("pressure", QualityClass.NOCICEPTIVE_LIKE),
    CRAMPING("cramping", QualityClass.NOCICEPTIVE_LIKE),
    THROBBING("throbbing", QualityClass.NOCICEPTIVE_LIKE),
    SHARP("sharp", QualityClass.SHARP),
    STABBING("stabbing", QualityClass.SHARP),
    BURNING("burning", QualityClass.NEUROPATHIC_LIKE),
    TINGLING("tingling", QualityClass.NEUROPATHIC_LIKE),
    SHOOTING("shooting", QualityClass.NEUROPATHIC_LIKE),
    ELECTRIC("electric", QualityClass.NEUROPATHIC_LIKE),
    NUMB("numb", QualityClass.NUMBNESS);

    private final String code;
    private final QualityClass qualityClass;

    PainQuality(String code, QualityClass qualityClass) {
        this.code = code;
        this.qualityClass = qualityClass;
    }

    @Override
    public String code() {
        return code;
    }

    /** The descriptor's class. */
    public QualityClass qualityClass() {
        return qualityClass;
    }

    /** @throws InvalidRecordException listing the accepted codes when {@code code} is not one */
    public static PainQuality fromCode(String field, String code) {
        return Coded.parse(PainQuality.class, field, code);
    }
}
