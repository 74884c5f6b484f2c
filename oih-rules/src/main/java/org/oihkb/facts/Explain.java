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
 * criteria of docs/definitions.md this patient meets and which not, what strengthens the conclusion, and the
 * context that limits it. The rules decide whether a conclusion holds; this class only explains it, from
 * the signals the rules derived.
 */
public final class Explain {

    private static final Set<Sign.Kind> OIH_SIGNS = EnumSet.of(Sign.Kind.ALLODYNIA, Sign.Kind.DIFFUSE_SPREAD,
            Sign.Kind.QUALITY_CHANGE);

    private Explain() {
    }

    /** The possible-OIH finding (OIH-010): each criterion met and not met, and what strengthens it. */
    public static Conclusion possibleOih(Rule rule, Exposure exposure, PainResponse response, Collection<?> facts,
                                         Collection<?> conditions, Config config) {
        List<Sign> signs = signs(facts);
        List<String> met = new ArrayList<>();
        List<String> notMet = new ArrayList<>();
        Set<String> evidence = new TreeSet<>();
        met.add("(1) " + response.criterionOneText());
        met.add("(2) " + criterionTwo(response));
        List<Sign> present = signs.stream().filter(s -> OIH_SIGNS.contains(s.kind()) && s.present()).toList();
        met.add("(3) characteristic signs present: " + texts(present));
        met.add("(4) no documented disease progression, new injury, new focal pain or new numbness"
                + progressionNote(conditions));
        met.add("(5) no withdrawal evidence from " + response.afterFrom() + " to " + response.afterTo());
        signStatus(signs, notMet);

        boolean worsened = response.outcome() == PainResponse.Outcome.WORSENED;
        boolean reduced = !of(signs, Sign.Kind.IMPROVED_AFTER_REDUCTION, Sign.Kind.EARLY_IMPROVEMENT_NOT_CONFIRMED)
                .isEmpty();
        Double mme = exposure.currentMmePerDay();
        boolean highDose = mme != null && mme >= config.supportiveDoseMme();
        List<String> strengthens = new ArrayList<>();
        (worsened ? strengthens : notMet).add("pain worsened after escalation, not only unchanged");
        (distinctRecords(present) > 1 ? strengthens : notMet).add("more than one characteristic sign");
        (highDose ? strengthens : notMet).add("current dose at or above " + Text.mme(config.supportiveDoseMme())
                + " (Chen 2009)" + (mme == null ? ": not computable" : ""));
        (reduced ? strengthens : notMet).add("pain improved after a dose reduction (the strongest confirmation)");
        if (!strengthens.isEmpty()) {
            met.add("strengthened by: " + String.join("; ", strengthens));
        }
        for (Sign s : signs) {
            evidence.addAll(s.evidence());
        }
        evidence.addAll(response.evidence());
        String grade = present.size() + " of 3 signs" + (worsened ? ", pain worsened"
                : response.reduction() ? ", improved after reduction" : ", pain unchanged");
        String summary = "Possible opioid-induced hyperalgesia (" + grade + "): " + criterionTwo(response) + "; "
                + texts(present) + ". There are no validated diagnostic criteria and this is a possibility, not a "
                + "diagnosis: consider OIH alongside other causes, examine the patient, and do not escalate the dose "
                + "further in response to this pain." + context(conditions);
        return Conclusion.graded(rule, summary, met, notMet, evidence);
    }

