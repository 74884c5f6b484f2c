package org.oihkb.examples;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.oihkb.model.BodySite;
import org.oihkb.model.Condition;
import org.oihkb.model.ConditionCode;
import org.oihkb.model.DoseEvent;
import org.oihkb.model.DosePurpose;
import org.oihkb.model.DoseUnit;
import org.oihkb.model.Drug;
import org.oihkb.model.Medication;
import org.oihkb.model.MedicationClass;
import org.oihkb.model.Observation;
import org.oihkb.model.ObservationCode;
import org.oihkb.model.PainQuality;
import org.oihkb.model.PainTiming;
import org.oihkb.model.Patient;
import org.oihkb.model.PatientRecord;
import org.oihkb.model.Route;
import org.oihkb.model.Sex;
import org.oihkb.model.Symptom;
import org.oihkb.model.SymptomKind;

/**
 * Deterministic synthetic patients for screening tests and benchmarks: record {@code i} of seed {@code s}
 * is always the same. Six clinical patterns in turn (possible OIH, tolerance, withdrawal, progression, OUD
 * on MOUD, stable high dose), each with its own noise, in three sizes of record.
 */
public final class SyntheticPopulation {

    /** How long a record's history is. */
    public enum Size {
        /** 3 dose periods and 5 symptoms. */
        SMALL(3, 5),
        /** About a year: 12 dose periods and about 25 pain scores plus a few other facts. */
        TYPICAL(12, 25),
        /** Ten years of dose changes and monthly pain scores. */
        LONG(120, 120);

        final int doses;
        final int scores;

        Size(int doses, int scores) {
            this.doses = doses;
            this.scores = scores;
        }
    }

    /** The {@code asOf} of every generated record. */
    public static final LocalDate AS_OF = LocalDate.of(2025, 3, 1);

    private static final BodySite[] LIMBS = {BodySite.LEFT_ARM, BodySite.RIGHT_ARM, BodySite.LEFT_LEG,
        BodySite.RIGHT_LEG};

    private final long seed;
    private final Size size;

    /** A population of records of one size. */
    public SyntheticPopulation(long seed, Size size) {
        this.seed = seed;
        this.size = size;
    }

