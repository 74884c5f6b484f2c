package org.oihkb.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One patient's record as of one date: the single input of an assessment (docs/contract.md section 1).
 * Immutable and validated: every fact is dated on or before {@code asOf} (a dose may still run after it),
 * and ids are unique across the record.
 *
 * <pre>{@code
 * PatientRecord record = PatientRecord.builder(LocalDate.of(2025, 3, 1), Patient.of("demo-001"))
 *         .dose(DoseEvent.builder().drug(Drug.OXYCODONE).route(Route.ORAL).dailyDose(40)
 *                 .unit(DoseUnit.MG).start(LocalDate.of(2024, 6, 1)).build())
 *         .symptom(Symptom.pain(LocalDate.of(2025, 2, 20), 8, BodySite.LOWER_BACK))
 *         .build();
 * }</pre>
 *
 * @param format the record format, 1
 * @param id optional id of the record itself
 * @param asOf the date the assessment is made for; every window is relative to it
 * @param patient required
 * @param conditions possibly empty
 * @param medications possibly empty
 * @param observations possibly empty
 * @param doses opioid dose periods, possibly empty
 * @param symptoms possibly empty
 */
public record PatientRecord(int format, String id, LocalDate asOf, Patient patient, List<Condition> conditions,
                            List<Medication> medications, List<Observation> observations, List<DoseEvent> doses,
                            List<Symptom> symptoms) {

    /** The only record format this version reads. */
    public static final int FORMAT = 1;

    /**
     * The most facts one record may hold. Ten years of daily dose changes and pain scores stay far below it;
     * a larger record is refused with a message rather than risking memory for every other record of a batch.
     */
    public static final int MAX_FACTS = 20_000;

    /** @throws InvalidRecordException naming the field path and the value */
    public PatientRecord {
        if (format != FORMAT) {
            throw new InvalidRecordException("format", "must be " + FORMAT, format);
        }
        Check.required("asOf", asOf);
        Check.required("patient", patient);
        conditions = Check.list("conditions", conditions);
        medications = Check.list("medications", medications);
        observations = Check.list("observations", observations);
        doses = Check.list("doses", doses);
        symptoms = Check.list("symptoms", symptoms);
        int facts = conditions.size() + medications.size() + observations.size() + doses.size() + symptoms.size();
        if (facts > MAX_FACTS) {
            throw new InvalidRecordException("record", "must hold at most " + MAX_FACTS + " facts", facts + " facts");
        }

        for (int i = 0; i < conditions.size(); i++) {
            notAfter("conditions[" + i + "].onset", conditions.get(i).onset(), asOf);
        }
        for (int i = 0; i < medications.size(); i++) {
            notAfter("medications[" + i + "].start", medications.get(i).start(), asOf);
        }
        for (int i = 0; i < observations.size(); i++) {
            notAfter("observations[" + i + "].date", observations.get(i).date(), asOf);
        }
        for (int i = 0; i < doses.size(); i++) {
            DoseEvent d = doses.get(i);
            if (d.status() != DoseStatus.PROPOSED) {
                notAfter("doses[" + i + "].start", d.start(), asOf);
            }
        }
        for (int i = 0; i < symptoms.size(); i++) {
            notAfter("symptoms[" + i + "].date", symptoms.get(i).date(), asOf);
        }
        checkUniqueIds(conditions, medications, observations, doses, symptoms);
    }

    private static void notAfter(String field, LocalDate date, LocalDate asOf) {
        if (date != null && date.isAfter(asOf)) {
            throw new InvalidRecordException(field, "must be on or before asOf (" + asOf + ")", date);
        }
    }

    private static void checkUniqueIds(List<Condition> conditions, List<Medication> medications,
                                       List<Observation> observations, List<DoseEvent> doses,
                                       List<Symptom> symptoms) {
        Map<String, String> seen = new HashMap<>();
        unique(seen, "conditions", conditions.stream().map(Condition::id).toList());
        unique(seen, "medications", medications.stream().map(Medication::id).toList());
        unique(seen, "observations", observations.stream().map(Observation::id).toList());
        unique(seen, "doses", doses.stream().map(DoseEvent::id).toList());
        unique(seen, "symptoms", symptoms.stream().map(Symptom::id).toList());
    }

    private static void unique(Map<String, String> seen, String list, List<String> ids) {
        for (int i = 0; i < ids.size(); i++) {
            String field = list + "[" + i + "].id";
            String earlier = seen.putIfAbsent(ids.get(i), field);
            if (earlier != null) {
                throw new InvalidRecordException(field, "must be unique in the record (" + earlier
                        + " has the same id; identical facts without ids derive the same id)", "'" + ids.get(i) + "'");
            }
        }
    }

    /** A builder for a record of the current format. */
    public static Builder builder(LocalDate asOf, Patient patient) {
        return new Builder(asOf, patient);
    }

    /** Builds a {@link PatientRecord}; validation happens in {@link #build()}. */
    public static final class Builder {
        private final LocalDate asOf;
        private final Patient patient;
        private String id;
        private final List<Condition> conditions = new ArrayList<>();
        private final List<Medication> medications = new ArrayList<>();
        private final List<Observation> observations = new ArrayList<>();
        private final List<DoseEvent> doses = new ArrayList<>();
        private final List<Symptom> symptoms = new ArrayList<>();

        private Builder(LocalDate asOf, Patient patient) {
            this.asOf = asOf;
            this.patient = patient;
        }

        /** Sets the record's own id. */
        public Builder id(String id) { this.id = id; return this; }
        /** Adds a condition. */
        public Builder condition(Condition c) { conditions.add(c); return this; }
        /** Adds a non-opioid medicine. */
        public Builder medication(Medication m) { medications.add(m); return this; }
        /** Adds a measured value. */
        public Builder observation(Observation o) { observations.add(o); return this; }
        /** Adds an opioid dose period. */
        public Builder dose(DoseEvent d) { doses.add(d); return this; }
        /** Adds a symptom observation. */
        public Builder symptom(Symptom s) { symptoms.add(s); return this; }

        /** @throws InvalidRecordException naming the field path and the value */
        public PatientRecord build() {
            return new PatientRecord(FORMAT, id, asOf, patient, conditions, medications, observations, doses,
                    symptoms);
        }
    }
}
