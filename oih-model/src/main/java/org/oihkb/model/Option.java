package org.oihkb.model;

import java.util.List;
import java.util.Objects;

/**
 * A treatment option to consider, with its rationale from this patient's facts and every caution
 * that applies to this patient.
 *
 * @param id stable rule id, documented in the rule catalog
 * @param title short title from the rule's metadata
 * @param indicator how urgent
 * @param summary the rationale in one sentence built from this patient's values
 * @param evidence ids of the input facts and derived values it rests on
 * @param sources citations
 * @param evidenceGrade the grade as the source states it
 * @param cautions the cautions that qualify this option for this patient, sorted by id
 * @param checks what must be checked before acting on it because the record does not say, sorted by id
 */
public record Option(String id, String title, Indicator indicator, String summary, List<String> evidence,
                     List<String> sources, String evidenceGrade, List<Caution> cautions, List<RecordCheck> checks) {

    /** Copies the lists; every field but the lists is required. */
    public Option {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(summary, "summary");
        evidence = List.copyOf(evidence);
        sources = List.copyOf(sources);
        Objects.requireNonNull(evidenceGrade, "evidenceGrade");
        cautions = List.copyOf(cautions);
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    /** An option without checks. */
    public Option(String id, String title, Indicator indicator, String summary, List<String> evidence,
                  List<String> sources, String evidenceGrade, List<Caution> cautions) {
        this(id, title, indicator, summary, evidence, sources, evidenceGrade, cautions, List.of());
    }
}
