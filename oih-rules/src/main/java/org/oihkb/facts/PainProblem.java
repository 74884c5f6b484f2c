package org.oihkb.facts;

import java.util.List;

/**
 * Pain is a problem on a pain opioid (docs/definitions.md §5, insufficient data): a pain dose is current or ended in
 * the look-back, and there is no pain score in the last 90 days, or the latest is at or above the configured
 * problem score (4), or 2 points above the previous score day. Lists what the record lacks to judge it.
 *
 * @param latest the latest score (the median of the latest score day), or {@code null}
 * @param reason why pain is a problem, in words
 * @param missing what is absent: a dose history, two scores, scores around a change, a sign examined
 * @param signsPresent the OIH signs present, in words
 * @param evidence the scores used
 */
public record PainProblem(Double latest, String reason, List<String> missing, List<String> signsPresent,
                          List<String> evidence) {

    /** Copies the lists. */
    public PainProblem {
        missing = List.copyOf(missing);
        signsPresent = List.copyOf(signsPresent);
        evidence = List.copyOf(evidence);
    }
}
