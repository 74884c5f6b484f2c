package org.oihkb.facts;

import java.time.LocalDate;
import java.util.List;

/**
 * Allodynia or hyperalgesia judged against the judged change day F (docs/definitions.md §4): present when recorded
 * present during opioid exposure after F, outside the early window of a reduction, and not already present in the
 * baseline; absent when the latest record after F says absent. Not inserted when not assessed.
 *
 * @param status present, absent, or already present before F
 * @param date the record that decides
 * @param text a phrase for sentences
 * @param evidence the records used
 */
public record AllodyniaCourse(Status status, LocalDate date, String text, List<String> evidence) {

    /** What the records say. */
    public enum Status { PRESENT, ABSENT, BEFORE_ESCALATION }

    /** Copies the evidence. */
    public AllodyniaCourse {
        evidence = List.copyOf(evidence);
    }
}
