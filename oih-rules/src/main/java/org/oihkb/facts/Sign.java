package org.oihkb.facts;

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
 */
public record Sign(Kind kind, boolean present, String ruleId, String text, List<String> evidence) {

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
        /** Pain improved after a dose reduction, judged after the withdrawal window. */
        IMPROVED_AFTER_REDUCTION,
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
        return new Sign(kind, true, rule.getMetaData().get("id").toString(), text, Conclusion.flatten(evidence));
    }

    /** A sign examined and found absent, derived by {@code rule}. */
    public static Sign absent(org.kie.api.definition.rule.Rule rule, Kind kind, String text, Object... evidence) {
        return new Sign(kind, false, rule.getMetaData().get("id").toString(), text, Conclusion.flatten(evidence));
    }
}
