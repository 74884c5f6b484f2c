package org.oihkb.facts;

import java.util.List;
import java.util.Set;

import org.oihkb.model.QualityClass;

/**
 * Pain descriptors after the judged change day compared with the bounded baseline before it
 * (docs/definitions.md §4, quality change). A new {@code numb} is not a quality change but a possible
 * neurological deficit, kept apart.
 *
 * @param originalClasses descriptor classes reported in the baseline
 * @param newClasses classes reported later and not in the baseline (numbness excluded)
 * @param assessed baseline and later scores both recorded a quality
 * @param evidence the later scores with a new class
 * @param newDescriptors the new descriptors as words, for sentences
 * @param newNumbness a later score is {@code numb} and no baseline score was
 * @param numbnessEvidence the later scores that are numb
 */
public record QualityShift(Set<QualityClass> originalClasses, Set<QualityClass> newClasses, boolean assessed,
                           List<String> evidence, String newDescriptors, boolean newNumbness,
                           List<String> numbnessEvidence) {

    /** Copies the collections. */
    public QualityShift {
        originalClasses = Set.copyOf(originalClasses);
        newClasses = Set.copyOf(newClasses);
        evidence = List.copyOf(evidence);
        numbnessEvidence = List.copyOf(numbnessEvidence);
    }

    /** Whether a class of descriptor appeared that was not reported before. */
    public boolean changed() {
        return !newClasses.isEmpty();
    }
}
