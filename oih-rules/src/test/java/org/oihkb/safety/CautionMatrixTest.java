package org.oihkb.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
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
import org.oihkb.model.DoseStatus;
import org.oihkb.model.DoseUnit;
import org.oihkb.model.Drug;
import org.oihkb.model.Finding;
import org.oihkb.model.Medication;
import org.oihkb.model.MedicationClass;
import org.oihkb.model.Observation;
import org.oihkb.model.ObservationCode;
import org.oihkb.model.Option;
import org.oihkb.model.PainQuality;
import org.oihkb.model.Patient;
import org.oihkb.model.PatientRecord;
import org.oihkb.model.RecordCheck;
import org.oihkb.model.Route;
import org.oihkb.model.Sex;
import org.oihkb.model.Symptom;
import org.oihkb.model.SymptomKind;
import org.oihkb.model.WithheldOption;

/**
 * The caution matrix (revision 2 of the project's design notes: option cautions and withheld options, checks,
 * regimen findings, and the options of each conclusion it models) as an oracle written apart from the rules.
 * For generated patients it computes on its own which facts hold on {@code asOf} (conditions that count, the latest usable measurement, the current MME
 * from its own factor table, the duration of therapy, a stop or fast reduction) and checks that every
 * required caution, withheld option, check and regimen finding is there, and nothing else is. The generator
 * covers every row in each state (fact present, absent, not recorded) and the boundaries: doses of exactly
 * 50 and 90 MME, two observations of one code on different dates, QTc 449/450/500/501, kidney function
 * 29/30/49/50/59/60, ages 64/65 and 55/56, stops whose last dose was 58, 59 and 60 days ago, and
 * patients without a full agonist; and shapes that conclude possible OIH, the tolerance pattern, escalation
 * without benefit and opioid-induced neurotoxicity. It reads the differential's conclusions from the engine:
 * they are the input of the matrix, not what it tests.
 */
class CautionMatrixTest {

    private static final OihEngine ENGINE = OihEngine.create();
    private static final LocalDate AS_OF = LocalDate.of(2025, 3, 1);
    private static final long SEED = 20261201L;
    private static final int PATIENTS = 2000;

    /** CDC 2022 oral factors (the edition the default engine uses); drugs missing here have no MME. */
    private static final Map<Drug, Double> FACTOR = new EnumMap<>(Map.of(Drug.CODEINE, 0.15, Drug.HYDROCODONE, 1.0,
            Drug.HYDROMORPHONE, 5.0, Drug.METHADONE, 4.7, Drug.MORPHINE, 1.0, Drug.OXYCODONE, 1.5,
            Drug.OXYMORPHONE, 3.0, Drug.TAPENTADOL, 0.4, Drug.TRAMADOL, 0.2));

    private static final Drug[] PAIN_DRUGS = {Drug.OXYCODONE, Drug.MORPHINE, Drug.HYDROMORPHONE, Drug.CODEINE,
        Drug.TRAMADOL, Drug.TAPENTADOL, Drug.OXYMORPHONE, Drug.HYDROCODONE, Drug.LEVORPHANOL, Drug.MEPERIDINE,
        Drug.METHADONE, Drug.BUPRENORPHINE};
    private static final double[] TARGET_MME = {30, 49.5, 50, 60, 89.9, 90, 120};

    private static final ConditionCode[] RISK = {ConditionCode.OPIOID_USE_DISORDER,
        ConditionCode.SUBSTANCE_USE_DISORDER, ConditionCode.DEPRESSION, ConditionCode.SUICIDE_RISK,
        ConditionCode.PREGNANCY, ConditionCode.QTC_PROLONGATION, ConditionCode.SLEEP_APNEA,
        ConditionCode.RESPIRATORY_DISEASE, ConditionCode.RENAL_IMPAIRMENT, ConditionCode.GI_BLEED_HISTORY,
        ConditionCode.CARDIOVASCULAR_DISEASE, ConditionCode.HEART_FAILURE, ConditionCode.PSYCHOSIS,
        ConditionCode.UNCONTROLLED_HYPERTENSION, ConditionCode.HEPATIC_IMPAIRMENT, ConditionCode.OVERDOSE_HISTORY};
    private static final MedicationClass[] MEDICINES = {MedicationClass.BENZODIAZEPINE,
        MedicationClass.GABAPENTINOID, MedicationClass.QT_PROLONGING, MedicationClass.ANTICOAGULANT,
        MedicationClass.ANTIPLATELET, MedicationClass.NALOXONE, MedicationClass.OPIOID_ANTAGONIST};

    // ------------------------------------------------------------------ what the oracle reads from a record

    /** The facts of one record on asOf, computed here and not by the engine. */
    private record Facts(PatientRecord r) {

        boolean counts(ConditionCode... codes) {
            for (Condition c : r.conditions()) {
                if (List.of(codes).contains(c.code()) && c.status() == ConditionStatus.ACTIVE
                        && (c.onset() == null || !c.onset().isAfter(AS_OF))
                        && (c.end() == null || !c.end().isBefore(AS_OF))) {
                    return true;
                }
            }
            return false;
        }

        /** Coded with any status: the fact was assessed. */
        boolean recorded(ConditionCode... codes) {
            return r.conditions().stream().anyMatch(c -> List.of(codes).contains(c.code()));
        }

        boolean refuted(ConditionCode code) {
            return r.conditions().stream().anyMatch(c -> c.code() == code && c.status() == ConditionStatus.REFUTED);
        }

        boolean taking(MedicationClass cls) {
            return r.medications().stream().anyMatch(m -> m.medicationClass() == cls
                    && (m.start() == null || !m.start().isAfter(AS_OF)) && (m.end() == null || !m.end().isBefore(AS_OF)));
        }

