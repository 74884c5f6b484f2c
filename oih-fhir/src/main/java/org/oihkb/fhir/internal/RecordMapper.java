package org.oihkb.fhir.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;
import org.oihkb.fhir.FhirInputException;
import org.oihkb.model.ConditionCode;
import org.oihkb.model.ConditionStatus;
import org.oihkb.model.DataQualityNote;
import org.oihkb.model.InvalidRecordException;
import org.oihkb.model.MedicationClass;
import org.oihkb.model.ObservationCode;
import org.oihkb.model.PatientRecord;
import org.oihkb.model.Sex;
import org.oihkb.model.Symptom;
import org.oihkb.model.SymptomKind;

/**
 * One mapping run: collects the resources of one patient, then turns them into a {@link PatientRecord}
 * and notes. Not thread-safe; {@link org.oihkb.fhir.FhirRecords} makes one per call.
 */
public final class RecordMapper {

    /** Ids of the notes this mapping writes (docs/fhir.md lists them). */
    public static final String NOT_USED = "FHIR-001";
    /** A medication with no RxNorm code in the OMTK table and no listed non-opioid class. */
    public static final String UNKNOWN_MEDICATION = "FHIR-002";
    /** A dose that cannot be computed: no dose, a unit that makes no sense, unusable timing. */
    public static final String NO_DOSE = "FHIR-003";
    /** An element that cannot be used: a status, a missing or unusable date, an unusable value. */
    public static final String UNUSABLE = "FHIR-004";
    /** A fact dated after asOf. */
    public static final String AFTER_AS_OF = "FHIR-005";
    /** A medicine not in the OMTK table whose ingredient, strength and form were read from its RxNorm-style name. */
    public static final String FROM_NAME = "FHIR-009";
    /** A condition or observation code that maps to no contract code. */
    public static final String UNMAPPED_CODE = "FHIR-006";
    /** Data the request does not carry: no prefetch, no Patient. */
    public static final String MISSING = "FHIR-007";
    /** A resource of another patient, or a second, different copy of one resource. */
    public static final String CONFLICT = "FHIR-008";

    /** One input resource, and whether it is an order being signed (CDS Hooks draftOrders). */
    public record Input(Resource resource, boolean draftOrder, String fullUrl) {
    }

    private final LocalDate asOf;
    private final List<DataQualityNote> notes = new ArrayList<>();
    private final Map<String, Input> byKey = new LinkedHashMap<>();
    private final Map<String, Medication> medications = new HashMap<>();
    private final List<Input> anonymous = new ArrayList<>();
    private String patientIdHint;

    /** @param asOf the date of the record, never null */
    public RecordMapper(LocalDate asOf) {
        this.asOf = asOf;
    }

    /** The patient the record is for when no Patient resource is given (CDS Hooks {@code context.patientId}). */
    public RecordMapper patientId(String id) {
        this.patientIdHint = id == null ? null : stripType(id);
        return this;
    }

    /** Adds one resource; an identical second copy (same type, id and content) is dropped without a note. */
    public void add(Resource r, boolean draftOrder, String fullUrl) {
        if (r instanceof Medication m) {
            if (r.hasIdElement() && r.getIdElement().hasIdPart()) {
                medications.put("Medication/" + r.getIdElement().getIdPart(), m);
            }
            if (fullUrl != null) {
                medications.put(fullUrl, m);
            }
            return;
        }
        Input in = new Input(r, draftOrder, fullUrl);
        if (!r.hasIdElement() || !r.getIdElement().hasIdPart()) {
            anonymous.add(in);
            return;
        }
        String key = key(r);
        Input earlier = byKey.get(key);
        if (earlier == null) {
            byKey.put(key, in);
        } else if (earlier.resource().equalsDeep(r)) {
            if (in.draftOrder() && !earlier.draftOrder()) {
                byKey.put(key, in);
            }
        } else if (sameMedication(earlier.resource(), r)) {
            // One order in two versions (prefetch and draftOrders): the draft is the one being signed
            if (in.draftOrder() && !earlier.draftOrder()) {
                byKey.put(key, in);
            }
            note(CONFLICT, r, "", "appears twice with different content; the " + (in.draftOrder()
                    || earlier.draftOrder() ? "draft order" : "first copy") + " was used");
        } else {
            // Two different resources under one id: both are facts, the second under a suffixed id
            Resource copy = r.copy();
            int n = 2;
            while (byKey.containsKey(r.fhirType() + "/" + r.getIdElement().getIdPart() + "-dup" + n)) {
                n++;
            }
            copy.setId(r.getIdElement().getIdPart() + "-dup" + n);
            byKey.put(key(copy), new Input(copy, draftOrder, fullUrl));
            note(CONFLICT, r, "", "is the id of two different resources; both were used, the second as "
                    + key(copy));
        }
    }

