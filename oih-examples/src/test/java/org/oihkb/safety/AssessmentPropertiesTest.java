package org.oihkb.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import java.util.function.Predicate;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;
import org.oihkb.engine.OihEngine;
import org.oihkb.model.Assessment;
import org.oihkb.model.BodySite;
import org.oihkb.model.Caution;
import org.oihkb.model.Condition;
import org.oihkb.model.ConditionCode;
import org.oihkb.model.ConditionStatus;
import org.oihkb.model.DataQualityNote;
import org.oihkb.model.DoseEvent;
import org.oihkb.model.DoseMme;
import org.oihkb.model.DosePurpose;
import org.oihkb.model.DoseUnit;
import org.oihkb.model.Drug;
import org.oihkb.model.Finding;
import org.oihkb.model.InvalidRecordException;
import org.oihkb.model.Medication;
import org.oihkb.model.MedicationClass;
import org.oihkb.model.Observation;
import org.oihkb.model.ObservationCode;
import org.oihkb.model.Option;
import org.oihkb.model.PainQuality;
import org.oihkb.model.PainTiming;
import org.oihkb.model.Patient;
import org.oihkb.model.PatientRecord;
import org.oihkb.model.Route;
import org.oihkb.model.Symptom;
import org.oihkb.model.SymptomKind;

/**
 * Properties over generated records (2,000 tries each, 10,000+ records a run): nothing escapes but the
 * documented validation error, the assessment does not depend on fact order or thread, evidence points at
 * the input, MME is never negative, a lower pain score never creates rising pain, and the clinical safety
 * invariants hold (no escalation advised, no option on medication for OUD, reductions always warn
 * against abrupt stops, no vendor procedure).
 *
 * <p>Reproducible: record {@code i} of a run comes from {@code new Random(seed * 1_000_003 + i)}, with the seed
 * fixed in the build ({@code oih.seed} in the parent pom), printed once per run, replayed with
 * {@code -Doih.seed=N} and drawn afresh with {@code -Pfresh-seeds}. jqwik walks the indices 0..1999
 * exhaustively, so its own seed plays no part. Every property counts the records that reached its
 * assertion ({@code Statistics}, reported after each property) and fails below a stated floor, so a
 * generator change that makes a property skip its check cannot pass unnoticed.
 */
class AssessmentPropertiesTest {

    private static final int TRIES = 2000;
    // floors: about half of what the fixed seed 20261201 reaches (in brackets), so that a generator change that
    // stops producing the cases a property is about fails the build (docs/testing.md)
    private static final int EVIDENCE_FLOOR = 900; // (1821 of 2000)
    private static final int LOWER_FLOOR = 650; // (1349)
    private static final int OPTIONS_FLOOR = 60; // (127)
    private static final int REDUCTION_FLOOR = 12; // (26)
    private static final int FINDINGS_FLOOR = 900; // (1808)
    /** The seed of this run's records. */
    static final long SEED = seed();

    private static final OihEngine ENGINE = OihEngine.create();
    private static final LocalDate AS_OF = LocalDate.of(2025, 3, 1);
    private static final ExecutorService POOL = Executors.newFixedThreadPool(8);

    @AfterContainer
    static void stopPool() {
        POOL.shutdownNow();
    }

    private record Combo(Drug drug, Route route, DoseUnit unit) {
    }

    private static final List<Combo> COMBOS = List.of(new Combo(Drug.OXYCODONE, Route.ORAL, DoseUnit.MG),
            new Combo(Drug.MORPHINE, Route.ORAL, DoseUnit.MG), new Combo(Drug.HYDROMORPHONE, Route.ORAL, DoseUnit.MG),
            new Combo(Drug.HYDROCODONE, Route.ORAL, DoseUnit.MG), new Combo(Drug.TRAMADOL, Route.ORAL, DoseUnit.MG),
            new Combo(Drug.METHADONE, Route.ORAL, DoseUnit.MG), new Combo(Drug.BUPRENORPHINE, Route.SUBLINGUAL, DoseUnit.MG),
            new Combo(Drug.FENTANYL, Route.TRANSDERMAL, DoseUnit.MCG_PER_HOUR),
            new Combo(Drug.FENTANYL, Route.BUCCAL, DoseUnit.MCG), new Combo(Drug.MORPHINE, Route.INTRAVENOUS, DoseUnit.MG),
            new Combo(Drug.MORPHINE, Route.ORAL, DoseUnit.MCG));

