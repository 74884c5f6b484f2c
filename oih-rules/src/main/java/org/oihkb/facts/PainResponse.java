package org.oihkb.facts;

import java.time.LocalDate;
import java.util.List;

/**
 * How pain went after one change: a step, a run of steps, a cumulative escalation, a reduction or stop, or a slow
 * taper (docs/definitions.md §3). Scores on a change day describe the regimen before it; the after window
 * closes at the next significant change.
 *
 * @param changeId the change judged ({@link DoseChange}, {@link EscalationRun}, {@link CumulativeEscalation} or
 *                 {@link CumulativeReduction})
 * @param changeDay its change day (F)
 * @param lastDay its last step (L); {@code changeDay} for a single step
 * @param changeKind escalation, reduction or stop
 * @param scope step, run or cumulative
 * @param changeText the change in words
 * @param outcome improved, minimally improved, unchanged, worsened, or not assessable; for a reduction, improved
 *                means improved after the reduction (late window, or early after a large cut)
 * @param before median before, or {@code null}
 * @param after median of the after window used, or {@code null}
 * @param afterFrom first day of the after window used
 * @param afterTo last day of the after window used (E)
 * @param sustained improved, and every score from day 28 (after L) to E improved against before
 * @param earlyOutcome for a reduction or stop: the early (withdrawal) window against before; otherwise {@code null}
 * @param earlyOnly improvement after a large reduction seen only inside the withdrawal window: to be confirmed
 * @param earlyNotConfirmed after a smaller reduction, improvement inside the withdrawal window only
 * @param withdrawalDays the withdrawal window used (0 for an escalation)
 * @param judged this is the most recent assessable escalation, on which criterion (2) and the tolerance pattern
 *               are judged
 * @param criterionOne long-term therapy or a cumulative escalation holds on {@code asOf} or on the change day
 *                     (for a reduction: before it)
 * @param criterionOneText criterion (1) in words, or {@code null}
 * @param decidesCriterionTwo this response is the one that meets criterion (2): the judged escalation left pain
 *                            unchanged or worse, or pain improved after a reduction (a reduction trial)
 * @param missing which window had no score, for a data-quality note; {@code null} when assessable
 * @param evidence the ids of the scores used
 */
public record PainResponse(String changeId, LocalDate changeDay, LocalDate lastDay, DoseChange.Kind changeKind,
                           Scope scope, String changeText, Outcome outcome, Double before, Double after,
                           LocalDate afterFrom, LocalDate afterTo, boolean sustained, Outcome earlyOutcome,
                           boolean earlyOnly, boolean earlyNotConfirmed, int withdrawalDays, boolean judged,
                           boolean criterionOne, String criterionOneText, boolean decidesCriterionTwo, String missing,
                           List<String> evidence) {

    /** The outcome classes (IMMPACT: 2 points, or 30% with at least 1 point). */
    public enum Outcome { IMPROVED, MINIMALLY_IMPROVED, UNCHANGED, WORSENED, NOT_ASSESSABLE }

    /** What was judged. */
    public enum Scope { STEP, RUN, CUMULATIVE }

    /** Copies the evidence. */
    public PainResponse {
        evidence = List.copyOf(evidence);
    }

    /** An escalation (step, run or cumulative). */
    public boolean escalation() {
        return changeKind == DoseChange.Kind.ESCALATION;
    }

    /** A reduction or stop. */
    public boolean reduction() {
        return changeKind == DoseChange.Kind.REDUCTION || changeKind == DoseChange.Kind.STOP;
    }

    /** Whether {@code day} lies in the after window used. */
    public boolean inAfterWindow(LocalDate day) {
        return day != null && afterFrom != null && !day.isBefore(afterFrom) && !day.isAfter(afterTo);
    }

    /** "5 before, 8 after" for sentences. */
    public String scores() {
        return (before == null ? "no score" : Text.num(before)) + " before, "
                + (after == null ? "no score" : Text.num(after)) + " after";
    }
}
