package org.oihkb.model;

import java.util.List;
import java.util.Objects;

/**
 * A caution attached to a treatment option because of a fact of this patient (for example NSAIDs with a
 * creatinine clearance under 30 mL/min).
 *
 * @param id stable rule id, documented in the rule catalog
 * @param title short title from the rule's metadata
 * @param indicator how serious
 * @param summary one sentence built from this patient's values
 * @param evidence ids of the input facts and derived values it rests on
 * @param sources citations
 * @param evidenceGrade the grade as the source states it
 */
public record Caution(String id, String title, Indicator indicator, String summary, List<String> evidence,
                      List<String> sources, String evidenceGrade) {

    /** Copies the lists; every field but the lists is required. */
    public Caution {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(summary, "summary");
        evidence = List.copyOf(evidence);
        sources = List.copyOf(sources);
        Objects.requireNonNull(evidenceGrade, "evidenceGrade");
    }
}