    private static boolean sameMedication(Resource a, Resource b) {
        if (a instanceof MedicationRequest x && b instanceof MedicationRequest y) {
            return x.getMedication() != null && x.getMedication().equalsDeep(y.getMedication());
        }
        if (a instanceof MedicationStatement x && b instanceof MedicationStatement y) {
            return x.getMedication() != null && x.getMedication().equalsDeep(y.getMedication());
        }
        if (a instanceof MedicationDispense x && b instanceof MedicationDispense y) {
            return x.getMedication() != null && x.getMedication().equalsDeep(y.getMedication());
        }
        return false;
    }

    /** Maps what was added. */
    public Result map(String recordId) {
        List<Input> all = new ArrayList<>(byKey.values());
        all.addAll(anonymous);
        org.oihkb.model.Patient patient = patient(all);
        PatientRecord.Builder b = PatientRecord.builder(asOf, patient).id(recordId);
        List<org.oihkb.model.Condition> conditions = new ArrayList<>();
        List<Input> medicationInputs = new ArrayList<>();
        for (Input in : all) {
            Resource r = in.resource();
            if (r instanceof Patient) {
                continue;
            }
            if (!forPatient(r, patient.id())) {
                note(CONFLICT, r, "subject", "belongs to another patient than " + patient.id() + "; not used");
                continue;
            }
            if (r instanceof Condition c) {
                org.oihkb.model.Condition mapped = condition(c);
                if (mapped != null) {
                    conditions.add(mapped);
                }
            } else if (r instanceof Observation o) {
                observation(o, b);
            } else if (r instanceof MedicationRequest || r instanceof MedicationStatement
                    || r instanceof MedicationDispense) {
                medicationInputs.add(in);
            } else {
                note(NOT_USED, r, "", "a " + r.fhirType() + " is not used by the assessment");
            }
        }
        conditions.forEach(b::condition);
        boolean oudContext = conditions.stream().anyMatch(c -> c.code() == ConditionCode.OPIOID_USE_DISORDER
                && c.countsOn(asOf));
        MedicationMapper meds = new MedicationMapper(asOf, this, oudContext);
        for (Input in : medicationInputs) {
            meds.map(in, b);
        }
        try {
            return new Result(b.build(), List.copyOf(notes));
        } catch (InvalidRecordException e) {
            // Every fact was checked on the way in; reaching here is a mapping defect, said as input trouble
            throw new FhirInputException("record", "the mapped record is not valid: " + e.getMessage(), null, e);
        }
    }

    /** The record and the notes. */
    public record Result(PatientRecord record, List<DataQualityNote> notes) {
    }

    private org.oihkb.model.Patient patient(List<Input> all) {
        List<Patient> patients = all.stream().map(Input::resource).filter(Patient.class::isInstance)
                .map(Patient.class::cast).toList();
        Patient chosen = null;
        for (Patient p : patients) {
            String id = p.getIdElement().getIdPart();
            if (patientIdHint == null || patientIdHint.equals(id)) {
                if (chosen != null) {
                    throw new FhirInputException("Patient", "one record is one patient, but the input holds "
                            + "more than one Patient resource", chosen.getIdElement().getIdPart() + ", " + id);
                }
                chosen = p;
            } else {
                note(CONFLICT, p, "", "is not the patient of the request (" + patientIdHint + "); not used");
            }
        }
        if (chosen == null) {
            String id = patientIdHint != null ? patientIdHint : subjectOfAll(all);
            if (id == null) {
                throw new FhirInputException("Patient", "the input holds no Patient resource and no subject "
                        + "reference to say whose record it is", null);
            }
            notes.add(new DataQualityNote(MISSING, "Patient/" + id + ": no Patient resource in the input; "
                    + "age and sex are not known.", List.of("Patient/" + id)));
            return org.oihkb.model.Patient.of(id);
        }
        String id = chosen.getIdElement().getIdPart();
        if (id == null) {
            id = patientIdHint != null ? patientIdHint : subjectOfAll(all);
            if (id == null) {
                throw new FhirInputException("Patient.id", "is required (nothing else says whose record it is)", null);
            }
        }
        LocalDate birth = null;
        if (chosen.hasBirthDateElement() && chosen.getBirthDateElement().getValue() != null) {
            birth = date(chosen.getBirthDateElement());
            if (birth.isAfter(asOf)) {
                note(AFTER_AS_OF, chosen, "birthDate", "is after asOf (" + asOf + "); not used");
                birth = null;
            } else if (birth.isBefore(asOf.minusYears(130))) {
                note(UNUSABLE, chosen, "birthDate", "gives an age over 130 years; not used");
                birth = null;
            }
        } else {
            note(MISSING, chosen, "birthDate", "is missing; the age is not known");
        }
        Sex sex = Sex.UNKNOWN;
        if (chosen.hasGender()) {
            sex = switch (chosen.getGender()) {
                case FEMALE -> Sex.FEMALE;
                case MALE -> Sex.MALE;
                case OTHER -> Sex.OTHER;
                default -> Sex.UNKNOWN;
            };
        }
        return new org.oihkb.model.Patient(id, birth, null, sex);
    }