        /** The most recent value dated in the year ending on asOf (the later id wins a tie). */
        Double latest(ObservationCode code) {
            Observation best = null;
            for (Observation o : r.observations()) {
                if (o.code() == code && !o.date().isAfter(AS_OF) && !o.date().isBefore(AS_OF.minusDays(365))
                        && (best == null || o.date().isAfter(best.date())
                        || (o.date().equals(best.date()) && o.id().compareTo(best.id()) > 0))) {
                    best = o;
                }
            }
            return best == null ? null : best.value();
        }

        Double qtc() {
            return latest(ObservationCode.QTC_MS);
        }

        /** Creatinine clearance, or eGFR when no clearance is usable. */
        Double kidney() {
            Double crcl = latest(ObservationCode.CREATININE_CLEARANCE);
            return crcl != null ? crcl : latest(ObservationCode.EGFR);
        }

        boolean kidneyBelow(double v) {
            return kidney() != null && kidney() < v;
        }

        boolean measuredRecently(ObservationCode... codes) {
            return r.observations().stream().anyMatch(o -> List.of(codes).contains(o.code())
                    && !o.date().isAfter(AS_OF) && !o.date().isBefore(AS_OF.minusDays(89)));
        }

        Integer age() {
            return r.patient().ageOn(AS_OF);
        }

        /** First and last day of each dose, after a later period of the same drug, route and form replaces it. */
        LocalDate[] span(DoseEvent d) {
            LocalDate from = d.status() == DoseStatus.PROPOSED ? AS_OF : d.start();
            LocalDate to = d.end();
            for (DoseEvent o : r.doses()) {
                LocalDate oFrom = o.status() == DoseStatus.PROPOSED ? AS_OF : o.start();
                if (o != d && o.drug() == d.drug() && o.route() == d.route() && o.release() == d.release()
                        && o.prn() == d.prn() && oFrom.isAfter(from) && (to == null || !oFrom.isAfter(to))) {
                    to = oFrom.minusDays(1);
                }
            }
            return new LocalDate[] {from, to};
        }

        boolean on(DoseEvent d, LocalDate day) {
            LocalDate[] s = span(d);
            return !day.isBefore(s[0]) && (s[1] == null || !day.isAfter(s[1]));
        }

        List<DoseEvent> current() {
            return r.doses().stream().filter(d -> on(d, AS_OF)).toList();
        }

        boolean currentDrug(Drug... drugs) {
            return current().stream().anyMatch(d -> List.of(drugs).contains(d.drug()));
        }

        boolean painCurrent() {
            return current().stream().anyMatch(d -> d.purpose() == DosePurpose.PAIN);
        }

        /** The band dose on asOf: the MME of the pain doses that have one (a lower bound when some do not). */
        double bandDose() {
            double sum = 0;
            for (DoseEvent d : current()) {
                if (d.purpose() == DosePurpose.PAIN && FACTOR.containsKey(d.drug()) && d.route() == Route.ORAL) {
                    sum += d.dailyDose() * FACTOR.get(d.drug());
                }
            }
            return sum;
        }

        /** MME is never applied to medication for opioid use disorder (CDC 2022 MME caution 7). */
        boolean mmeOf(DoseEvent d) {
            return FACTOR.containsKey(d.drug()) && d.route() == Route.ORAL && d.purpose() != DosePurpose.OUD_TREATMENT;
        }

        /** The regimen value of doses matching {@code which} on a day: total MME, or per series when not complete. */
        Map<String, Double> regimen(LocalDate day, boolean complete, Predicate<DoseEvent> which) {
            Map<String, Double> v = new TreeMap<>();
            for (DoseEvent d : r.doses()) {
                if (which.test(d) && on(d, day)) {
                    if (complete) {
                        v.merge("mme", d.dailyDose() * FACTOR.get(d.drug()), Double::sum);
                    } else {
                        v.merge(d.drug() + "/" + d.route() + "/" + d.unit(), d.dailyDose(), Double::sum);
                    }
                }
            }
            return v;
        }

        boolean completeBetween(LocalDate from, LocalDate to, Predicate<DoseEvent> which) {
            for (DoseEvent d : r.doses()) {
                LocalDate[] s = span(d);
                if (which.test(d) && !mmeOf(d) && !s[0].isAfter(to) && (s[1] == null || !s[1].isBefore(from))
                        && (s[1] == null || !s[1].isBefore(s[0]))) {
                    return false;
                }
            }
            return true;
        }

        boolean fallOn(LocalDate d, boolean complete) {
            Map<String, Double> now = regimen(d, complete, x -> true);
            Map<String, Double> max = new TreeMap<>();
            for (LocalDate x = d.minusDays(30); x.isBefore(d); x = x.plusDays(1)) {
                regimen(x, complete, y -> true).forEach((k, v) -> max.merge(k, v, Math::max));
            }
            if (!complete && !max.keySet().containsAll(now.keySet())) {
                return false;
            }
            for (Map.Entry<String, Double> e : max.entrySet()) {
                if (e.getValue() > 0 && now.getOrDefault(e.getKey(), 0.0) <= 0.5 * e.getValue()) {
                    return true;
                }
            }
            return false;
        }

        /** A day D in the 30 days ending on asOf at half or less of the highest value of [D-30, D-1]. */
        boolean toleranceLoss() {
            boolean complete = completeBetween(AS_OF.minusDays(60), AS_OF, x -> true);
            for (LocalDate d = AS_OF.minusDays(29); !d.isAfter(AS_OF); d = d.plusDays(1)) {
                if (fallOn(d, complete)) {
                    return true;
                }
            }
            return false;
        }