    private static long seed() {
        String value = System.getProperty("oih.seed", "20261201");
        long seed = value.equals("fresh") ? System.nanoTime() : Long.parseLong(value);
        System.out.println("AssessmentPropertiesTest: seed " + seed + " (replay: mvn -B verify -Doih.seed=" + seed + ")");
        return seed;
    }

    /** The random source of record {@code i} of this run. */
    static Random random(int i) {
        return new Random(SEED * 1_000_003L + i);
    }

    @Provide
    Arbitrary<Integer> indices() {
        return Arbitraries.integers().between(0, TRIES - 1);
    }

    /**
     * Counts whether this try reached the property's assertion, and fails the property when fewer than
     * {@code floor} of its tries did.
     */
    private static void reached(String property, boolean reached, String otherwise, int floor) {
        Statistics.label(property).collect(reached ? "reached the assertion" : otherwise);
        Statistics.label(property).coverage(c -> c.check("reached the assertion")
                .count((Predicate<Integer>) n -> n >= floor));
    }

    /** A random but valid-by-construction record; the generator exercises every vocabulary. */
    static PatientRecord generate(Random rnd) {
        PatientRecord.Builder b = PatientRecord.builder(AS_OF, new Patient("gen-" + rnd.nextInt(1_000_000),
                rnd.nextBoolean() ? AS_OF.minusYears(20 + rnd.nextInt(70)) : null, null, null));
        int doses = rnd.nextInt(9);
        for (int i = 0; i < doses; i++) {
            Combo c = COMBOS.get(rnd.nextInt(COMBOS.size()));
            int start = -rnd.nextInt(700);
            Integer end = rnd.nextInt(3) == 0 ? start + rnd.nextInt(-start + 30) : null;
            boolean prn = rnd.nextInt(6) == 0;
            double daily = c.unit() == DoseUnit.MCG ? 100 + rnd.nextInt(1600) : 1 + rnd.nextInt(150);
            DosePurpose purpose = rnd.nextInt(5) == 0 ? DosePurpose.values()[rnd.nextInt(3)] : null;
            b.dose(DoseEvent.builder().id("d" + i).drug(c.drug()).route(c.route()).unit(c.unit()).dailyDose(daily)
                    .start(AS_OF.plusDays(start)).end(end == null ? null : AS_OF.plusDays(end)).prn(prn)
                    .takenDailyDose(prn && rnd.nextBoolean() ? (double) rnd.nextInt((int) daily + 1) : null)
                    .purpose(purpose).build());
        }
        int symptoms = rnd.nextInt(14);
        for (int i = 0; i < symptoms; i++) {
            SymptomKind kind = rnd.nextInt(3) == 0 ? SymptomKind.values()[rnd.nextInt(5)] : SymptomKind.PAIN;
            boolean present = rnd.nextInt(8) != 0;
            Double intensity = kind == SymptomKind.PAIN && (present || rnd.nextBoolean()) ? (double) rnd.nextInt(11) : null;
            List<BodySite> sites = new ArrayList<>();
            for (int k = rnd.nextInt(3); k > 0; k--) {
                sites.add(BodySite.values()[rnd.nextInt(BodySite.values().length)]);
            }
            List<PainQuality> quality = new ArrayList<>();
            for (int k = rnd.nextInt(3); k > 0; k--) {
                quality.add(PainQuality.values()[rnd.nextInt(PainQuality.values().length)]);
            }
            List<PainTiming> timing = rnd.nextInt(5) == 0 ? List.of(PainTiming.values()[rnd.nextInt(4)]) : List.of();
            b.symptom(new Symptom("s" + i, AS_OF.minusDays(rnd.nextInt(400)), kind, present, intensity, sites, quality,
                    timing, List.of(), null));
        }
        for (int i = rnd.nextInt(4); i > 0; i--) {
            b.condition(new Condition("c" + i, ConditionCode.values()[rnd.nextInt(ConditionCode.values().length)],
                    rnd.nextBoolean() ? AS_OF.minusDays(rnd.nextInt(500)) : null, null,
                    ConditionStatus.values()[rnd.nextInt(3)], null));
        }
        for (int i = rnd.nextInt(3); i > 0; i--) {
            b.medication(new Medication("m" + i, MedicationClass.values()[rnd.nextInt(MedicationClass.values().length)],
                    null, AS_OF.minusDays(rnd.nextInt(300)), null, null));
        }
        for (int i = rnd.nextInt(3); i > 0; i--) {
            ObservationCode code = ObservationCode.values()[rnd.nextInt(4)];
            double value = code.min() + rnd.nextInt((int) (code.max() - code.min()) + 1);
            b.observation(new Observation("o" + i, code, value, AS_OF.minusDays(rnd.nextInt(500)), null));
        }
        return b.build();
    }

