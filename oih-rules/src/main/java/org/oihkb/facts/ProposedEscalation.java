package org.oihkb.facts;

import java.util.List;

/**
 * A proposed order ({@code status: proposed}) that makes the pain regimen on {@code asOf} a step
 * escalation against the day before (docs/definitions.md, Dose changes).
 *
 * @param doseIds the proposed doses
 * @param before the regimen the day before, as a sentence fragment
 * @param after the regimen with the order, as a sentence fragment
 */
public record ProposedEscalation(List<String> doseIds, String before, String after) {

    /** Copies the ids. */
    public ProposedEscalation {
        doseIds = List.copyOf(doseIds);
    }
}
