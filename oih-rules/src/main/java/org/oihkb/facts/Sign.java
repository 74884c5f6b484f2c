package org.oihkb.facts;

import java.time.LocalDate;
import java.util.List;

/**
 * A clinical signal derived by a layer-2 rule: a sign of OIH (present, or examined and absent), a pain
 * course around a dose change, a withdrawal pattern, or evidence of progression. No fact of a kind means
 * not assessed, which is different from absent.
 *
 * @param kind what the signal is
 * @param present {@code true} when found; {@code false} when examined and absent
 * @param ruleId the rule that derived it
 * @param text a phrase with this patient's values, for the sentences of conclusions
 * @param evidence the ids it rests on
 * @param date the day the signal was observed, when it has one (withdrawal evidence is judged against the after
 *             window of criterion (2) by it); otherwise {@code null}
 */
public record Sign(Kind kind, boolean present, String ruleId, String text, List<String> evidence, LocalDate date) {

    /** The kinds of signal. */
    public enum Kind {
        /** Pain from light touch or other normally non-painful stimuli, or hyperalgesia, during opioid therapy. */
        ALLODYNIA,
        /** Pain spreading diffusely beyond the original regions. */
        DIFFUSE_SPREAD,
        /** A new class of pain descriptor (dull to sharp, throbbing to burning). */
        QUALITY_CHANGE,
        /** Exactly one new region of pain: look for new pathology. */
        NEW_FOCAL_PAIN,
        /** Pain worsened after a dose escalation. */
        PAIN_WORSE_AFTER_ESCALATION,
        /** Pain unchanged after a dose escalation: decreasing opioid effectiveness. */
        NO_RELIEF_AFTER_ESCALATION,
        /** Pain improved after an escalation and stayed improved. */
        SUSTAINED_RELIEF_AFTER_ESCALATION,
        /** Pain improved after a dose reduction: after the withdrawal window, or early after a large cut. */
        IMPROVED_AFTER_REDUCTION,
        /** Pain improved only inside the withdrawal window of a smaller reduction: not confirmed. */
        EARLY_IMPROVEMENT_NOT_CONFIRMED,
        /** Pain fell after the judged escalation, but not meaningfully. */
        MINIMAL_RELIEF_AFTER_ESCALATION,
        /** A new numb descriptor: a possible neurological deficit, pointing to new pathology. */
        NEW_NUMBNESS,
        /** Allodynia recorded on or before the judged change day: part of the original condition. */
        ALLODYNIA_BEFORE_ESCALATION,
        /** A withdrawal pattern that can explain rising pain. */
        WITHDRAWAL_PATTERN,
        /** Documented disease progression, new injury or new pathology. */
        PROGRESSION
    }

    /** Copies the evidence. */
    public Sign {
        evidence = List.copyOf(evidence);
    }

    /** A present sign derived by {@code rule}. */
    public static Sign found(org.kie.api.definition.rule.Rule rule, Kind kind, String text, Object... evidence) {
        return new Sign(kind, true, rule.getMetaData().get("id").toString(), text, Conclusion.flatten(evidence), null);
    }

    /** A present sign observed on {@code date}, derived by {@code rule}. */
    public static Sign foundOn(org.kie.api.definition.rule.Rule rule, Kind kind, LocalDate date, String text,
                               Object... evidence) {
        return new Sign(kind, true, rule.getMetaData().get("id").toString(), text, Conclusion.flatten(evidence), date);
    }

    /** A sign examined and found absent, derived by {@code rule}. */
    public static Sign absent(org.kie.api.definition.rule.Rule rule, Kind kind, String text, Object... evidence) {
        return new Sign(kind, false, rule.getMetaData().get("id").toString(), text, Conclusion.flatten(evidence), null);
    }
}
