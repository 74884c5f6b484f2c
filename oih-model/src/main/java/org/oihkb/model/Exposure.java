package org.oihkb.model;

import java.time.LocalDate;
import java.util.List;

/**
 * Opioid exposure on the record's {@code asOf}, with the MME edition it was computed with.
 *
 * @param mmeEdition the conversion table used, for example {@code cdc-2022}
 * @param currentMmePerDay band dose on {@code asOf}: pain doses, PRN maxima included
 * @param peakMmePerDay highest band dose in the peak look-back
 * @param complete {@code false} when a current pain dose could not be converted
 * @param notComputedDoseIds the current pain doses left out of the MME
 * @param daysOnOpioids days with an opioid for pain in the long-term window ending on {@code asOf}
 * @param longTermTherapy an opioid for pain on most days for more than 3 months (CDC operationalisation)
 * @param trace the conversion of every dose period, sorted by start and id
 */
public record Exposure(String mmeEdition, double currentMmePerDay, double peakMmePerDay, boolean complete,
                       List<String> notComputedDoseIds, int daysOnOpioids, boolean longTermTherapy,
                       List<DoseMme> trace) {

    /** Copies the lists. */
    public Exposure {
        notComputedDoseIds = List.copyOf(notComputedDoseIds);
        trace = List.copyOf(trace);
    }

    /** Ids of the doses that count towards MME thresholds on {@code day}, sorted. */
    public List<String> countedDoseIdsOn(LocalDate day) {
        return trace.stream().filter(t -> t.countsForThresholds() && t.covers(day)).map(DoseMme::doseId).sorted()
                .toList();
    }

    /** Whether any opioid (for any purpose) was taken on {@code day}. */
    public boolean exposedOn(LocalDate day) {
        return trace.stream().anyMatch(t -> t.covers(day));
    }
}
