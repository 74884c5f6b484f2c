package org.oihkb.facts;

import java.time.LocalDate;
import java.util.List;

/**
 * How pain went after one dose change (DEFINITIONS.md, Pain response): the median score before, the
 * median after (after the 7-day wait; for a reduction or stop, only after the withdrawal window), and the
 * outcome judged with the configured meaningful change.
 *
 * @param changeId the {@link DoseChange} or {@link CumulativeEscalation} judged
 * @param changeDay its day
 * @param changeKind what kind of change it was
 * @param outcome improved, unchanged, worsened, or not assessable
 * @param before median before, or {@code null}
 * @param after median after, or {@code null}
 * @param sustained improved, and every score from day 28 to {@code asOf} at least the meaningful change
 *                  below {@code before}
 * @param risesInWithdrawalWindow for a reduction or stop: a score within the withdrawal window at least the
 *                                meaningful change above {@code before}
 * @param missing which window had no score, for a data-quality note; {@code null} when assessable
 * @param evidence the ids of the scores used
 */
public record PainResponse(String changeId, LocalDate changeDay, DoseChange.Kind changeKind, Outcome outcome,
                           Double before, Double after, boolean sustained, boolean risesInWithdrawalWindow,
                           String missing, List<String> evidence) {

    /** The outcome classes. */
    public enum Outcome { IMPROVED, UNCHANGED, WORSENED, NOT_ASSESSABLE }

    /** Copies the evidence. */
    public PainResponse {
        evidence = List.copyOf(evidence);
    }

    /** "5 before, 8 after" for sentences. */
    public String scores() {
        return (before == null ? "no score" : Text.num(before)) + " before, "
                + (after == null ? "no score" : Text.num(after)) + " after";
    }
}
