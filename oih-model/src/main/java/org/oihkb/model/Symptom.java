package org.oihkb.model;

import java.time.LocalDate;
import java.util.List;

/**
 * One observation of a symptom on one date: a pain score, allodynia, withdrawal signs, craving.
 * {@code present == false} means assessed and absent, which is different from not recorded.
 *
 * @param id stable id; derived from the content when {@code null}
 * @param date required
 * @param kind required
 * @param present {@code true} unless recorded as absent
 * @param intensity 0-10; required for a present pain score
 * @param sites body sites, possibly empty
 * @param quality pain descriptors, possibly empty
 * @param timing when the pain occurs relative to dosing, possibly empty
 * @param signs free words for withdrawal signs (sweating, yawning, ...), possibly empty
 * @param source optional reference back to the host's record
 */
public record Symptom(String id, LocalDate date, SymptomKind kind, boolean present, Double intensity,
                      List<BodySite> sites, List<PainQuality> quality, List<PainTiming> timing, List<String> signs,
                      String source) {

    /** @throws InvalidRecordException naming the field and the value */
    public Symptom {
        Check.required("date", date);
        Check.required("kind", kind);
        if (intensity != null) {
            Check.finite("intensity", intensity);
            if (intensity < 0 || intensity > 10) {
                throw new InvalidRecordException("intensity", "must be between 0 and 10", Check.number(intensity));
            }
        }
        if (kind == SymptomKind.PAIN && present && intensity == null) {
            throw new InvalidRecordException("intensity", "is required for a present pain score", null);
        }
        sites = Check.list("sites", sites);
        quality = Check.list("quality", quality);
        timing = Check.list("timing", timing);
        signs = Check.list("signs", signs);
        Check.optionalText("source", source);
        id = id != null ? Check.optionalText("id", id)
                : Ids.derive("s", date, kind, present, intensity, sites, quality, timing, signs);
    }

    /** A present pain score with sites. */
    public static Symptom pain(LocalDate date, double intensity, BodySite... sites) {
        return new Symptom(null, date, SymptomKind.PAIN, true, intensity, List.of(sites), List.of(), List.of(),
                List.of(), null);
    }

    /** Whether this is a present pain score (the only kind that carries an intensity for trends). */
    public boolean isPainScore() {
        return kind == SymptomKind.PAIN && present && intensity != null;
    }
}
