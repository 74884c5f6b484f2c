package org.oihkb.facts;

import java.util.List;
import java.util.Set;

import org.oihkb.model.BodyRegion;

/**
 * Where pain and allodynia were reported after the reference day (the first escalation, or the earliest
 * score), compared with the original regions (docs/definitions.md, Signs).
 *
 * @param originalRegions regions of pain scores on or before the reference day
 * @param newRegions regions of later pain or allodynia that are not original (for diffuse spread)
 * @param newPainRegions regions of later pain scores alone that are not original (for new focal pain:
 *                       allodynia in a new place is a sign of OIH, not a reason to look for new pathology)
 * @param widespread a later score or allodynia covers {@code widespread}
 * @param assessed some later pain score or allodynia recorded sites
 * @param evidence the later symptoms that add regions
 */
public record SiteSpread(Set<BodyRegion> originalRegions, Set<BodyRegion> newRegions,
                         Set<BodyRegion> newPainRegions, boolean widespread, boolean assessed, List<String> evidence) {

    /** Copies the collections. */
    public SiteSpread {
        originalRegions = Set.copyOf(originalRegions);
        newRegions = Set.copyOf(newRegions);
        newPainRegions = Set.copyOf(newPainRegions);
        evidence = List.copyOf(evidence);
    }

    /** How many regions are new. */
    public int newRegionCount() {
        return newRegions.size();
    }

    /** How many regions are new in later pain scores alone. */
    public int newPainRegionCount() {
        return newPainRegions.size();
    }

    /** New regions as words, sorted: "left-arm, right-leg". */
    public String newRegionsText() {
        return newRegions.stream().map(r -> r.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).sorted()
                .reduce((a, b) -> a + ", " + b).orElse("none");
    }
}
