package org.oihkb.fhir;

import java.util.List;
import java.util.Objects;

import org.oihkb.model.DataQualityNote;
import org.oihkb.model.PatientRecord;

/**
 * The result of reading FHIR input: the patient record, and a data-quality note for every resource or
 * element that could not be used (each names the resource type, id and element path). Pass the notes on
 * with the assessment: {@code engine.assess(m.record()).withDataQuality(m.notes())}.
 *
 * @param record the record, valid by construction
 * @param notes what was not used and why, in input order
 */
public record FhirMapping(PatientRecord record, List<DataQualityNote> notes) {

    /** Copies the list. */
    public FhirMapping {
        Objects.requireNonNull(record, "record");
        notes = List.copyOf(notes);
    }
}