    /** The single patient every subject reference names, or {@code null}. */
    private String subjectOfAll(List<Input> all) {
        String found = null;
        for (Input in : all) {
            Reference subject = subject(in.resource());
            if (subject != null && subject.hasReference()) {
                String id = stripType(subject.getReference());
                if (found != null && !found.equals(id)) {
                    throw new FhirInputException("subject", "one record is one patient, but the resources name "
                            + "more than one", found + ", " + id);
                }
                found = id;
            }
        }
        return found;
    }

    private boolean forPatient(Resource r, String patientId) {
        Reference subject = subject(r);
        if (subject == null || !subject.hasReference()) {
            return true;
        }
        String ref = subject.getReference();
        return !ref.startsWith("Patient/") || stripType(ref).equals(patientId);
    }

    private static Reference subject(Resource r) {
        if (r instanceof Condition c) {
            return c.getSubject();
        }
        if (r instanceof Observation o) {
            return o.getSubject();
        }
        if (r instanceof MedicationRequest m) {
            return m.getSubject();
        }
        if (r instanceof MedicationStatement m) {
            return m.getSubject();
        }
        return r instanceof MedicationDispense m ? m.getSubject() : null;
    }

    private org.oihkb.model.Condition condition(Condition c) {
        String vs = c.hasVerificationStatus() ? c.getVerificationStatus().getCodingFirstRep().getCode() : null;
        if ("entered-in-error".equals(vs)) {
            note(UNUSABLE, c, "verificationStatus", "is entered-in-error; not used");
            return null;
        }
        ConditionCode code = null;
        for (Coding coding : c.getCode().getCoding()) {
            code = Vocabulary.get().condition(coding);
            if (code != null) {
                break;
            }
        }
        if (code == null) {
            note(UNMAPPED_CODE, c, "code", "(" + codes(c.getCode()) + ") is not one of the contract's condition "
                    + "codes; not used");
            return null;
        }
        ConditionStatus status = ConditionStatus.ACTIVE;
        if ("refuted".equals(vs)) {
            status = ConditionStatus.REFUTED;
        } else if (c.hasClinicalStatus()) {
            String cs = c.getClinicalStatus().getCodingFirstRep().getCode();
            if (cs != null) {
                switch (cs) {
                    case "active", "recurrence", "relapse" -> status = ConditionStatus.ACTIVE;
                    case "inactive", "remission", "resolved" -> status = ConditionStatus.RESOLVED;
                    default -> note(UNUSABLE, c, "clinicalStatus", "'" + cs + "' is not a FHIR clinical status; "
                            + "taken as active");
                }
            }
        }
        LocalDate onset = null;
        if (c.hasOnsetDateTimeType()) {
            onset = date(c.getOnsetDateTimeType());
        } else if (c.hasOnsetPeriod() && c.getOnsetPeriod().hasStart()) {
            onset = date(c.getOnsetPeriod().getStartElement());
        } else if (c.hasRecordedDate()) {
            onset = date(c.getRecordedDateElement());
        }
        if (onset != null && onset.isAfter(asOf)) {
            note(AFTER_AS_OF, c, "onset", "(" + onset + ") is after asOf (" + asOf + "); not used");
            return null;
        }
        LocalDate end = null;
        if (c.hasAbatementDateTimeType()) {
            end = date(c.getAbatementDateTimeType());
        } else if (c.hasAbatementPeriod() && c.getAbatementPeriod().hasEnd()) {
            end = date(c.getAbatementPeriod().getEndElement());
        }
        if (end != null && onset != null && end.isBefore(onset)) {
            note(UNUSABLE, c, "abatement", "(" + end + ") is before the onset (" + onset + "); not used");
            end = null;
        }
        return new org.oihkb.model.Condition(key(c), code, onset, end, status, key(c));
    }