    private static <T> List<T> shuffled(List<T> list, Random rnd) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, rnd);
        return copy;
    }

    @Property(tries = TRIES, generation = GenerationMode.EXHAUSTIVE)
    void nothingEscapesButTheDocumentedValidationError(@ForAll("indices") int i) {
        PatientRecord r;
        try {
            r = generate(random(i));
        } catch (InvalidRecordException expected) {
            // the documented refusal is an allowed outcome, counted so that it cannot crowd out the check
            reached("nothing escapes", false, "refused: " + expected.field(), 1900);
            return;
        }
        reached("nothing escapes", true, "", 1900);
        Assessment a = ENGINE.assess(r);
        // not computable is null, never a negative or made-up figure
        assertThat(a.exposure().currentMmePerDay() == null || a.exposure().currentMmePerDay() >= 0).isTrue();
        assertThat(a.exposure().peakMmePerDay() == null || a.exposure().peakMmePerDay() >= 0).isTrue();
        assertThat(a.exposure().currentMmePerDay() == null && a.exposure().notComputableReason() == null).isFalse();
        for (DoseMme t : a.exposure().trace()) {
            assertThat(t.mmePerDay() == null || t.mmePerDay() >= 0).isTrue();
        }
    }

    @Property(tries = TRIES, generation = GenerationMode.EXHAUSTIVE)
    void sameAssessmentInAnyFactOrderOnAnyThread(@ForAll("indices") int i) throws Exception {
        Random rnd = random(i);
        PatientRecord r = generate(rnd);
        reached("same in any order", true, "", TRIES);
        Assessment expected = ENGINE.assess(r);
        PatientRecord reordered = new PatientRecord(r.format(), r.id(), r.asOf(), r.patient(),
                shuffled(r.conditions(), rnd), shuffled(r.medications(), rnd), shuffled(r.observations(), rnd),
                shuffled(r.doses(), rnd), shuffled(r.symptoms(), rnd));
        Future<Assessment> other = POOL.submit(() -> ENGINE.assess(reordered));
        assertThat(other.get()).isEqualTo(expected);
        // every list reversed as well: the order in which a fact-order defect was found (see below)
        assertThat(ENGINE.assess(reversed(r))).isEqualTo(expected);
    }

    /**
     * The generated patient gen-31049 ({@code generate(new Random(5837))}) once got a different assessment with
     * its lists reversed: possible OIH named whichever of its two refuted injuries came first. Kept as a fixed
     * example, since the seeded run need not generate such a record.
     */
    @Example
    void theRecordWhoseAssessmentOnceDependedOnFactOrder() {
        PatientRecord r = generate(new Random(5837));
        assertThat(r.patient().id()).isEqualTo("gen-31049");
        Assessment a = ENGINE.assess(r);
        assertThat(ENGINE.assess(reversed(r))).isEqualTo(a);
        assertThat(a.findings()).filteredOn(f -> f.id().equals("OIH-010")).singleElement()
                .satisfies(f -> assertThat(f.criteriaMet()).anyMatch(c -> c.endsWith("(assessed and refuted: c1, c3)")));
    }

    private static PatientRecord reversed(PatientRecord r) {
        return new PatientRecord(r.format(), r.id(), r.asOf(), r.patient(), reversedList(r.conditions()),
                reversedList(r.medications()), reversedList(r.observations()), reversedList(r.doses()),
                reversedList(r.symptoms()));
    }

    private static <T> List<T> reversedList(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    @Property(tries = TRIES, generation = GenerationMode.EXHAUSTIVE)
    void everyEvidenceIdPointsAtTheInputOrANamedDerivedValue(@ForAll("indices") int i) {
        PatientRecord r = generate(random(i));
        Set<String> ids = new HashSet<>();
        r.doses().forEach(d -> ids.add(d.id()));
        r.symptoms().forEach(s -> ids.add(s.id()));
        r.conditions().forEach(c -> ids.add(c.id()));
        r.medications().forEach(m -> ids.add(m.id()));
        r.observations().forEach(o -> ids.add(o.id()));
        Assessment a = ENGINE.assess(r);
        List<String> evidence = new ArrayList<>();
        a.findings().forEach(f -> evidence.addAll(f.evidence()));
        for (Option o : a.options()) {
            evidence.addAll(o.evidence());
            o.cautions().forEach(c -> evidence.addAll(c.evidence()));
        }
        a.dataQuality().forEach(n -> evidence.addAll(n.evidence()));
        reached("evidence points at the input", !evidence.isEmpty(), "no evidence to check", EVIDENCE_FLOOR);
        for (String e : evidence) {
            assertThat(ids.contains(e) || e.startsWith("exposure.") || e.startsWith("patient.")
                    || e.matches("(change|run)-\\d{4}-\\d{2}-\\d{2}") || e.equals("cumulative-escalation")
                    || e.equals("cumulative-reduction")
                    || e.matches("OIH-0\\d\\d")).as("evidence '" + e + "'").isTrue();
        }
    }

    @Property(tries = TRIES, generation = GenerationMode.EXHAUSTIVE)
    void aLowerPainScoreNeverCreatesRisingPain(@ForAll("indices") int i) {
        Random rnd = random(i);
        PatientRecord r = generate(rnd);
        double lowest = r.symptoms().stream().filter(Symptom::isPainScore).mapToDouble(Symptom::intensity).min()
                .orElse(10);
        if (lowest < 1) {
            reached("a lower score never creates rising pain", false, "a score of 0: none can be lower", LOWER_FLOOR);
            return;
        }
        // dated as the latest observation: a low score dated before the others can legitimately reveal a rise
        // (pain was 3, now it is 8), so the invariant is that a new, lower reading never creates one
        LocalDate latest = r.symptoms().stream().map(Symptom::date).max(LocalDate::compareTo).orElse(AS_OF.minusDays(30));
        int span = (int) java.time.temporal.ChronoUnit.DAYS.between(latest, AS_OF);
        List<Symptom> more = new ArrayList<>(r.symptoms());
        more.add(new Symptom("lower", latest.plusDays(rnd.nextInt(span + 1)), SymptomKind.PAIN, true, lowest - 1,
                List.of(BodySite.LOWER_BACK), List.of(), List.of(), List.of(), null));
        PatientRecord withLower = new PatientRecord(r.format(), r.id(), r.asOf(), r.patient(), r.conditions(),
                r.medications(), r.observations(), r.doses(), more);
        Set<String> before = ENGINE.assessTraced(r).firedRuleIds();
        Set<String> after = ENGINE.assessTraced(withLower).firedRuleIds();
        reached("a lower score never creates rising pain", !before.contains("PAIN-010"),
                "rising pain already without the lower score", LOWER_FLOOR);
        if (!before.contains("PAIN-010")) {
            assertThat(after).as("rising pain after adding a lower score").doesNotContain("PAIN-010");
        }
    }

    @Property(tries = TRIES, generation = GenerationMode.EXHAUSTIVE)
    void clinicalSafetyInvariants(@ForAll("indices") int i) {
        PatientRecord r = generate(random(i));
        Assessment a = ENGINE.assess(r);
        reached("safety: options", !a.options().isEmpty(), "no option offered", OPTIONS_FLOOR);
        reached("safety: a reduction offered", a.options().stream().anyMatch(o -> o.id().equals("OPT-010")),
                "no reduction offered", REDUCTION_FLOOR);
        reached("safety: findings", !a.findings().isEmpty(), "no finding", FINDINGS_FLOOR);
        Set<String> moud = new HashSet<>();
        r.doses().stream().filter(d -> d.purpose() != DosePurpose.PAIN).forEach(d -> moud.add(d.id()));
        for (Option o : a.options()) {
            String text = o.summary().toLowerCase();
            assertThat(text).doesNotContain("increase the dose", "escalate the dose", "rapid detox", "anesthesia-assisted",
                    "anaesthesia-assisted", "accelerated neuro");
            if (o.id().equals("OPT-010") || o.id().equals("OPT-050")) {
                assertThat(o.evidence()).as("a reduction acts on pain doses only").noneMatch(moud::contains);
                assertThat(o.cautions()).extracting(Caution::id).contains("CAU-001");
            }
        }
        for (Finding f : a.findings()) {
            String text = f.summary().toLowerCase();
            assertThat(java.util.regex.Pattern.compile("(?<!not |never )(stop|taper|reduce) (methadone|buprenorphine)")
                    .matcher(text).find()).as("advises stopping or reducing MOUD: " + text).isFalse();
            if (f.id().startsWith("OIH-0")) {
                assertThat(text).doesNotContain("diagnosed with", "confirms opioid-induced");
            }
        }
        for (DataQualityNote n : a.dataQuality()) {
            assertThat(n.summary()).isNotBlank();
        }
    }
}
