package org.oihkb.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.oihkb.engine.OihEngine;
import org.oihkb.model.Assessment;
import org.oihkb.model.BodySite;
import org.oihkb.model.Caution;
import org.oihkb.model.Condition;
import org.oihkb.model.ConditionCode;
import org.oihkb.model.ConditionStatus;
import org.oihkb.model.DoseEvent;
import org.oihkb.model.DosePurpose;
import org.oihkb.model.DoseUnit;
import org.oihkb.model.Drug;
import org.oihkb.model.Medication;
import org.oihkb.model.MedicationClass;
import org.oihkb.model.Observation;
import org.oihkb.model.ObservationCode;
import org.oihkb.model.Option;
import org.oihkb.model.Patient;
import org.oihkb.model.PatientRecord;
import org.oihkb.model.Route;
import org.oihkb.model.Sex;
import org.oihkb.model.Symptom;
import org.oihkb.model.SymptomKind;

/**
 * The caution matrix (design notes, domain/CAUTIONS.md) as an oracle written apart from the rules: for
 * generated patients with possible OIH and random risk facts, every option carries exactly the cautions
 * whose row holds for the patient - each required caution present, none that does not apply.
 */
class CautionMatrixTest {

    private static final OihEngine ENGINE = OihEngine.create();
    private static final LocalDate AS_OF = LocalDate.of(2025, 3, 1);

    private static final Set<String> REDUCTION = Set.of("OPT-010", "OPT-050");
    private static final Set<String> ROTATION = Set.of("OPT-020", "OPT-021", "OPT-022");
    private static final Set<String> METHADONE = Set.of("OPT-021");
    private static final Set<String> BUPRENORPHINE = Set.of("OPT-022");
    private static final Set<String> NSAID = Set.of("OPT-030");
    private static final Set<String> KETAMINE = Set.of("OPT-031");
    private static final Set<String> ANY = null;

    /** One row of the matrix: on which options, when, which caution. */
    private record Row(Set<String> options, Predicate<Facts> holds, String caution) {
        boolean appliesTo(String option, Facts f) {
            return (options == ANY || options.contains(option)) && holds.test(f);
        }
    }

    /** What the oracle reads from a record, computed here and not by the rules. */
    private record Facts(PatientRecord r, Assessment a) {
        boolean condition(ConditionCode... codes) {
            return r.conditions().stream().anyMatch(c -> List.of(codes).contains(c.code()) && c.countsOn(AS_OF));
        }

        boolean medication(MedicationClass... classes) {
            return r.medications().stream().anyMatch(m -> List.of(classes).contains(m.medicationClass())
                    && m.activeOn(AS_OF));
        }

        Double latest(ObservationCode code) {
            return r.observations().stream().filter(o -> o.code() == code && o.usableOn(AS_OF))
                    .max((x, y) -> x.date().compareTo(y.date())).map(Observation::value).orElse(null);
        }

        Double kidney() {
            Double crcl = latest(ObservationCode.CREATININE_CLEARANCE);
            return crcl != null ? crcl : latest(ObservationCode.EGFR);
        }

        boolean painOpioidForAYear() {
            return a.exposure().longTermTherapy() && r.doses().stream().anyMatch(d -> d.purpose() == DosePurpose.PAIN
                    && !d.start().isAfter(AS_OF.minusDays(365)));
        }

        boolean onMoud() {
            return r.doses().stream().anyMatch(d -> d.purpose() == DosePurpose.OUD_TREATMENT);
        }

        boolean fullAgonist() {
            return r.doses().stream().anyMatch(d -> d.drug() != Drug.BUPRENORPHINE);
        }

        int age() {
            return r.patient().ageOn(AS_OF);
        }
    }

