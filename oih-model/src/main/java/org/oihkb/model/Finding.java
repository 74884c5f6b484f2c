package org.oihkb.model;

import java.util.List;
import java.util.Objects;

/**
 * A conclusion of the knowledge base about this patient: decision support ("consider", "possible"),
 * never a diagnosis.
 *
 * @param id stable rule id, never reused, documented in the rule catalog
 * @param title short title from the rule's metadata
 * @param indicator {@code info}, {@code warning} or {@code critical}, as CDS Hooks cards
 * @param summary one sentence built from this patient's values
 * @param evidence ids of the input facts and derived values it rests on
 * @param sources citations
 * @param evidenceGrade the grade as the source states it
 * @param criteriaMet for graded conclusions, the criteria this patient meets; possibly empty
 * @param criteriaNotMet the criteria not met or not assessable; possibly empty
 * @param cautions cautions attached to the finding itself (the CDC 2022 Recommendation 4 caution on the
 *                 tolerance pattern); possibly empty
 */
public record Finding(String id, String title, Indicator indicator, String summary, List<String> evidence,
                      List<String> sources, String evidenceGrade, List<String> criteriaMet,
                      List<String> criteriaNotMet, List<Caution> cautions) {

    /** Copies the lists; every field but the lists is required. */
    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(summary, "summary");
        evidence = List.copyOf(evidence);
        sources = List.copyOf(sources);
        Objects.requireNonNull(evidenceGrade, "evidenceGrade");
        criteriaMet = criteriaMet == null ? List.of() : List.copyOf(criteriaMet);
        criteriaNotMet = criteriaNotMet == null ? List.of() : List.copyOf(criteriaNotMet);
        cautions = cautions == null ? List.of() : List.copyOf(cautions);
    }

    /** A finding without cautions of its own. */
    public Finding(String id, String title, Indicator indicator, String summary, List<String> evidence,
                   List<String> sources, String evidenceGrade, List<String> criteriaMet, List<String> criteriaNotMet) {
        this(id, title, indicator, summary, evidence, sources, evidenceGrade, criteriaMet, criteriaNotMet, List.of());
    }
}