    /** Record number {@code i}. */
    public PatientRecord record(long i) {
        Random rnd = new Random(seed * 1_000_003L + i);
        int pattern = (int) (i % 6);
        PatientRecord.Builder b = PatientRecord.builder(AS_OF, new Patient("synthetic-" + i,
                AS_OF.minusYears(25 + rnd.nextInt(60)).minusDays(rnd.nextInt(365)), null,
                rnd.nextBoolean() ? Sex.FEMALE : Sex.MALE)).id("rec-" + i);

        int span = size == Size.LONG ? 3650 : size == Size.TYPICAL ? 365 : 240;
        int periods = size.doses;
        Drug drug = rnd.nextInt(3) == 0 ? Drug.MORPHINE : Drug.OXYCODONE;
        double mg = 20 + rnd.nextInt(4) * 10;
        boolean escalating = pattern == 0 || pattern == 1 || pattern == 3 || pattern == 4;
        List<Integer> starts = new ArrayList<>();
        for (int p = 0; p < periods; p++) {
            starts.add(-span + p * span / periods);
        }
        for (int p = 0; p < periods; p++) {
            int start = starts.get(p);
            Integer end = p + 1 < periods ? starts.get(p + 1) - 1 : null;
            if (pattern == 2 && p == periods - 1) {
                mg = mg * 0.7;
            } else if (escalating && p > 0 && p >= periods - 3) {
                mg = mg * 1.25;
            } else if (p > 0) {
                mg = Math.max(5, mg * (0.95 + rnd.nextDouble() * 0.1));
            }
            b.dose(DoseEvent.builder().id("d" + p).drug(drug).route(Route.ORAL).dailyDose(Math.round(mg))
                    .unit(DoseUnit.MG).start(AS_OF.plusDays(start)).end(end == null ? null : AS_OF.plusDays(end))
                    .build());
        }
        if (pattern == 5) {
            b.dose(DoseEvent.builder().id("patch").drug(Drug.FENTANYL).route(Route.TRANSDERMAL).dailyDose(50)
                    .unit(DoseUnit.MCG_PER_HOUR).start(AS_OF.minusDays(span)).build());
            b.medication(new Medication("m1", MedicationClass.BENZODIAZEPINE, null, AS_OF.minusDays(200), null, null));
        }
        if (pattern == 4) {
            b.condition(new Condition("oud", ConditionCode.OPIOID_USE_DISORDER, AS_OF.minusDays(span), null, null,
                    null));
            b.dose(DoseEvent.builder().id("moud").drug(Drug.METHADONE).route(Route.ORAL).dailyDose(60 + rnd.nextInt(5) * 10)
                    .unit(DoseUnit.MG).purpose(DosePurpose.OUD_TREATMENT).start(AS_OF.minusDays(span)).build());
            b.observation(new Observation("qtc", ObservationCode.QTC_MS, 430 + rnd.nextInt(9) * 10,
                    AS_OF.minusDays(rnd.nextInt(200)), null));
        }
        if (pattern == 3) {
            b.condition(new Condition("prog", ConditionCode.DISEASE_PROGRESSION, AS_OF.minusDays(60), null, null,
                    null));
        }

        int scores = size.scores;
        int escalationDay = starts.get(Math.max(0, periods - 3));
        for (int k = 0; k < scores; k++) {
            int day = -span + 1 + (int) ((long) k * (span - 2) / scores);
            boolean after = day > escalationDay + 7;
            double base = 4 + rnd.nextInt(2);
            double intensity = switch (pattern) {
                case 0, 4 -> after ? base + 3 : base;
                case 1 -> after ? base - 2.5 : base + 2;
                case 2 -> day > -30 ? base + 3 : base;
                default -> after ? base + 2 : base;
            };
            List<BodySite> sites = new ArrayList<>(List.of(BodySite.LOWER_BACK));
            List<PainQuality> quality = new ArrayList<>(List.of(PainQuality.ACHING));
            List<PainTiming> timing = new ArrayList<>();
            if (after && (pattern == 0 || pattern == 4)) {
                sites.add(LIMBS[rnd.nextInt(2)]);
                sites.add(LIMBS[2 + rnd.nextInt(2)]);
                quality.add(PainQuality.BURNING);
            }
            if (after && pattern == 3 && k == scores - 1) {
                sites.add(BodySite.RIGHT_LEG);
            }
            if (pattern == 2 && day > -30 && k % 2 == 0) {
                timing.add(PainTiming.END_OF_DOSE);
            }
            b.symptom(new Symptom("s" + k, AS_OF.plusDays(day), SymptomKind.PAIN, true,
                    Math.max(0, Math.min(10, intensity)), sites, quality, timing, List.of(), null));
        }
        if (pattern == 0 || pattern == 4) {
            b.symptom(new Symptom("allo", AS_OF.minusDays(10 + rnd.nextInt(20)), SymptomKind.ALLODYNIA, true, null,
                    List.of(LIMBS[rnd.nextInt(4)]), List.of(), List.of(), List.of(), null));
        }
        if (pattern == 2) {
            b.symptom(new Symptom("wd", AS_OF.minusDays(5), SymptomKind.WITHDRAWAL, true, null, List.of(), List.of(),
                    List.of(), List.of("sweating", "yawning"), null));
        }
        if (size != Size.SMALL && rnd.nextInt(3) == 0) {
            b.observation(new Observation("kidney", ObservationCode.EGFR, 20 + rnd.nextInt(80),
                    AS_OF.minusDays(rnd.nextInt(300)), null));
        }
        return b.build();
    }
}
