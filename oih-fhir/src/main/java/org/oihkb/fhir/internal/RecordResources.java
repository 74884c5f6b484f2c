package org.oihkb.fhir.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Timing;
import org.oihkb.model.Condition;
import org.oihkb.model.ConditionCode;
import org.oihkb.model.ConditionStatus;
import org.oihkb.model.DoseEvent;
import org.oihkb.model.DosePurpose;
import org.oihkb.model.DoseStatus;
import org.oihkb.model.DoseUnit;
import org.oihkb.model.Drug;
import org.oihkb.model.Medication;
import org.oihkb.model.Observation;
import org.oihkb.model.ObservationCode;
import org.oihkb.model.Patient;
import org.oihkb.model.PatientRecord;
import org.oihkb.model.Route;
import org.oihkb.model.Symptom;
import org.oihkb.model.SymptomKind;

/**
 * One contract record as FHIR R4 resources, together with the record those resources read back as through
 * {@link RecordMapper} (the part of the record FHIR carries). Both are built in one pass so that they cannot
 * drift apart; {@link org.oihkb.fhir.FhirBulkWriter} documents what is carried and what is not.
 */
public final class RecordResources {

    static final String UCUM = "http://unitsofmeasure.org";
    static final String ICD10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
    static final String CLINICAL_STATUS = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    static final String VERIFICATION_STATUS = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";

    private static final Pattern NOT_ID = Pattern.compile("[^A-Za-z0-9.-]");

    /**
     * @param resources Patient first, then conditions, observations (pain scores and measurements), opioid
     *                  orders and other medicines
     * @param carried the record these resources map back to
     */
    public record Written(List<Resource> resources, PatientRecord carried) {
    }

    private RecordResources() {
    }

