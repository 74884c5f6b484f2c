package org.oihkb.spark;

import java.util.List;

import org.oihkb.model.Assessment;
import org.oihkb.model.Finding;

/**
 * The conclusion of the differential for one assessment, as one value a stewardship team can count by: the
 * first of these findings that fired, in this order, or {@link #NONE}. The order puts what needs a clinician's
 * attention first (possible OIH before its look-alikes, a look-alike before "insufficient data"); every finding
 * that fired is still listed in {@code findingIds}.
 */
public final class Conclusions {

    /** No conclusion of the differential fired (for example no opioid for pain, or nothing to judge). */
    public static final String NONE = "none";

    /**
     * The conclusion ids of docs/definitions.md section 5, in this job's order, first wins. {@code oih screen}
     * names no single conclusion (its JSON lists every finding, sorted by id), so this order is the job's own.
     */
    public static final List<String> ORDER = List.of(
            "OIH-010",  // possible OIH
            "OIH-090",  // consider opioid-induced neurotoxicity
            "OIH-040",  // consider disease progression
            "OIH-041",  // new focal pain
            "OIH-042",  // new numbness
            "OIH-050",  // withdrawal-associated
            "OIH-020",  // OIH cannot be excluded
            "OIH-035",  // escalation without benefit
            "OIH-030",  // tolerance pattern
            "OIH-060",  // insufficient data
            "OIH-061"); // insufficient data (older id, while it exists)

    private Conclusions() {
    }

    /** The conclusion of {@code a}: an id of {@link #ORDER} or {@link #NONE}. */
    public static String of(Assessment a) {
        String best = NONE;
        int bestRank = Integer.MAX_VALUE;
        for (Finding f : a.findings()) {
            int rank = ORDER.indexOf(f.id());
            if (rank >= 0 && rank < bestRank) {
                bestRank = rank;
                best = f.id();
            }
        }
        return best;
    }
}
