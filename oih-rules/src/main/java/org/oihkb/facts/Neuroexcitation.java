package org.oihkb.facts;

import java.time.LocalDate;
import java.util.List;

/**
 * Myoclonus, delirium or hallucinations recorded present in the last 14 days while an opioid (any purpose) ran or
 * had ended at most 3 days before (docs/definitions.md §4), with what strengthens opioid-induced neurotoxicity
 * (§5).
 *
 * @param kinds the symptom kinds present, as codes, sorted
 * @param date the latest such record
 * @param severe delirium or hallucinations
 * @param strengtheners what holds of: band dose at or above 90 or a parenteral or neuraxial pain dose; an
 *                      escalation in the 30 days before the symptom; severe renal impairment; dehydration
 * @param evidence the records and facts used
 */
public record Neuroexcitation(List<String> kinds, LocalDate date, boolean severe, List<String> strengtheners,
                              List<String> evidence) {

    /** Copies the lists. */
    public Neuroexcitation {
        kinds = List.copyOf(kinds);
        strengtheners = List.copyOf(strengtheners);
        evidence = List.copyOf(evidence);
    }
}
