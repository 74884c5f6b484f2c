package org.oihkb.cds;

import java.time.LocalDate;
import java.util.List;

import org.oihkb.model.PatientRecord;

/** Reads a CDS Hooks request (context and prefetch) into the one patient record the engine assesses. */
interface RecordSource {

    /**
     * The record and what could not be used.
     *
     * @param record the patient record, draft orders as {@code proposed} doses
     * @param notes one sentence per resource or field that could not be used
     */
    record Mapping(PatientRecord record, List<String> notes) {
    }

    /**
     * @param requestJson the request, prefetch completed
     * @param asOf the date to assess for
     * @throws BadRequest naming the field and the value when the request cannot be read at all
     */
    Mapping read(String requestJson, LocalDate asOf);
}