    /** OIH cannot be excluded (OIH-020): the pattern fits, no sign is present and some were not examined. */
    public static Conclusion cannotExclude(Rule rule, PainResponse response, Collection<?> facts,
                                           Collection<?> conditions) {
        List<Sign> signs = signs(facts);
        List<String> met = List.of("(1) " + response.criterionOneText(), "(2) " + criterionTwo(response),
                "(5) no withdrawal evidence from " + response.afterFrom() + " to " + response.afterTo());
        List<String> notMet = new ArrayList<>();
        signStatus(signs, notMet);
        List<String> examine = new ArrayList<>();
        if (of(signs, Sign.Kind.ALLODYNIA).isEmpty()) {
            examine.add("allodynia (pain from light touch, clothes on the skin)");
        }
        if (of(signs, Sign.Kind.DIFFUSE_SPREAD).isEmpty()) {
            examine.add("spread of pain beyond the original site (record the sites)");
        }
        if (of(signs, Sign.Kind.QUALITY_CHANGE).isEmpty()) {
            examine.add("a change in the quality of pain (record the descriptors)");
        }
        boolean progression = !of(signs, Sign.Kind.PROGRESSION, Sign.Kind.NEW_FOCAL_PAIN, Sign.Kind.NEW_NUMBNESS)
                .isEmpty();
        Set<String> evidence = new TreeSet<>(response.evidence());
        String summary = "OIH cannot be excluded: " + criterionTwo(response) + ", and no sign of OIH was found. "
                + "Examine for " + String.join("; ", examine) + " before escalating further."
                + (progression ? " Disease progression or new pathology is documented: evaluate progression first." : "")
                + context(conditions);
        return Conclusion.graded(rule, summary, met, notMet, evidence);
    }

    /** Escalation without benefit (OIH-035): criteria (1) and (2) hold and every sign was examined and absent. */
    public static Conclusion withoutBenefit(Rule rule, PainResponse response, Collection<?> facts) {
        List<Sign> signs = signs(facts);
        List<String> met = List.of("(1) " + response.criterionOneText(), "(2) " + criterionTwo(response));
        List<String> notMet = new ArrayList<>();
        signStatus(signs, notMet);
        Set<String> evidence = new TreeSet<>(response.evidence());
        signs.stream().filter(s -> OIH_SIGNS.contains(s.kind())).forEach(s -> evidence.addAll(s.evidence()));
        String summary = "Pain did not improve after escalation (" + criterionTwo(response) + "); no OIH sign found "
                + "(allodynia, spread and quality examined and absent). Do not escalate further without reassessing "
                + "benefits and risks (CDC 2022 Recommendation 4); consider the options for tolerance and non-opioid care.";
        return Conclusion.graded(rule, summary, met, notMet, evidence);
    }

    /** Tolerance pattern (OIH-030): the judged escalation brought sustained relief and no sign of OIH is present. */
    public static Conclusion tolerance(Rule rule, PainResponse response, Collection<?> facts, Collection<?> conditions) {
        List<Sign> signs = signs(facts);
        List<Sign> relief = of(signs, Sign.Kind.SUSTAINED_RELIEF_AFTER_ESCALATION);
        List<String> met = new ArrayList<>();
        met.add("sustained relief after the escalation on " + response.changeDay() + ": " + texts(relief));
        met.add("no characteristic sign of OIH present");
        List<String> notMet = new ArrayList<>();
        signStatus(signs, notMet);
        Set<String> evidence = new TreeSet<>(response.evidence());
        boolean examined = signs.stream().anyMatch(s -> OIH_SIGNS.contains(s.kind()));
        String summary = "Pattern consistent with opioid tolerance: " + texts(relief) + ", and no sign of OIH "
                + (examined ? "was found" : "was recorded (signs were not assessed)") + ". Avoid further dose "
                + "escalation without reassessing benefits and risks (CDC 2022 Recommendation 4)." + context(conditions);
        return Conclusion.graded(rule, summary, met, notMet, evidence);
    }

    /** Insufficient data (OIH-060): pain is a problem on a pain opioid and nothing can be concluded. */
    public static Conclusion insufficient(Rule rule, PainProblem problem) {
        StringBuilder s = new StringBuilder("Not enough data to judge OIH or tolerance (").append(problem.reason())
                .append("): ");
        if (problem.missing().isEmpty()) {
            s.append("no dose change to judge; pain ").append(problem.latest() == null ? "not scored"
                    : Text.num(problem.latest()) + "/10").append(" on a stable dose: reassess benefits and risks; "
                    + "examine for the signs of OIH.");
        } else {
            s.append("the record lacks ").append(String.join("; ", problem.missing())).append('.');
        }
        if (!problem.signsPresent().isEmpty()) {
            s.append(" Sign present: ").append(String.join("; ", problem.signsPresent())).append('.');
        }
        return Conclusion.graded(rule, s.toString(), List.of(), problem.missing(), problem.evidence());
    }

