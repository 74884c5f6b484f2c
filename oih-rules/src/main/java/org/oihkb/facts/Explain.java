package org.oihkb.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.kie.api.definition.rule.Rule;
import org.oihkb.engine.Config;
import org.oihkb.model.Condition;
import org.oihkb.model.ConditionCode;
import org.oihkb.model.ConditionStatus;
import org.oihkb.model.Exposure;

/**
 * Writes the graded conclusions of the differential (possible OIH, cannot be excluded, tolerance): which
 * criteria of DEFINITIONS.md this patient meets and which not, what strengthens the conclusion, and the
 * context that limits it. The rules decide whether a conclusion holds; this class only explains it, from
 * the signals the rules derived.
 */
public final class Explain {

    private static final Set<Sign.Kind> OIH_SIGNS = EnumSet.of(Sign.Kind.ALLODYNIA, Sign.Kind.DIFFUSE_SPREAD,
            Sign.Kind.QUALITY_CHANGE);

    private Explain() {
    }

    /** The possible-OIH finding (OIH-010), graded by its supporting signs. */
    public static Conclusion possibleOih(Rule rule, Exposure exposure, Collection<?> facts, Collection<?> cumulative,
                                         Collection<?> conditions, Config config) {
        List<Sign> signs = signs(facts);
        List<String> met = new ArrayList<>();
        List<String> notMet = new ArrayList<>();
        Set<String> evidence = new TreeSet<>();
        met.add("(1) " + exposureCriterion(exposure, cumulative));
        List<Sign> response = of(signs, Sign.Kind.PAIN_WORSE_AFTER_ESCALATION, Sign.Kind.NO_RELIEF_AFTER_ESCALATION);
        met.add("(2) pain not relieved by dose escalation: " + texts(response));
        List<Sign> present = signs.stream().filter(s -> OIH_SIGNS.contains(s.kind()) && s.present()).toList();
        met.add("(3) characteristic signs present: " + texts(present));
        met.add("(4) no documented disease progression, new injury or new focal pain" + progressionNote(conditions));
        met.add("(5) no withdrawal pattern recorded that explains the rise");
        signStatus(signs, notMet);

        boolean worsened = !of(signs, Sign.Kind.PAIN_WORSE_AFTER_ESCALATION).isEmpty();
        boolean reduced = !of(signs, Sign.Kind.IMPROVED_AFTER_REDUCTION).isEmpty();
        boolean highDose = exposure.currentMmePerDay() >= config.supportiveDoseMme();
        List<String> strengthens = new ArrayList<>();
        (worsened ? strengthens : notMet).add("pain worsened after escalation, not only unchanged");
        (present.size() > 1 ? strengthens : notMet).add("more than one characteristic sign");
        (highDose ? strengthens : notMet).add("current dose at or above " + Text.mme(config.supportiveDoseMme())
                + " (Chen 2009)");
        (reduced ? strengthens : notMet).add("pain improved after a later dose reduction (the strongest confirmation)");
        if (!strengthens.isEmpty()) {
            met.add("strengthened by: " + String.join("; ", strengthens));
        }
        for (Sign s : signs) {
            evidence.addAll(s.evidence());
        }
        String grade = present.size() + " of 3 signs" + (worsened ? ", pain worsened" : ", pain unchanged")
                + (reduced ? ", improved after reduction" : "");
        String summary = "Possible opioid-induced hyperalgesia (" + grade + "): " + texts(response) + "; "
                + texts(present) + ". There are no validated diagnostic criteria: consider OIH alongside other "
                + "causes, examine the patient, and do not escalate the dose further in response to this pain."
                + context(conditions);
        return Conclusion.graded(rule, summary, met, notMet, evidence);
    }

    /** OIH cannot be excluded (OIH-020): the pattern fits but no sign was examined. */
    public static Conclusion cannotExclude(Rule rule, Exposure exposure, Collection<?> facts, Collection<?> cumulative,
                                           Collection<?> conditions) {
        List<Sign> signs = signs(facts);
        List<Sign> response = of(signs, Sign.Kind.PAIN_WORSE_AFTER_ESCALATION, Sign.Kind.NO_RELIEF_AFTER_ESCALATION);
        List<String> met = List.of("(1) " + exposureCriterion(exposure, cumulative),
                "(2) pain not relieved by dose escalation: " + texts(response));
        List<String> notMet = List.of("(3) allodynia: not assessed", "(3) spread of pain: not assessed",
                "(3) change of pain quality: not assessed");
        Set<String> evidence = new TreeSet<>();
        response.forEach(s -> evidence.addAll(s.evidence()));
        String summary = "OIH cannot be excluded: " + texts(response) + ", but no sign of OIH was examined. "
                + "Examine for allodynia (pain from light touch, clothes on the skin), spread of pain beyond the "
                + "original site and a change in its quality before escalating further." + context(conditions);
        return Conclusion.graded(rule, summary, met, notMet, evidence);
    }

