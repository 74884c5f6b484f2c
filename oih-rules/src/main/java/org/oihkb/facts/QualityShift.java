package org.oihkb.facts;

import java.util.List;
import java.util.Set;

import org.oihkb.model.QualityClass;

/**
 * Pain descriptors after the reference day compared with those before it (DEFINITIONS.md, Quality change).
 *
 * @param originalClasses descriptor classes reported on or before the reference day
 * @param newClasses classes reported later and not before
 * @param assessed some later pain score recorded its quality, and some earlier one did too
 * @param evidence the later scores with a new class
 * @param newDescriptors the new descriptors as words, for sentences
 */
public record QualityShift(Set<QualityClass> originalClasses, Set<QualityClass> newClasses, boolean assessed,
                           List<String> evidence, String newDescriptors) {

    /** Copies the collections. */
    public QualityShift {
        originalClasses = Set.copyOf(originalClasses);
        newClasses = Set.copyOf(newClasses);
        evidence = List.copyOf(evidence);
    }

    /** Whether a class of descriptor appeared that was not reported before. */
    public boolean changed() {
        return !newClasses.isEmpty();
    }
}