        boolean proposedEscalation() {
            Predicate<DoseEvent> pain = d -> d.purpose() == DosePurpose.PAIN;
            if (r.doses().stream().noneMatch(d -> d.status() == DoseStatus.PROPOSED && pain.test(d))) {
                return false;
            }
            boolean complete = completeBetween(AS_OF.minusDays(1), AS_OF, pain);
            Map<String, Double> before = regimen(AS_OF.minusDays(1), complete, pain);
            Map<String, Double> after = regimen(AS_OF, complete, pain);
            boolean rises = false;
            boolean falls = false;
            for (Map.Entry<String, Double> e : before.entrySet()) {
                Double a = after.get(e.getKey());
                if (a != null) {
                    rises |= 100 * a >= 120 * e.getValue();
                    falls |= a < e.getValue();
                }
            }
            return rises && !falls;
        }

        /** 0: under a year and known; 1: a year or more; 2: unknown (treated as a year or more). */
        int duration() {
            List<LocalDate[]> spans = new ArrayList<>();
            for (DoseEvent d : r.doses()) {
                LocalDate[] s = span(d);
                if (d.purpose() == DosePurpose.PAIN && !s[0].isAfter(AS_OF) && (s[1] == null || !s[1].isBefore(s[0]))) {
                    spans.add(new LocalDate[] {s[0], s[1] == null || s[1].isAfter(AS_OF) ? AS_OF : s[1]});
                }
            }
            spans.sort((a, b) -> a[0].compareTo(b[0]));
            LocalDate start = null;
            LocalDate end = null;
            for (LocalDate[] s : spans) {
                if (end == null || s[0].isAfter(end.plusDays(8))) {
                    start = s[0];
                    end = s[1];
                } else if (s[1].isAfter(end)) {
                    end = s[1];
                }
            }
            LocalDate year = AS_OF.minusDays(365);
            if (!start.isAfter(year)) {
                return 1;
            }
            return spans.get(0)[0].isAfter(year) ? 2 : 0;
        }

        boolean moudTreated() {
            LocalDate since = AS_OF.minusDays(89);
            boolean moud = r.doses().stream().anyMatch(d -> (d.drug() == Drug.METHADONE || d.drug() == Drug.BUPRENORPHINE)
                    && d.purpose() == DosePurpose.OUD_TREATMENT && !d.start().isAfter(AS_OF)
                    && (d.end() == null || !d.end().isBefore(since)));
            boolean antagonist = r.medications().stream().anyMatch(m -> m.medicationClass() == MedicationClass.OPIOID_ANTAGONIST
                    && (m.start() == null || !m.start().isAfter(AS_OF)) && (m.end() == null || !m.end().isBefore(since)));
            return moud || antagonist;
        }
    }

    // ------------------------------------------------------------------ the matrix

    /** A row: the option ids it qualifies ({@code null}: any option), when it holds, and the rule id. */
    private record Row(Set<String> options, Predicate<Facts> holds, String id) {
        boolean on(String option, Facts f) {
            return (options == null || options.contains(option)) && holds.test(f);
        }
    }

    private static final Set<String> REDUCTION = Set.of("OPT-010", "OPT-050");
    private static final Set<String> ROTATION = Set.of("OPT-020", "OPT-021", "OPT-022");
    private static final Set<String> METHADONE = Set.of("OPT-021");
    private static final Set<String> NSAID = Set.of("OPT-030");
    private static final Set<String> KETAMINE = Set.of("OPT-031");

    private static boolean qtcRisk(Facts f) {
        Double q = f.qtc();
        return (q != null && q >= 450 && q <= 500) || f.counts(ConditionCode.QTC_PROLONGATION);
    }

    /** Part A: cautions. */
    private static final List<Row> CAUTIONS = List.of(
            new Row(REDUCTION, f -> true, "CAU-001"),
            new Row(REDUCTION, f -> f.duration() > 0, "CAU-002"),
            new Row(REDUCTION, f -> true, "CAU-003"),
            new Row(REDUCTION, f -> true, "CAU-004"),
            new Row(REDUCTION, f -> f.counts(ConditionCode.OPIOID_USE_DISORDER), "CAU-005"),
            new Row(REDUCTION, f -> f.counts(ConditionCode.DEPRESSION, ConditionCode.SUICIDE_RISK), "CAU-006"),
            new Row(REDUCTION, f -> f.counts(ConditionCode.PREGNANCY), "CAU-007"),
            new Row(REDUCTION, f -> f.current().stream().anyMatch(d -> d.purpose() == DosePurpose.OUD_TREATMENT), "CAU-008"),
            new Row(ROTATION, f -> true, "CAU-010"),
            new Row(ROTATION, f -> f.kidneyBelow(30) || f.counts(ConditionCode.RENAL_IMPAIRMENT), "CAU-016"),
            new Row(METHADONE, f -> true, "CAU-011"),
            new Row(METHADONE, f -> true, "CAU-017"),
            new Row(METHADONE, f -> qtcRisk(f) || f.taking(MedicationClass.QT_PROLONGING), "CAU-013"),
            new Row(METHADONE, f -> f.taking(MedicationClass.BENZODIAZEPINE)
                    || f.counts(ConditionCode.SLEEP_APNEA, ConditionCode.RESPIRATORY_DISEASE), "CAU-014"),
            new Row(Set.of("OPT-022"), f -> f.current().stream().anyMatch(d -> d.drug() != Drug.BUPRENORPHINE), "CAU-015"),
            new Row(NSAID, f -> f.counts(ConditionCode.RENAL_IMPAIRMENT)
                    || (f.kidney() != null && f.kidney() >= 30 && f.kidney() < 60), "CAU-021"),
            new Row(NSAID, f -> f.taking(MedicationClass.ANTICOAGULANT) || f.taking(MedicationClass.ANTIPLATELET), "CAU-022"),
            new Row(NSAID, f -> f.r().conditions().stream().anyMatch(c -> c.code() == ConditionCode.GI_BLEED_HISTORY
                    && c.status() != ConditionStatus.REFUTED), "CAU-023"),
            new Row(NSAID, f -> f.counts(ConditionCode.CARDIOVASCULAR_DISEASE), "CAU-024"),
            new Row(NSAID, f -> f.age() != null && f.age() >= 65, "CAU-025"),
            new Row(KETAMINE, f -> f.counts(ConditionCode.CARDIOVASCULAR_DISEASE), "CAU-031"),
            new Row(KETAMINE, f -> f.counts(ConditionCode.HEPATIC_IMPAIRMENT), "CAU-032"),
            new Row(KETAMINE, f -> f.counts(ConditionCode.SUBSTANCE_USE_DISORDER, ConditionCode.OPIOID_USE_DISORDER), "CAU-033"),
            new Row(null, f -> f.taking(MedicationClass.BENZODIAZEPINE), "CAU-040"),
            new Row(null, f -> f.taking(MedicationClass.GABAPENTINOID), "CAU-041"));