    /** One context finding (OIH-070) listing every context that applies. */
    public static Conclusion context(Rule rule, Collection<?> conditions) {
        Set<String> codes = new TreeSet<>();
        Set<String> ids = new TreeSet<>();
        for (Object o : conditions) {
            if (o instanceof Condition c) {
                codes.add(c.code().code());
                ids.add(c.id());
            }
        }
        return Conclusion.finding(rule, "Context: " + String.join(", ", codes) + ". The CDC 2022 guideline's scope "
                + "excludes this patient; its recommendations are shown for reference. OIH can still occur (most case "
                + "reports are in cancer pain): exclude progression of the underlying disease first.", ids);
    }

    /** Opioid-induced neurotoxicity (OIH-090); critical with delirium or hallucinations. */
    public static Conclusion neurotoxicity(Rule rule, Neuroexcitation n) {
        String summary = "Consider opioid-induced neurotoxicity: " + String.join(", ", n.kinds()) + " recorded on an "
                + "opioid (latest " + n.date() + ")" + (n.strengtheners().isEmpty() ? ""
                : "; strengthened by: " + String.join("; ", n.strengtheners())) + ". Consider a prompt dose reduction "
                + "or rotation under supervision, look for accumulation (kidney function, hydration) and other causes "
                + "of delirium. This does not exclude OIH.";
        Conclusion c = Conclusion.graded(rule, summary, n.strengtheners(), List.of(), n.evidence());
        return n.severe() ? c.withIndicator("critical") : c;
    }

    private static String criterionTwo(PainResponse r) {
        if (r.reduction()) {
            return "pain improved after the reduction on " + r.changeDay() + " (" + r.changeText() + "): "
                    + r.scores() + (r.earlyOnly() ? ", inside the withdrawal window: confirm beyond it" : "");
        }
        String how = r.outcome() == PainResponse.Outcome.WORSENED ? "worsened" : "was not relieved";
        String what = switch (r.scope()) {
            case RUN -> "the titration from " + r.changeDay() + " to " + r.lastDay();
            case CUMULATIVE -> "the cumulative escalation from " + r.changeDay();
            default -> "the escalation on " + r.changeDay();
        };
        return "pain " + how + " after " + what + " (" + r.changeText() + "): " + r.scores();
    }

    private static int distinctRecords(List<Sign> present) {
        // one record supports at most one sign
        Set<String> used = new TreeSet<>();
        int n = 0;
        for (Sign s : present) {
            boolean fresh = false;
            for (String id : s.evidence()) {
                fresh |= used.add(id);
            }
            n += fresh || s.evidence().isEmpty() ? 1 : 0;
        }
        return n;
    }

    /** The ids of several dose periods of the trace, sorted. */
    public static List<String> doseIds(Collection<?> trace) {
        Set<String> ids = new TreeSet<>();
        for (Object o : trace) {
            if (o instanceof org.oihkb.model.DoseMme t) {
                ids.add(t.doseId());
            }
        }
        return List.copyOf(ids);
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
        // every refuted one, in id order: naming the first in the collection made the text depend on fact order
        Set<String> refuted = new TreeSet<>();
        for (Object o : conditions) {
            if (o instanceof Condition c && c.status() == ConditionStatus.REFUTED
                    && (c.code() == ConditionCode.DISEASE_PROGRESSION || c.code() == ConditionCode.NEW_INJURY_OR_SURGERY)) {
                refuted.add(c.id());
            }
        }
        return refuted.isEmpty() ? " (progression not recorded as assessed: exclude it clinically)"
                : " (assessed and refuted: " + String.join(", ", refuted) + ")";
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