    private void observation(Observation o, PatientRecord.Builder b) {
        String status = o.hasStatus() ? o.getStatus().toCode() : null;
        if ("entered-in-error".equals(status) || "cancelled".equals(status)) {
            note(UNUSABLE, o, "status", "is " + status + "; not used");
            return;
        }
        Vocabulary.ObservationTarget target = null;
        for (Coding coding : o.getCode().getCoding()) {
            target = Vocabulary.get().observation(coding);
            if (target != null) {
                break;
            }
        }
        String path = "value";
        Type value = o.getValue();
        if (target == null) {
            // A PEG panel carries its pain item as a component
            for (int i = 0; i < o.getComponent().size() && target == null; i++) {
                Observation.ObservationComponentComponent comp = o.getComponent().get(i);
                for (Coding coding : comp.getCode().getCoding()) {
                    if (Vocabulary.get().observation(coding) == Vocabulary.ObservationTarget.PAIN) {
                        target = Vocabulary.ObservationTarget.PAIN;
                        value = comp.getValue();
                        path = "component[" + i + "].value";
                    }
                }
            }
        }
        if (target == null && Vocabulary.namesCows(o.getCode())) {
            target = Vocabulary.ObservationTarget.COWS_SCORE;
        }
        if (target == null) {
            note(UNMAPPED_CODE, o, "code", "(" + codes(o.getCode()) + ") is not a measurement the assessment uses; "
                    + "not used");
            return;
        }
        LocalDate date = null;
        if (o.hasEffectiveDateTimeType()) {
            date = date(o.getEffectiveDateTimeType());
        } else if (o.hasEffectivePeriod() && o.getEffectivePeriod().hasStart()) {
            date = date(o.getEffectivePeriod().getStartElement());
        } else if (o.hasIssued()) {
            date = o.getIssued().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        }
        if (date == null) {
            note(UNUSABLE, o, "effective", "is missing; a measurement without a date is not used");
            return;
        }
        if (date.isAfter(asOf)) {
            note(AFTER_AS_OF, o, "effective", "(" + date + ") is after asOf (" + asOf + "); not used");
            return;
        }
        Double number = number(value);
        if (number == null) {
            note(UNUSABLE, o, path, "has no numeric value; not used");
            return;
        }
        String unit = value instanceof Quantity q ? unitOf(q) : null;
        switch (target) {
            case PAIN -> {
                if (number < 0 || number > 10) {
                    note(UNUSABLE, o, path, "(" + num(number) + ") is not a 0-10 pain score; not used");
                    return;
                }
                b.symptom(new Symptom(key(o), date, SymptomKind.PAIN, true, number, List.of(), List.of(),
                        List.of(), List.of(), key(o)));
            }
            case QTC_MS -> {
                Double ms = unit == null || unit.equals("ms") ? number : unit.equals("s") ? number * 1000 : null;
                addObservation(o, path, ObservationCode.QTC_MS, ms, unit, date, b);
            }
            case EGFR -> addObservation(o, path, ObservationCode.EGFR,
                    unit == null || unit.startsWith("mL/min") ? number : null, unit, date, b);
            case CREATININE_CLEARANCE -> {
                Double mlMin = unit == null || unit.startsWith("mL/min") ? number
                        : unit.startsWith("mL/s") ? number * 60 : null;
                addObservation(o, path, ObservationCode.CREATININE_CLEARANCE, mlMin, unit, date, b);
            }
            case COWS_SCORE -> addObservation(o, path, ObservationCode.COWS_SCORE, number, unit, date, b);
        }
    }

    private void addObservation(Observation o, String path, ObservationCode code, Double value, String unit,
                                LocalDate date, PatientRecord.Builder b) {
        if (value == null) {
            note(UNUSABLE, o, path, "unit '" + unit + "' makes no sense for " + code.code() + "; not used");
            return;
        }
        if (value < code.min() || value > code.max()) {
            note(UNUSABLE, o, path, "(" + num(value) + ") is outside the plausible range of " + code.code() + " ("
                    + num(code.min()) + "-" + num(code.max()) + "); not used");
            return;
        }
        b.observation(new org.oihkb.model.Observation(key(o), code, value, date, key(o)));
    }