    /** Part A, rows marked withhold. */
    private static final List<Row> WITHHOLDS = List.of(
            new Row(METHADONE, f -> f.qtc() != null && f.qtc() > 500, "CAU-012"),
            new Row(NSAID, f -> f.kidneyBelow(30), "CAU-020"),
            new Row(NSAID, f -> f.counts(ConditionCode.PREGNANCY), "CAU-026"),
            new Row(NSAID, f -> f.counts(ConditionCode.HEART_FAILURE), "CAU-027"),
            new Row(KETAMINE, f -> f.counts(ConditionCode.PSYCHOSIS), "CAU-030"),
            new Row(KETAMINE, f -> f.counts(ConditionCode.UNCONTROLLED_HYPERTENSION), "CAU-034"));

    /** Part B: checks. */
    private static final List<Row> CHECKS = List.of(
            new Row(METHADONE, f -> !f.measuredRecently(ObservationCode.QTC_MS), "CHK-010"),
            new Row(NSAID, f -> !f.measuredRecently(ObservationCode.CREATININE_CLEARANCE, ObservationCode.EGFR), "CHK-020"),
            new Row(NSAID, f -> f.r().patient().sex() == Sex.FEMALE && (f.age() == null || (f.age() >= 12 && f.age() <= 55))
                    && !f.counts(ConditionCode.PREGNANCY) && !f.refuted(ConditionCode.PREGNANCY), "CHK-021"),
            new Row(KETAMINE, f -> !f.recorded(ConditionCode.PSYCHOSIS), "CHK-030"),
            new Row(KETAMINE, f -> !f.recorded(ConditionCode.UNCONTROLLED_HYPERTENSION, ConditionCode.CARDIOVASCULAR_DISEASE),
                    "CHK-031"),
            new Row(KETAMINE, f -> !f.recorded(ConditionCode.HEPATIC_IMPAIRMENT), "CHK-032"),
            new Row(KETAMINE, f -> !f.recorded(ConditionCode.SUBSTANCE_USE_DISORDER, ConditionCode.OPIOID_USE_DISORDER),
                    "CHK-033"),
            new Row(KETAMINE, f -> true, "CHK-034"),
            new Row(REDUCTION, f -> !f.recorded(ConditionCode.DEPRESSION, ConditionCode.SUICIDE_RISK), "CHK-040"),
            new Row(REDUCTION, f -> f.duration() == 2, "CHK-041"));

    /** Part C (and OUD-050 of part E): regimen findings. */
    private static final List<Row> REGIMEN = List.of(
            new Row(null, f -> !f.current().isEmpty() && f.taking(MedicationClass.BENZODIAZEPINE), "REG-010"),
            new Row(null, f -> !f.current().isEmpty() && f.taking(MedicationClass.GABAPENTINOID), "REG-020"),
            // The naloxone row names opioid use disorder and a past overdose as reasons of their own: with either on
            // record naloxone is offered without a prescribed dose (illicit opioids are never doses; the published
            // cases Parkar 2006 and Tewari 2017), where the matrix's preamble would ask for a current dose
            new Row(null, f -> f.toleranceLoss() || f.counts(ConditionCode.OPIOID_USE_DISORDER, ConditionCode.OVERDOSE_HISTORY)
                    || (!f.current().isEmpty() && (f.bandDose() >= 50
                    || f.taking(MedicationClass.BENZODIAZEPINE) || f.counts(ConditionCode.SLEEP_APNEA,
                    ConditionCode.SUBSTANCE_USE_DISORDER))), "REG-030"),
            new Row(null, f -> f.currentDrug(Drug.METHADONE) && f.qtc() != null && f.qtc() > 500, "REG-050"),
            new Row(null, f -> f.currentDrug(Drug.METHADONE) && qtcRisk(f), "REG-051"),
            new Row(null, f -> f.currentDrug(Drug.METHADONE) && f.taking(MedicationClass.QT_PROLONGING), "REG-052"),
            new Row(null, f -> f.currentDrug(Drug.CODEINE, Drug.MEPERIDINE)
                    && (f.kidneyBelow(30) || f.counts(ConditionCode.RENAL_IMPAIRMENT)), "REG-060"),
            new Row(null, f -> f.currentDrug(Drug.MORPHINE)
                    && (f.kidneyBelow(30) || f.counts(ConditionCode.RENAL_IMPAIRMENT)), "REG-061"),
            new Row(null, f -> f.currentDrug(Drug.TRAMADOL) && f.kidneyBelow(30), "REG-062"),
            new Row(null, f -> f.currentDrug(Drug.TAPENTADOL) && f.kidneyBelow(30), "REG-063"),
            new Row(null, f -> f.currentDrug(Drug.HYDROMORPHONE, Drug.OXYCODONE, Drug.HYDROCODONE, Drug.LEVORPHANOL)
                    && (f.kidneyBelow(30) || f.counts(ConditionCode.RENAL_IMPAIRMENT)), "REG-064"),
            // the matrix puts oxymorphone < 50 in REG-064's row; its own threshold gets its own rule
            new Row(null, f -> f.currentDrug(Drug.OXYMORPHONE) && f.kidneyBelow(50), "REG-065"),
            new Row(null, f -> !f.current().isEmpty() && f.counts(ConditionCode.HEPATIC_IMPAIRMENT), "REG-070"),
            new Row(null, Facts::toleranceLoss, "REG-080"),
            new Row(null, f -> f.current().stream().anyMatch(d -> d.purpose() == DosePurpose.OUD_TREATMENT), "REG-090"),
            new Row(null, f -> f.counts(ConditionCode.OPIOID_USE_DISORDER) && !f.moudTreated(), "OUD-020"),
            new Row(null, f -> f.counts(ConditionCode.OPIOID_USE_DISORDER, ConditionCode.SUBSTANCE_USE_DISORDER), "OUD-050"));

