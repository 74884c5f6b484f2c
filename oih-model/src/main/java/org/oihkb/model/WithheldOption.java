package org.oihkb.model;

import java.util.List;
import java.util.Objects;

/**
 * An option that would have been offered but is not, because a contraindication holds for this patient
 * (for example rotation to methadone with a QTc above 500 ms).
 *
 * @param optionId the id of the option not offered
 * @param optionTitle its title
 * @param cautionId the id of the rule that withholds it
 * @param cautionTitle that rule's title
 * @param indicator how serious
 * @param reason the facts, in one phrase: {@code QTc 530 ms on 2025-03-02, above 500}
 * @param evidence ids of the input facts it rests on
 * @param sources citations
 * @param evidenceGrade the grade as the source states it
 */
public record WithheldOption(String optionId, String optionTitle, String cautionId, String cautionTitle,
                             Indicator indicator, String reason, List<String> evidence, List<String> sources,
                             String evidenceGrade) {

    /** Copies the lists; every field but the lists is required. */
    public WithheldOption {
        Objects.requireNonNull(optionId, "optionId");
        Objects.requireNonNull(optionTitle, "optionTitle");
        Objects.requireNonNull(cautionId, "cautionId");
        Objects.requireNonNull(cautionTitle, "cautionTitle");
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(reason, "reason");
        evidence = List.copyOf(evidence);
        sources = List.copyOf(sources);
        Objects.requireNonNull(evidenceGrade, "evidenceGrade");
    }
}
