package org.oihkb.model;

import java.time.LocalDate;

/**
 * A non-opioid medicine that changes what is safe (an anticoagulant, a benzodiazepine, ...).
 *
 * @param id stable id; derived from the content when {@code null}
 * @param medicationClass required
 * @param name optional
 * @param start optional
 * @param end optional; on or after {@code start}
 * @param source optional reference back to the host's record
 */
public record Medication(String id, MedicationClass medicationClass, String name, LocalDate start, LocalDate end,
                         String source) {

    /** @throws InvalidRecordException naming the field and the value */
    public Medication {
        Check.required("class", medicationClass);
        Check.optionalText("name", name);
        Check.notBefore("end", end, "start", start);
        Check.optionalText("source", source);
        id = id != null ? Check.optionalText("id", id) : Ids.derive("m", medicationClass, name, start, end);
    }

    /** Whether the medicine is taken on {@code date}: started and not ended. */
    public boolean activeOn(LocalDate date) {
        return (start == null || !start.isAfter(date)) && (end == null || !end.isBefore(date));
    }
}