    /** Part D: the options for possible OIH, before contraindications. */
    private static Set<String> optionsForPossibleOih(Facts f) {
        Set<String> o = new TreeSet<>(List.of("OPT-030", "OPT-031", "OPT-040", "OPT-060"));
        boolean pain = f.painCurrent();
        if (f.counts(ConditionCode.OPIOID_USE_DISORDER)) {
            o.add("OPT-070");
            if (pain) {
                o.add("OPT-010");
            }
        } else if (pain) {
            o.addAll(List.of("OPT-010", "OPT-020", "OPT-050"));
            if (!f.currentDrug(Drug.METHADONE)) {
                o.add("OPT-021");
            }
            if (!f.currentDrug(Drug.BUPRENORPHINE)) {
                o.add("OPT-022");
            }
        }
        return o;
    }

    /**
     * Part D for the other modelled conclusions: cannot be excluded, tolerance, escalation without benefit and
     * neurotoxicity (whose option carries none of the taper cautions: only the rows for any option apply to it).
     */
    private static final Map<String, Set<String>> PART_D = Map.of(
            "OIH-010", Set.of(),
            "OIH-020", Set.of("OPT-040", "OPT-080", "OPT-100"),
            "OIH-030", Set.of("OPT-040", "OPT-080", "OPT-110"),
            "OIH-035", Set.of("OPT-040", "OPT-080", "OPT-110"),
            "OIH-090", Set.of("OPT-140"));

    // ------------------------------------------------------------------ the generator