    private static Double number(Type value) {
        if (value instanceof Quantity q && q.hasValue()) {
            return q.getValue().doubleValue();
        }
        if (value instanceof org.hl7.fhir.r4.model.IntegerType i && i.getValue() != null) {
            return i.getValue().doubleValue();
        }
        return null;
    }

    /** The medication a request, statement or dispense names, as a concept (resolving a reference). */
    CodeableConcept medicationConcept(DomainResource r, Type medication, String path) {
        if (medication instanceof CodeableConcept cc) {
            return cc;
        }
        if (medication instanceof Reference ref) {
            String target = ref.getReference();
            if (target == null) {
                note(UNUSABLE, r, path, "has no reference; the medication is not known");
                return null;
            }
            Medication m = null;
            if (target.startsWith("#")) {
                for (Resource contained : r.getContained()) {
                    if (contained instanceof Medication cm && target.substring(1)
                            .equals(stripHash(cm.getIdElement().getIdPart()))) {
                        m = cm;
                    }
                }
            } else {
                m = medications.get(target);
                if (m == null && ref.getResource() instanceof Medication rm) {
                    m = rm;
                }
            }
            if (m == null) {
                if (ref.hasDisplay()) {
                    note(UNUSABLE, r, path, "refers to " + target + ", which is not in the input; the medication "
                            + "is read from the reference's display '" + ref.getDisplay() + "'");
                    return new CodeableConcept().setText(ref.getDisplay());
                }
                note(UNUSABLE, r, path, "refers to " + target + ", which is not in the input; the medication is "
                        + "not known");
                return null;
            }
            return m.getCode();
        }
        note(UNUSABLE, r, path, "is missing; the medication is not known");
        return null;
    }

    /** Adds a note about one element of one resource. */
    void note(String id, IBaseResource r, String path, String message) {
        String ref = key((Resource) r);
        String where = path.isEmpty() ? ref : ref + "." + path;
        notes.add(new DataQualityNote(id, where + " " + message + ".", List.of(ref)));
    }

    static String key(Resource r) {
        String id = r.getIdElement().getIdPart();
        return r.fhirType() + "/" + (id == null ? "(no id)" : id);
    }

    static String stripType(String reference) {
        int slash = reference.lastIndexOf('/');
        return slash >= 0 ? reference.substring(slash + 1) : reference;
    }

    private static String stripHash(String id) {
        return id != null && id.startsWith("#") ? id.substring(1) : id;
    }

    /** The calendar date of a FHIR date or dateTime as written (its own offset, never the JVM's zone). */
    static LocalDate date(BaseDateTimeType t) {
        if (t == null || t.getValue() == null) {
            return null;
        }
        return LocalDate.of(t.getYear(), t.getMonth() + 1, t.getDay());
    }

    static LocalDate date(Date d) {
        return d == null ? null : d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }

    static String unitOf(Quantity q) {
        if (q.hasCode() && (!q.hasSystem() || "http://unitsofmeasure.org".equals(q.getSystem()))) {
            return q.getCode();
        }
        return q.hasUnit() ? q.getUnit() : q.hasCode() ? q.getCode() : null;
    }

    static String codes(CodeableConcept cc) {
        if (cc == null || cc.getCoding().isEmpty()) {
            return cc != null && cc.hasText() ? "text '" + cc.getText() + "'" : "no coding";
        }
        List<String> parts = new ArrayList<>();
        for (Coding c : cc.getCoding()) {
            parts.add(shortSystem(c.getSystem()) + " " + c.getCode());
        }
        return String.join(", ", parts);
    }

    private static String shortSystem(String system) {
        if (system == null) {
            return "(no system)";
        }
        return switch (system) {
            case Vocabulary.SNOMED -> "SNOMED";
            case Vocabulary.LOINC -> "LOINC";
            case Vocabulary.RXNORM -> "RxNorm";
            default -> system.startsWith("http://hl7.org/fhir/sid/icd-10") ? "ICD-10" : system;
        };
    }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%s", v);
    }

    static LocalDate start(Period p) {
        return p != null && p.hasStart() ? date(p.getStartElement()) : null;
    }

    static LocalDate end(Period p) {
        return p != null && p.hasEnd() ? date(p.getEndElement()) : null;
    }

    static MedicationClass medicationClass(CodeableConcept cc) {
        return Vocabulary.get().medicationClass(cc);
    }

}
