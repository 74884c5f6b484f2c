package org.oihkb.engine;

import java.util.Set;

import org.oihkb.model.Assessment;

/**
 * An assessment together with the ids of every rule whose conclusion or signal holds at its end,
 * including rules that only derive signals for other rules. What scenario tests check "fires" and
 * "silent" against.
 *
 * @param assessment the assessment
 * @param firedRuleIds ids of the rules that fired, sorted
 */
public record TracedAssessment(Assessment assessment, Set<String> firedRuleIds) {

    /** Copies the ids. */
    public TracedAssessment {
        firedRuleIds = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(firedRuleIds));
    }
}