    static PatientRecord generate(Random rnd, int n) {
        int[] ages = {12, 30, 55, 56, 64, 65, 80};
        Sex sex = rnd.nextInt(3) == 0 ? Sex.MALE : rnd.nextBoolean() ? Sex.FEMALE : Sex.UNKNOWN;
        Integer age = rnd.nextInt(10) == 0 ? null : ages[rnd.nextInt(ages.length)];
        PatientRecord.Builder b = PatientRecord.builder(AS_OF, new Patient("gen-" + n, null, age, sex)).id("gen-" + n);
        int shape = rnd.nextInt(13);
        Drug drug = PAIN_DRUGS[rnd.nextInt(PAIN_DRUGS.length)];
        if (shape >= 10) {
            // 10: tolerance (pain falls after a 50% escalation, no sign present); 11: escalation without benefit
            // (pain rises, every sign examined and absent); 12: myoclonus 3 days ago on a stable dose (neurotoxicity)
            double now = dose(drug, TARGET_MME[rnd.nextInt(TARGET_MME.length)]);
            if (shape == 12) {
                b.dose(pain("d1", drug, now, -400, null));
                b.symptom(new Symptom("s9", AS_OF.minusDays(3), SymptomKind.MYOCLONUS, true, null, List.of(), List.of(),
                        List.of(), List.of(), null));
            } else {
                b.dose(pain("d1", drug, now / 1.5, -300, -121));
                b.dose(pain("d2", drug, now, -120, null));
                double after = shape == 10 ? 4 : 7;
                b.symptom(score("s1", -150, 7 - (shape == 10 ? 0 : 2)));
                b.symptom(score("s2", -130, 7 - (shape == 10 ? 0 : 2)));
                b.symptom(score("s3", -90, after));
                b.symptom(score("s4", -30, after));
                if (shape == 11) {
                    b.symptom(new Symptom("s5", AS_OF.minusDays(20), SymptomKind.ALLODYNIA, false, null,
                            List.of(BodySite.LOWER_BACK), List.of(), List.of(), List.of(), null));
                }
            }
        } else if (shape < 6) {
            // possible OIH: a 50% escalation 120 days ago, pain rising, allodynia
            double now = dose(drug, TARGET_MME[rnd.nextInt(TARGET_MME.length)]);
            int first = new int[] {-600, -365, -364, -300}[rnd.nextInt(4)];
            if (first == -600 && rnd.nextBoolean()) {
                // an earlier episode, then a gap of 20 days: the current one began 300 days ago, and the record says so
                b.dose(pain("d0", drug, now / 2, -600, -321));
                first = -300;
            }
            b.dose(pain("d1", drug, now / 1.5, first, -121));
            b.dose(pain("d2", drug, now, -120, null));
            if (drug == Drug.OXYCODONE && now % 5 == 0 && rnd.nextInt(2) == 0) {
                // an order being signed: exactly 20% more (whole milligrams, so the ratio is exact), or 1 mg less
                b.dose(DoseEvent.builder().id("d3").drug(drug).route(route(drug)).unit(unit(drug))
                        .dailyDose(now + now / 5 - (rnd.nextBoolean() ? 0 : 1)).purpose(DosePurpose.PAIN).start(AS_OF)
                        .status(DoseStatus.PROPOSED).build());
            }
            b.symptom(score("s1", -150, 5));
            b.symptom(score("s2", -130, 5));
            b.symptom(score("s3", -90, 7));
            b.symptom(score("s4", -30, 7));
            b.symptom(new Symptom("s5", AS_OF.minusDays(20), SymptomKind.ALLODYNIA, true, null,
                    List.of(BodySite.LOWER_BACK), List.of(), List.of(), List.of(), null));
        } else if (shape < 8) {
            // a stop or a fall of the regimen some days ago (or none at all when the change is small)
            double was = dose(drug, 60);
            int day = new int[] {0, -1, -5, -29, -30, -45, -58, -59, -60}[rnd.nextInt(9)];
            b.dose(pain("d1", drug, was, -300, day - 1));
            if (rnd.nextBoolean()) {
                b.dose(pain("d2", drug, was * (rnd.nextBoolean() ? 0.5 : 0.51), day, null));
            }
        } else if (shape < 9) {
            b.dose(pain("d1", drug, dose(drug, TARGET_MME[rnd.nextInt(TARGET_MME.length)]), -400, null));
        }
        if (shape == 9 || (shape < 10 && rnd.nextInt(5) == 0)) {
            Drug moud = rnd.nextBoolean() ? Drug.METHADONE : Drug.BUPRENORPHINE;
            if (moud == drug) {
                // two periods of one drug and route would replace each other; the matrix is not about that
                moud = moud == Drug.METHADONE ? Drug.BUPRENORPHINE : Drug.METHADONE;
            }
            Integer end = new Integer[] {null, null, null, -80, -120}[rnd.nextInt(5)];
            b.dose(DoseEvent.builder().id("moud").drug(moud).route(moud == Drug.METHADONE ? Route.ORAL : Route.SUBLINGUAL)
                    .dailyDose(moud == Drug.METHADONE ? 80 : 16).unit(DoseUnit.MG)
                    .purpose(rnd.nextInt(4) == 0 ? DosePurpose.UNKNOWN : DosePurpose.OUD_TREATMENT)
                    .start(AS_OF.minusDays(700)).end(end == null ? null : AS_OF.plusDays(end)).build());
        }
        int c = 0;
        for (ConditionCode code : RISK) {
            switch (rnd.nextInt(8)) {
                case 0, 1 -> b.condition(new Condition("c" + c++, code, AS_OF.minusDays(400), null, null, null));
                case 2 -> b.condition(new Condition("c" + c++, code, null, null, ConditionStatus.REFUTED, null));
                case 3 -> b.condition(new Condition("c" + c++, code, AS_OF.minusDays(400), AS_OF.minusDays(30),
                        ConditionStatus.RESOLVED, null));
                // active, but its period ended yesterday: recorded, and not counting on asOf
                case 4 -> b.condition(new Condition("c" + c++, code, AS_OF.minusDays(400), AS_OF.minusDays(1), null, null));
                default -> { }
            }
        }
        int m = 0;
        for (MedicationClass cls : MEDICINES) {
            if (rnd.nextInt(5) == 0) {
                Integer end = new Integer[] {null, null, -30, -89, -90}[rnd.nextInt(5)];
                b.medication(new Medication("m" + m++, cls, null, AS_OF.minusDays(200),
                        end == null ? null : AS_OF.plusDays(end), null));
            }
        }
        double[] qtc = {420, 449, 450, 480, 500, 501, 530};
        int[] dates = {-20, -89, -90, -200};
        int q = rnd.nextInt(4);
        for (int i = 0; i < Math.min(q, 2); i++) {
            b.observation(new Observation("q" + i, ObservationCode.QTC_MS, qtc[rnd.nextInt(qtc.length)],
                    AS_OF.plusDays(dates[rnd.nextInt(dates.length)] - i), null));
        }
        double[] kidney = {15, 29, 30, 45, 49, 50, 59, 60, 90};
        if (rnd.nextInt(3) == 0) {
            b.observation(new Observation("k1", ObservationCode.CREATININE_CLEARANCE, kidney[rnd.nextInt(kidney.length)],
                    AS_OF.plusDays(dates[rnd.nextInt(dates.length)]), null));
        }
        if (rnd.nextInt(3) == 0) {
            b.observation(new Observation("k2", ObservationCode.EGFR, kidney[rnd.nextInt(kidney.length)],
                    AS_OF.plusDays(dates[rnd.nextInt(dates.length)]), null));
        }
        return b.build();
    }

    /** The daily dose that gives {@code mme}, or a plausible dose for a drug without an MME. */
    private static double dose(Drug drug, double mme) {
        if (drug == Drug.BUPRENORPHINE) {
            return Math.round(mme / 3);
        }
        Double f = FACTOR.get(drug);
        return f == null ? Math.round(mme) : mme / f;
    }

    private static Route route(Drug drug) {
        return drug == Drug.BUPRENORPHINE ? Route.TRANSDERMAL : Route.ORAL;
    }

    private static DoseUnit unit(Drug drug) {
        return drug == Drug.BUPRENORPHINE ? DoseUnit.MCG_PER_HOUR : DoseUnit.MG;
    }

