package org.oihkb.facts;

import java.time.LocalDate;
import java.util.List;

/**
 * At least two step escalations, each within the configured run days (6) of the previous one, with no other
 * significant change between them: a titration judged as a whole (docs/definitions.md §2).
 *
 * @param id {@code run-YYYY-MM-DD} (its first step)
 * @param first the first step (F)
 * @param last the last step (L)
 * @param stepIds the dose changes it is made of, in date order
 * @param text the steps in words
 */
public record EscalationRun(String id, LocalDate first, LocalDate last, List<String> stepIds, String text) {

    /** Copies the ids. */
    public EscalationRun {
        stepIds = List.copyOf(stepIds);
    }
}