    /** The resources of {@code r} and what they carry. */
    public static Written of(PatientRecord r) {
        String pid = fhirId(r.patient().id());
        Reference subject = new Reference("Patient/" + pid);
        List<Resource> out = new ArrayList<>();
        Patient p = r.patient();
        org.hl7.fhir.r4.model.Patient patient = new org.hl7.fhir.r4.model.Patient();
        patient.setId(pid);
        if (p.birthDate() != null) {
            patient.setBirthDateElement(new DateType(p.birthDate().toString()));
        }
        patient.setGender(switch (p.sex()) {
            case FEMALE -> AdministrativeGender.FEMALE;
            case MALE -> AdministrativeGender.MALE;
            case OTHER -> AdministrativeGender.OTHER;
            default -> AdministrativeGender.UNKNOWN;
        });
        out.add(patient);
        // the age in years without a birth date has no place in a FHIR Patient
        PatientRecord.Builder carried = PatientRecord.builder(r.asOf(), new Patient(pid, p.birthDate(), null, p.sex()));

        List<Condition> conditions = new ArrayList<>();
        for (Condition c : r.conditions()) {
            Coding coding = Vocabulary.get().coding(c.code());
            if (coding == null) {
                continue;
            }
            org.hl7.fhir.r4.model.Condition fc = new org.hl7.fhir.r4.model.Condition();
            fc.setId(fhirId(pid + "-" + c.id()));
            fc.setSubject(subject.copy());
            fc.setCode(new CodeableConcept(coding));
            ConditionStatus status = c.status() == null ? ConditionStatus.ACTIVE : c.status();
            if (status == ConditionStatus.REFUTED) {
                fc.setVerificationStatus(new CodeableConcept(new Coding(VERIFICATION_STATUS, "refuted", null)));
            } else {
                fc.setClinicalStatus(new CodeableConcept(new Coding(CLINICAL_STATUS,
                        status == ConditionStatus.RESOLVED ? "resolved" : "active", null)));
            }
            if (c.onset() != null) {
                fc.setOnset(new DateTimeType(c.onset().toString()));
            }
            if (c.end() != null) {
                fc.setAbatement(new DateTimeType(c.end().toString()));
            }
            out.add(fc);
            String key = "Condition/" + fc.getIdElement().getIdPart();
            Condition back = new Condition(key, c.code(), c.onset(), c.end(), status, key);
            conditions.add(back);
            carried.condition(back);
        }
        boolean oudContext = conditions.stream().anyMatch(c -> c.code() == ConditionCode.OPIOID_USE_DISORDER
                && c.countsOn(r.asOf()));

        for (Symptom s : r.symptoms()) {
            if (s.kind() != SymptomKind.PAIN || !s.present() || s.intensity() == null) {
                continue;
            }
            org.hl7.fhir.r4.model.Observation o = observation(pid + "-" + s.id(), subject, s.date(), "survey");
            o.setCode(new CodeableConcept(new Coding(Vocabulary.LOINC, "72514-3",
                    "Pain severity - 0-10 verbal numeric rating [Score] - Reported")));
            o.setValue(quantity(s.intensity(), "{score}"));
            out.add(o);
            String key = "Observation/" + o.getIdElement().getIdPart();
            carried.symptom(new Symptom(key, s.date(), SymptomKind.PAIN, true, s.intensity(), List.of(), List.of(),
                    List.of(), List.of(), key));
        }
        for (Observation m : r.observations()) {
            org.hl7.fhir.r4.model.Observation o = observation(pid + "-" + m.id(), subject, m.date(),
                    m.code() == ObservationCode.COWS_SCORE ? "survey" : "laboratory");
            switch (m.code()) {
                case QTC_MS -> {
                    o.setCode(new CodeableConcept(new Coding(Vocabulary.LOINC, "8636-3", "Q-T interval corrected")));
                    o.setValue(quantity(m.value(), "ms"));
                }
                case EGFR -> {
                    o.setCode(new CodeableConcept(new Coding(Vocabulary.LOINC, "62238-1",
                            "GFR/1.73 sq M.predicted [CKD-EPI]")));
                    o.setValue(quantity(m.value(), "mL/min/{1.73_m2}"));
                }
                case CREATININE_CLEARANCE -> {
                    o.setCode(new CodeableConcept(new Coding(Vocabulary.LOINC, "35591-7",
                            "Creatinine renal clearance predicted by Cockcroft-Gault formula")));
                    o.setValue(quantity(m.value(), "mL/min"));
                }
                case COWS_SCORE -> {
                    o.setCode(new CodeableConcept().setText("Clinical Opiate Withdrawal Scale (COWS) total score"));
                    o.setValue(quantity(m.value(), "{score}"));
                }
            }
            out.add(o);
            String key = "Observation/" + o.getIdElement().getIdPart();
            carried.observation(new Observation(key, m.code(), m.value(), m.date(), key));
        }

        for (DoseEvent d : r.doses()) {
            RxNormTable.Product product = d.drug() == Drug.OTHER ? null
                    : RxNormTable.get().choose(d.drug(), d.route(), d.release());
            if (product == null) {
                continue;
            }
            out.add(request(pid, subject, d, product, r.asOf()));
            carried.dose(carriedDose("MedicationRequest/" + fhirId(pid + "-" + d.id()), d, product, oudContext,
                    r.asOf()));
        }
        for (Medication m : r.medications()) {
            String text = m.name() != null && Vocabulary.get().medicationClass(new CodeableConcept().setText(m.name()))
                    == m.medicationClass() && RxNormTable.get().fromName(m.name()) == null ? m.name()
                    : Vocabulary.get().ingredient(m.medicationClass());
            if (text == null) {
                continue;
            }
            MedicationStatement st = new MedicationStatement();
            st.setId(fhirId(pid + "-" + m.id()));
            st.setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE);
            st.setSubject(subject.copy());
            st.setMedication(new CodeableConcept().setText(text));
            if (m.start() != null || m.end() != null) {
                Period period = new Period();
                if (m.start() != null) {
                    period.setStartElement(new DateTimeType(m.start().toString()));
                }
                if (m.end() != null) {
                    period.setEndElement(new DateTimeType(m.end().toString()));
                }
                st.setEffective(period);
            }
            out.add(st);
            String key = "MedicationStatement/" + st.getIdElement().getIdPart();
            carried.medication(new Medication(key, m.medicationClass(), text, m.start(), m.end(), key));
        }
        return new Written(List.copyOf(out), carried.build());
    }

    private static MedicationRequest request(String pid, Reference subject, DoseEvent d, RxNormTable.Product product,
                                             LocalDate asOf) {
        MedicationRequest m = new MedicationRequest();
        m.setId(fhirId(pid + "-" + d.id()));
        m.setStatus(d.status() == DoseStatus.PROPOSED ? MedicationRequest.MedicationRequestStatus.DRAFT
                : MedicationRequest.MedicationRequestStatus.ACTIVE);
        m.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        m.setSubject(subject.copy());
        m.setMedication(new CodeableConcept(new Coding(Vocabulary.RXNORM, product.code(), product.name()))
                .setText(product.name()));
        m.setAuthoredOnElement(new DateTimeType(d.start().toString()));
        Period validity = new Period().setStartElement(new DateTimeType(d.start().toString()));
        if (d.end() != null) {
            validity.setEndElement(new DateTimeType(d.end().toString()));
        }
        m.getDispenseRequest().setValidityPeriod(validity);
        Dosage dosage = m.addDosageInstruction();
        dosage.setTiming(new Timing().setRepeat(new Timing.TimingRepeatComponent().setFrequency(1)
                .setPeriod(1).setPeriodUnit(Timing.UnitsOfTime.D)));
        if (d.prn()) {
            dosage.setAsNeeded(new org.hl7.fhir.r4.model.BooleanType(true));
        }
        String routeCode = switch (d.route()) {
            case INTRAVENOUS -> "47625008";
            case INTRAMUSCULAR -> "78421000";
            case SUBCUTANEOUS -> product.parenteral() ? "34206005" : null;
            default -> null;
        };
        if (routeCode != null) {
            dosage.setRoute(new CodeableConcept(new Coding(Vocabulary.SNOMED, routeCode,
                    d.route().code().substring(0, 1).toUpperCase(Locale.ROOT) + d.route().code().substring(1)
                            + " route")));
        }
        String unit = switch (d.unit()) {
            case MG -> "mg";
            case MCG -> "ug";
            case MCG_PER_HOUR -> "ug/h";
        };
        dosage.addDoseAndRate().setDose(quantity(d.dailyDose(), unit));
        if (d.purpose() == DosePurpose.PAIN) {
            m.addReasonCode(new CodeableConcept(new Coding(Vocabulary.SNOMED, "82423001", "Chronic pain")));
        } else if (d.purpose() == DosePurpose.OUD_TREATMENT) {
            m.addReasonCode(new CodeableConcept(new Coding(ICD10_CM, "F11.20", "Opioid dependence, uncomplicated")));
        }
        return m;
    }

    /** The dose as {@link MedicationMapper} reads the order back: amounts in the product's unit, its form. */
    private static DoseEvent carriedDose(String key, DoseEvent d, RxNormTable.Product product, boolean oudContext,
                                         LocalDate asOf) {
        double daily = d.dailyDose();
        DoseUnit unit = d.unit();
        if (unit == DoseUnit.MCG && d.drug() != Drug.FENTANYL) {
            daily = Math.round(daily * 0.001 * 1e6) / 1e6;
            unit = DoseUnit.MG;
        } else if (unit == DoseUnit.MG && d.drug() == Drug.FENTANYL && !product.patch()) {
            daily = Math.round(daily * 1000 * 1e6) / 1e6;
            unit = DoseUnit.MCG;
        }
        Route route = product.route() != null ? product.route()
                : d.route() == Route.INTRAMUSCULAR || d.route() == Route.SUBCUTANEOUS ? d.route() : Route.INTRAVENOUS;
        boolean proposed = d.status() == DoseStatus.PROPOSED;
        return DoseEvent.builder().id(key).drug(d.drug()).name(product.name()).route(route).dailyDose(daily).unit(unit)
                .start(proposed ? asOf : d.start()).end(proposed ? null : d.end())
                .purpose(purpose(d, product, oudContext)).prn(d.prn()).form(product.form()).release(product.release())
                .status(d.status()).source(key).build();
    }

    /** An explicit purpose travels as a reason code; an unknown one is inferred again as the mapper does. */
    private static DosePurpose purpose(DoseEvent d, RxNormTable.Product product, boolean oudContext) {
        if (d.purpose() != DosePurpose.UNKNOWN) {
            return d.purpose();
        }
        return MedicationMapper.inferred(d.drug(), product, oudContext);
    }

    private static org.hl7.fhir.r4.model.Observation observation(String id, Reference subject, LocalDate date,
                                                                 String category) {
        org.hl7.fhir.r4.model.Observation o = new org.hl7.fhir.r4.model.Observation();
        o.setId(fhirId(id));
        o.setStatus(org.hl7.fhir.r4.model.Observation.ObservationStatus.FINAL);
        o.addCategory(new CodeableConcept(new Coding(OBSERVATION_CATEGORY, category, null)));
        o.setSubject(subject.copy());
        o.setEffective(new DateTimeType(date.toString()));
        return o;
    }

    private static Quantity quantity(double value, String ucum) {
        return new Quantity().setValue(BigDecimal.valueOf(value)).setUnit(ucum).setSystem(UCUM).setCode(ucum);
    }

    /**
     * A FHIR id ({@code [A-Za-z0-9-.]{1,64}}) for a contract id: other characters become '-', and an id over
     * 64 characters keeps its first 55 and a checksum of the whole, so that different ids stay different.
     */
    public static String fhirId(String id) {
        String clean = NOT_ID.matcher(id).replaceAll("-");
        if (clean.length() <= 64 && clean.equals(id)) {
            return clean;
        }
        CRC32 crc = new CRC32();
        crc.update(id.getBytes(StandardCharsets.UTF_8));
        String sum = HexFormat.of().toHexDigits((int) crc.getValue());
        return (clean.length() > 55 ? clean.substring(0, 55) : clean) + "-" + sum;
    }
}