    private static DoseEvent pain(String id, Drug drug, double dose, int start, Integer end) {
        return DoseEvent.builder().id(id).drug(drug).route(route(drug)).unit(unit(drug)).dailyDose(dose)
                .purpose(DosePurpose.PAIN).start(AS_OF.plusDays(start)).end(end == null ? null : AS_OF.plusDays(end))
                .build();
    }

    private static Symptom score(String id, int day, double intensity) {
        return new Symptom(id, AS_OF.plusDays(day), SymptomKind.PAIN, true, intensity, List.of(BodySite.LOWER_BACK),
                List.of(PainQuality.DULL), List.of(), List.of(), null);
    }

    // ------------------------------------------------------------------ the test

    @Test
    void everyRowOfPartsAToCHoldsExactlyWhereItShould() {
        System.out.println("CautionMatrixTest seed " + SEED + ", " + PATIENTS + " patients");
        Random rnd = new Random(SEED);
        Map<String, int[]> seen = new TreeMap<>();
        int possibleOih = 0;
        Map<String, Integer> concluded = new TreeMap<>();
        for (int n = 0; n < PATIENTS; n++) {
            PatientRecord r = generate(rnd, n);
            Assessment a = ENGINE.assess(r);
            Facts f = new Facts(r);
            String who = "record " + r.id() + " (seed " + SEED + "): " + describe(r);

            Set<String> regimen = new TreeSet<>();
            for (Row row : REGIMEN) {
                boolean holds = row.holds().test(f);
                count(seen, row.id(), holds);
                if (holds) {
                    regimen.add(row.id());
                }
            }
            boolean proposed = f.proposedEscalation() && a.findings().stream().anyMatch(x -> Set.of("OIH-010", "OIH-020",
                    "OIH-030", "OIH-035").contains(x.id()));
            count(seen, "REG-100", proposed);
            if (proposed) {
                regimen.add("REG-100");
            }
            Set<String> actualRegimen = new TreeSet<>();
            a.findings().stream().map(Finding::id).filter(id -> id.startsWith("REG-") || id.equals("OUD-020")
                    || id.equals("OUD-050")).forEach(actualRegimen::add);
            assertThat(actualRegimen).as("regimen findings for " + who).isEqualTo(regimen);
            for (Finding x : a.findings()) {
                boolean holds = Set.of("OIH-030", "OIH-035").contains(x.id());
                count(seen, "CAU-050", holds);
                assertThat(ids(x.cautions())).as("cautions on finding " + x.id() + " for " + who)
                        .isEqualTo(holds ? Set.of("CAU-050") : Set.of());
            }

            Set<String> conclusions = new TreeSet<>();
            a.findings().stream().map(Finding::id).filter(id -> id.startsWith("OIH-0") || id.equals("OIH-090"))
                    .forEach(conclusions::add);
            conclusions.removeAll(Set.of("OIH-070", "OIH-080"));
            if (conclusions.isEmpty() || !PART_D.keySet().containsAll(conclusions)) {
                // no conclusion, or one whose options this matrix does not model (progression, withdrawal)
                continue;
            }
            conclusions.forEach(c -> concluded.merge(c, 1, Integer::sum));
            if (conclusions.contains("OIH-010")) {
                possibleOih++;
            }
            Set<String> candidates = new TreeSet<>();
            for (String c : conclusions) {
                candidates.addAll(c.equals("OIH-010") ? optionsForPossibleOih(f) : PART_D.get(c));
            }
            Set<String> offered = new TreeSet<>();
            Set<String> withheld = new TreeSet<>();
            for (String option : candidates) {
                List<String> against = new ArrayList<>();
                for (Row row : WITHHOLDS) {
                    if (row.options().contains(option)) {
                        boolean holds = row.holds().test(f);
                        count(seen, row.id(), holds);
                        if (holds) {
                            against.add(option + " " + row.id());
                        }
                    }
                }
                if (against.isEmpty()) {
                    offered.add(option);
                } else {
                    withheld.addAll(against);
                }
            }
            assertThat(a.options().stream().map(Option::id).toList()).as("options offered for " + who)
                    .containsExactlyElementsOf(offered);
            assertThat(a.withheldOptions().stream().map(w -> w.optionId() + " " + w.cautionId()).toList())
                    .as("options withheld for " + who).containsExactlyElementsOf(withheld);
            for (WithheldOption w : a.withheldOptions()) {
                assertThat(w.reason()).as("the reason names the facts").isNotBlank();
                assertThat(w.evidence()).as("the evidence of " + w.cautionId()).isNotEmpty();
            }
            for (Option o : a.options()) {
                Set<String> cautions = new TreeSet<>();
                for (Row row : CAUTIONS) {
                    if (row.options() == null || row.options().contains(o.id())) {
                        boolean holds = row.on(o.id(), f);
                        count(seen, row.id(), holds);
                        if (holds) {
                            cautions.add(row.id());
                        }
                    }
                }
                assertThat(ids(o.cautions())).as("cautions on " + o.id() + " for " + who).isEqualTo(cautions);
                Set<String> checks = new TreeSet<>();
                for (Row row : CHECKS) {
                    if (row.options().contains(o.id())) {
                        boolean holds = row.on(o.id(), f);
                        count(seen, row.id(), holds);
                        if (holds) {
                            checks.add(row.id());
                        }
                    }
                }
                Set<String> actualChecks = new TreeSet<>();
                for (RecordCheck k : o.checks()) {
                    actualChecks.add(k.id());
                    assertThat(k.missing()).as("the missing fact of " + k.id()).isNotBlank();
                }
                assertThat(actualChecks).as("checks on " + o.id() + " for " + who).isEqualTo(checks);
            }
        }
        assertThat(possibleOih).as("generated patients with possible OIH").isGreaterThan(PATIENTS / 4);
        for (String c : List.of("OIH-010", "OIH-030", "OIH-035", "OIH-090")) {
            assertThat(concluded.getOrDefault(c, 0)).as("generated patients concluding " + c).isGreaterThan(PATIENTS / 50);
        }
        List<String> rows = new ArrayList<>();
        for (List<Row> part : List.of(CAUTIONS, WITHHOLDS, CHECKS, REGIMEN)) {
            part.forEach(row -> rows.add(row.id()));
        }
        rows.add("REG-100");
        rows.add("CAU-050");
        for (String id : rows) {
            int[] s = seen.getOrDefault(id, new int[2]);
            assertThat(s[1]).as(id + " held in some generated patient").isPositive();
            // rows that hold on every option they qualify; CAU-015 too, because rotation to buprenorphine is only
            // offered with a current pain dose that is not buprenorphine, which is a full agonist
            if (!Set.of("CAU-001", "CAU-003", "CAU-004", "CAU-010", "CAU-011", "CAU-015", "CAU-017", "CHK-034")
                    .contains(id)) {
                assertThat(s[0]).as(id + " did not hold in some generated patient").isPositive();
            }
        }
    }