    private static final List<Row> MATRIX = List.of(
            new Row(REDUCTION, f -> true, "CAU-001"),
            new Row(REDUCTION, Facts::painOpioidForAYear, "CAU-002"),
            new Row(REDUCTION, f -> true, "CAU-003"),
            new Row(REDUCTION, f -> true, "CAU-004"),
            new Row(REDUCTION, f -> f.condition(ConditionCode.OPIOID_USE_DISORDER), "CAU-005"),
            new Row(REDUCTION, f -> f.condition(ConditionCode.DEPRESSION, ConditionCode.SUICIDE_RISK), "CAU-006"),
            new Row(REDUCTION, f -> f.condition(ConditionCode.PREGNANCY), "CAU-007"),
            new Row(REDUCTION, Facts::onMoud, "CAU-008"),
            new Row(ROTATION, f -> true, "CAU-010"),
            new Row(METHADONE, f -> true, "CAU-011"),
            new Row(METHADONE, f -> f.latest(ObservationCode.QTC_MS) != null && f.latest(ObservationCode.QTC_MS) > 500,
                    "CAU-012"),
            new Row(METHADONE, f -> {
                Double q = f.latest(ObservationCode.QTC_MS);
                return (q != null && q >= 450 && q <= 500) || f.condition(ConditionCode.QTC_PROLONGATION)
                        || f.medication(MedicationClass.QT_PROLONGING);
            }, "CAU-013"),
            new Row(METHADONE, f -> f.medication(MedicationClass.BENZODIAZEPINE)
                    || f.condition(ConditionCode.SLEEP_APNEA, ConditionCode.RESPIRATORY_DISEASE), "CAU-014"),
            new Row(BUPRENORPHINE, Facts::fullAgonist, "CAU-015"),
            new Row(NSAID, f -> f.kidney() != null && f.kidney() < 30, "CAU-020"),
            new Row(NSAID, f -> f.condition(ConditionCode.RENAL_IMPAIRMENT)
                    || (f.kidney() != null && f.kidney() >= 30 && f.kidney() < 60), "CAU-021"),
            new Row(NSAID, f -> f.medication(MedicationClass.ANTICOAGULANT, MedicationClass.ANTIPLATELET), "CAU-022"),
            new Row(NSAID, f -> f.r().conditions().stream().anyMatch(c -> c.code() == ConditionCode.GI_BLEED_HISTORY
                    && c.status() != ConditionStatus.REFUTED), "CAU-023"),
            new Row(NSAID, f -> f.condition(ConditionCode.CARDIOVASCULAR_DISEASE, ConditionCode.HEART_FAILURE),
                    "CAU-024"),
            new Row(NSAID, f -> f.age() >= 65, "CAU-025"),
            new Row(NSAID, f -> f.condition(ConditionCode.PREGNANCY), "CAU-026"),
            new Row(KETAMINE, f -> f.condition(ConditionCode.PSYCHOSIS), "CAU-030"),
            new Row(KETAMINE, f -> f.condition(ConditionCode.CARDIOVASCULAR_DISEASE,
                    ConditionCode.UNCONTROLLED_HYPERTENSION), "CAU-031"),
            new Row(KETAMINE, f -> f.condition(ConditionCode.HEPATIC_IMPAIRMENT), "CAU-032"),
            new Row(KETAMINE, f -> f.condition(ConditionCode.SUBSTANCE_USE_DISORDER,
                    ConditionCode.OPIOID_USE_DISORDER), "CAU-033"),
            new Row(ANY, f -> f.medication(MedicationClass.BENZODIAZEPINE), "CAU-040"),
            new Row(ANY, f -> f.medication(MedicationClass.GABAPENTINOID), "CAU-041"),
            new Row(ANY, f -> f.a().exposure().currentMmePerDay() >= 50, "CAU-042"));

    private static final ConditionCode[] RISK_CONDITIONS = {ConditionCode.OPIOID_USE_DISORDER,
        ConditionCode.SUBSTANCE_USE_DISORDER, ConditionCode.DEPRESSION, ConditionCode.SUICIDE_RISK,
        ConditionCode.PREGNANCY, ConditionCode.QTC_PROLONGATION, ConditionCode.SLEEP_APNEA,
        ConditionCode.RESPIRATORY_DISEASE, ConditionCode.RENAL_IMPAIRMENT, ConditionCode.GI_BLEED_HISTORY,
        ConditionCode.CARDIOVASCULAR_DISEASE, ConditionCode.HEART_FAILURE, ConditionCode.PSYCHOSIS,
        ConditionCode.UNCONTROLLED_HYPERTENSION, ConditionCode.HEPATIC_IMPAIRMENT};

    static PatientRecord generate(Random rnd, int n) {
        PatientRecord.Builder b = PatientRecord.builder(AS_OF, new Patient("gen-" + n,
                AS_OF.minusYears(25 + rnd.nextInt(65)).minusDays(rnd.nextInt(365)), null, Sex.UNKNOWN)).id("gen-" + n);
        int firstStart = rnd.nextBoolean() ? -300 : -500;
        double low = 20 + rnd.nextInt(5) * 10;
        b.dose(oxycodone("d1", low, firstStart, -121));
        b.dose(oxycodone("d2", low * 1.5, -120, null));
        b.symptom(pain("s1", -150, 5, BodySite.LOWER_BACK));
        b.symptom(pain("s2", -130, 5, BodySite.LOWER_BACK));
        b.symptom(pain("s3", -60, 7, BodySite.LOWER_BACK, BodySite.LEFT_LEG, BodySite.RIGHT_LEG));
        b.symptom(new Symptom("s4", AS_OF.minusDays(20), SymptomKind.ALLODYNIA, true, null,
                List.of(BodySite.LEFT_ARM), List.of(), List.of(), List.of(), null));
        int c = 0;
        for (ConditionCode code : RISK_CONDITIONS) {
            if (rnd.nextInt(5) == 0) {
                ConditionStatus status = rnd.nextInt(6) == 0 ? ConditionStatus.RESOLVED : null;
                b.condition(new Condition("c" + c++, code, AS_OF.minusDays(400), null, status, null));
            }
        }
        int m = 0;
        for (MedicationClass cls : MedicationClass.values()) {
            if (rnd.nextInt(6) == 0) {
                LocalDate end = rnd.nextInt(5) == 0 ? AS_OF.minusDays(30) : null;
                b.medication(new Medication("m" + m++, cls, null, AS_OF.minusDays(200), end, null));
            }
        }
        if (rnd.nextInt(3) == 0) {
            b.observation(new Observation("o1", ObservationCode.QTC_MS, 420 + rnd.nextInt(11) * 10,
                    AS_OF.minusDays(rnd.nextInt(500)), null));
        }
        if (rnd.nextInt(3) == 0) {
            ObservationCode kidney = rnd.nextBoolean() ? ObservationCode.EGFR : ObservationCode.CREATININE_CLEARANCE;
            b.observation(new Observation("o2", kidney, 15 + rnd.nextInt(8) * 7.5, AS_OF.minusDays(rnd.nextInt(400)),
                    null));
        }
        if (rnd.nextInt(4) == 0) {
            Drug moud = rnd.nextBoolean() ? Drug.METHADONE : Drug.BUPRENORPHINE;
            b.dose(DoseEvent.builder().id("moud").drug(moud).route(moud == Drug.METHADONE ? Route.ORAL
                    : Route.SUBLINGUAL).dailyDose(moud == Drug.METHADONE ? 80 : 16).unit(DoseUnit.MG)
                    .purpose(DosePurpose.OUD_TREATMENT).start(AS_OF.minusDays(700)).build());
        }
        return b.build();
    }