    /** Tolerance pattern (OIH-030): relief restored by escalation and no sign of OIH present. */
    public static Conclusion tolerance(Rule rule, Collection<?> facts, Collection<?> conditions) {
        List<Sign> signs = signs(facts);
        List<Sign> relief = of(signs, Sign.Kind.SUSTAINED_RELIEF_AFTER_ESCALATION);
        List<String> met = new ArrayList<>();
        met.add("sustained relief after escalation: " + texts(relief));
        met.add("no characteristic sign of OIH present");
        List<String> notMet = new ArrayList<>();
        signStatus(signs, notMet);
        Set<String> evidence = new TreeSet<>();
        relief.forEach(s -> evidence.addAll(s.evidence()));
        boolean examined = signs.stream().anyMatch(s -> OIH_SIGNS.contains(s.kind()));
        String summary = "Pattern consistent with opioid tolerance: " + texts(relief) + ", and no sign of OIH "
                + (examined ? "was found" : "was recorded (signs were not assessed)") + ". Avoid further dose "
                + "escalation without reassessing benefits and risks (CDC 2022 Recommendation 4)." + context(conditions);
        return Conclusion.graded(rule, summary, met, notMet, evidence);
    }

    /** The phrases of several signals, in a stable order: "COWS 8 on 2025-02-26; withdrawal symptoms on ...". */
    public static String signTexts(Collection<?> signs) {
        return texts(signs(signs));
    }

    /** The evidence of several signals, sorted and without repeats. */
    public static List<String> signEvidence(Collection<?> signs) {
        Set<String> ids = new TreeSet<>();
        signs(signs).forEach(s -> ids.addAll(s.evidence()));
        return List.copyOf(ids);
    }

    private static String exposureCriterion(Exposure exposure, Collection<?> cumulative) {
        List<String> parts = new ArrayList<>();
        if (exposure.longTermTherapy()) {
            parts.add("long-term opioid therapy (" + exposure.daysOnOpioids() + " days in the last 90)");
        }
        for (Object f : cumulative) {
            if (f instanceof CumulativeEscalation c) {
                parts.add("cumulative escalation from " + Text.mme(c.trendBefore()) + " to " + Text.mme(c.trendAfter())
                        + " (+" + c.percentChange() + "%)");
            }
        }
        return String.join(" and ", parts);
    }

    private static void signStatus(List<Sign> signs, List<String> notMet) {
        for (Sign.Kind kind : OIH_SIGNS) {
            List<Sign> of = of(signs, kind);
            String name = kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
            if (of.isEmpty()) {
                notMet.add(name + ": not assessed");
            } else if (of.stream().noneMatch(Sign::present)) {
                notMet.add(name + ": examined and absent");
            }
        }
    }

    private static String progressionNote(Collection<?> conditions) {
        for (Object o : conditions) {
            if (o instanceof Condition c && c.status() == ConditionStatus.REFUTED
                    && (c.code() == ConditionCode.DISEASE_PROGRESSION || c.code() == ConditionCode.NEW_INJURY_OR_SURGERY)) {
                return " (assessed and refuted: " + c.id() + ")";
            }
        }
        return " (progression not recorded as assessed: exclude it clinically)";
    }

    private static String context(Collection<?> conditions) {
        Set<String> codes = new TreeSet<>();
        for (Object o : conditions) {
            if (o instanceof Condition c && c.status() == ConditionStatus.ACTIVE
                    && (c.code() == ConditionCode.ACTIVE_CANCER || c.code() == ConditionCode.PALLIATIVE_CARE
                        || c.code() == ConditionCode.SICKLE_CELL_DISEASE)) {
                codes.add(c.code().code());
            }
        }
        return codes.isEmpty() ? "" : " Context: " + String.join(", ", codes) + " is outside the scope of the CDC 2022 "
                + "guideline; OIH reasoning still applies, but exclude progression of the underlying disease first.";
    }

    private static List<Sign> signs(Collection<?> facts) {
        List<Sign> out = new ArrayList<>();
        for (Object f : facts) {
            if (f instanceof Sign s) {
                out.add(s);
            }
        }
        out.sort(java.util.Comparator.comparing(Sign::kind).thenComparing(Sign::text));
        return out;
    }

    private static List<Sign> of(List<Sign> signs, Sign.Kind... kinds) {
        Set<Sign.Kind> set = EnumSet.noneOf(Sign.Kind.class);
        set.addAll(List.of(kinds));
        return signs.stream().filter(s -> set.contains(s.kind())).toList();
    }

    private static String texts(List<Sign> signs) {
        return signs.stream().map(Sign::text).distinct().reduce((a, b) -> a + "; " + b).orElse("none");
    }
}