    @Test
    void theGeneratorCoversTheBoundariesAndEveryStateOfEveryFact() {
        Random rnd = new Random(SEED);
        Set<String> seen = new TreeSet<>();
        for (int n = 0; n < PATIENTS; n++) {
            PatientRecord r = generate(rnd, n);
            Facts f = new Facts(r);
            r.observations().forEach(o -> seen.add(o.code().code() + "=" + (long) o.value()));
            if (r.observations().stream().filter(o -> o.code() == ObservationCode.QTC_MS).count() == 2) {
                seen.add("two qtc");
            }
            seen.add("age " + f.age());
            if (f.painCurrent() && f.completeBetween(AS_OF, AS_OF, d -> d.purpose() == DosePurpose.PAIN)) {
                seen.add("mme " + Math.round(f.bandDose() * 10) / 10.0);
            }
            if (!f.current().isEmpty() && f.current().stream().allMatch(d -> d.drug() == Drug.BUPRENORPHINE)) {
                seen.add("no full agonist");
            }
            for (ConditionCode code : RISK) {
                seen.add(code.code() + (f.counts(code) ? " counts" : f.refuted(code) ? " refuted"
                        : f.recorded(code) ? " recorded, not counting" : " not recorded"));
            }
            seen.add("duration " + (f.r().doses().stream().anyMatch(d -> d.purpose() == DosePurpose.PAIN)
                    && f.painCurrent() ? f.duration() : -1));
        }
        assertThat(seen).contains("qtc-ms=449", "qtc-ms=450", "qtc-ms=500", "qtc-ms=501", "creatinine-clearance=29",
                "creatinine-clearance=30", "creatinine-clearance=49", "creatinine-clearance=50", "egfr=59", "egfr=60",
                "two qtc", "age 64", "age 65", "age 55", "age 56", "age null", "mme 50.0", "mme 90.0", "mme 49.5",
                "no full agonist", "duration 0", "duration 1", "duration 2");
        for (ConditionCode code : RISK) {
            assertThat(seen).contains(code.code() + " counts", code.code() + " refuted",
                    code.code() + " recorded, not counting", code.code() + " not recorded");
        }
    }

    @Test
    void optionsActOnPainDosesOnlyAndNeverEscalateOrDetox() {
        Random rnd = new Random(SEED + 1);
        for (int n = 0; n < 300; n++) {
            PatientRecord r = generate(rnd, n);
            Assessment a = ENGINE.assess(r);
            for (Option o : a.options()) {
                if (!o.id().equals("OPT-070") && !o.id().equals("OPT-071") && !o.id().equals("OPT-140")) {
                    assertThat(o.evidence()).as(o.id() + " never acts on medication for OUD").doesNotContain("moud");
                }
                assertThat(o.summary().toLowerCase()).doesNotContain("increase the dose", "escalate the dose",
                        "rapid detox", "anaesthesia-assisted", "anesthesia-assisted", "stop methadone",
                        "stop buprenorphine");
            }
            if (a.option("OPT-010").isPresent()) {
                assertThat(ids(a.option("OPT-010").get().cautions())).contains("CAU-001");
            }
        }
    }

    private static void count(Map<String, int[]> seen, String id, boolean holds) {
        seen.computeIfAbsent(id, k -> new int[2])[holds ? 1 : 0]++;
    }

    private static Set<String> ids(List<Caution> cautions) {
        Set<String> out = new TreeSet<>();
        cautions.forEach(c -> out.add(c.id()));
        return out;
    }

    private static String describe(PatientRecord r) {
        List<String> parts = new ArrayList<>();
        r.conditions().forEach(c -> parts.add(c.code().code() + "/" + c.status().code()
                + (c.end() != null ? "/ended " + c.end() : "")));
        r.medications().forEach(m -> parts.add(m.medicationClass().code() + (m.end() == null ? "" : "/ended " + m.end())));
        r.observations().forEach(o -> parts.add(o.code().code() + "=" + o.value() + "@" + o.date()));
        r.doses().forEach(d -> parts.add(d.id() + ":" + d.drug().code() + " " + d.dailyDose() + "/" + d.purpose().code()
                + " " + d.start() + ".." + d.end() + (d.status() == DoseStatus.PROPOSED ? " proposed" : "")));
        parts.add("age " + r.patient().ageOn(AS_OF) + " " + r.patient().sex().code());
        return String.join(", ", parts);
    }
}