    private static DoseEvent oxycodone(String id, double mg, int start, Integer end) {
        return DoseEvent.builder().id(id).drug(Drug.OXYCODONE).route(Route.ORAL).dailyDose(mg).unit(DoseUnit.MG)
                .start(AS_OF.plusDays(start)).end(end == null ? null : AS_OF.plusDays(end)).build();
    }

    private static Symptom pain(String id, int day, double intensity, BodySite... sites) {
        return new Symptom(id, AS_OF.plusDays(day), SymptomKind.PAIN, true, intensity, List.of(sites), List.of(),
                List.of(), List.of(), null);
    }

    @Test
    void everyOptionCarriesExactlyTheCautionsTheMatrixRequires() {
        Random rnd = new Random(20251124);
        Map<String, Integer> seen = new TreeMap<>();
        int withOptions = 0;
        for (int n = 0; n < 600; n++) {
            PatientRecord r = generate(rnd, n);
            Assessment a = ENGINE.assess(r);
            Facts f = new Facts(r, a);
            if (!a.options().isEmpty()) {
                withOptions++;
            }
            for (Option o : a.options()) {
                Set<String> expected = new TreeSet<>();
                for (Row row : MATRIX) {
                    if (row.appliesTo(o.id(), f)) {
                        expected.add(row.caution());
                    }
                }
                Set<String> actual = new TreeSet<>();
                o.cautions().stream().map(Caution::id).forEach(actual::add);
                assertThat(actual).as("cautions on %s for record %s with %s", o.id(), r.id(), describe(r))
                        .isEqualTo(expected);
                actual.forEach(id -> seen.merge(id, 1, Integer::sum));
            }
        }
        assertThat(withOptions).as("generated patients with possible OIH").isGreaterThan(500);
        List<String> all = MATRIX.stream().map(Row::caution).distinct().toList();
        assertThat(seen.keySet()).as("every row of the matrix was exercised").containsAll(all);
    }

    @Test
    void optionsActOnPainDosesOnlyAndNeverEscalateOrDetox() {
        Random rnd = new Random(7);
        for (int n = 0; n < 200; n++) {
            PatientRecord r = generate(rnd, n);
            Assessment a = ENGINE.assess(r);
            for (Option o : a.options()) {
                assertThat(o.evidence()).as(o.id() + " never acts on medication for OUD").doesNotContain("moud");
                assertThat(o.summary().toLowerCase()).doesNotContain("increase the dose", "escalate the dose",
                        "rapid detox", "anaesthesia-assisted", "anesthesia-assisted", "stop methadone",
                        "stop buprenorphine");
            }
            if (a.option("OPT-010").isPresent()) {
                assertThat(a.option("OPT-010").get().cautions()).extracting(Caution::id).contains("CAU-001");
            }
        }
    }

    private static String describe(PatientRecord r) {
        List<String> parts = new ArrayList<>();
        r.conditions().forEach(c -> parts.add(c.code().code() + "/" + c.status().code()));
        r.medications().forEach(m -> parts.add(m.medicationClass().code() + (m.end() == null ? "" : "/ended")));
        r.observations().forEach(o -> parts.add(o.code().code() + "=" + o.value() + "@" + o.date()));
        r.doses().forEach(d -> parts.add(d.id() + ":" + d.drug().code() + "/" + d.purpose().code()));
        parts.add("age " + r.patient().ageOn(AS_OF));
        return String.join(", ", parts);
    }
}
