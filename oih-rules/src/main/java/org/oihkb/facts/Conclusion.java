package org.oihkb.facts;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.kie.api.definition.rule.Rule;

/**
 * What a rule concludes about the patient: a finding, an option, a caution on an option or a finding, a
 * contraindication that withholds an option, a check the record leaves open, or a data-quality note. Rules insert it logically; the engine turns it into the assessment, taking title,
 * indicator, sources and evidence grade from the rule's metadata, so nothing is written twice.
 *
 * <p>In DRL: {@code insertLogical( Conclusion.finding( drools.getRule(), "summary", $dose.id() ) );}
 *
 * @param ruleId the {@code @id} of the rule that concluded it
 * @param kind what it is
 * @param target for a caution, the id of the option or finding it qualifies; for a withhold or a check, the id
 *               of the option; otherwise {@code null}
 * @param summary one sentence built from this patient's values
 * @param evidence ids of the input facts and derived values it rests on; for a check, the missing fact
 * @param criteriaMet for graded findings, the criteria met; otherwise empty
 * @param criteriaNotMet for graded findings, the criteria not met or not assessed; otherwise empty
 * @param indicator an indicator code that replaces the rule's for this patient (neurotoxicity with delirium is
 *                  critical); {@code null} for the rule's own
 */
public record Conclusion(String ruleId, Kind kind, String target, String summary, List<String> evidence,
                         List<String> criteriaMet, List<String> criteriaNotMet, String indicator) {

    /** What a conclusion is. */
    public enum Kind {
        /** A conclusion about the patient. */
        FINDING,
        /** A treatment option to consider. */
        OPTION,
        /** A caution on an option, or on a finding. */
        CAUTION,
        /**
         * A contraindication: the option it targets is not offered; the assessment lists it under withheld
         * options with this conclusion's summary as the reason.
         */
        WITHHOLD,
        /** What the record does not say and must be checked before acting on the option it targets. */
        CHECK,
        /** Something that could not be used, and why. */
        NOTE
    }

    /** Copies the evidence. */
    public Conclusion {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(summary, "summary");
        evidence = List.copyOf(evidence);
        criteriaMet = criteriaMet == null ? List.of() : List.copyOf(criteriaMet);
        criteriaNotMet = criteriaNotMet == null ? List.of() : List.copyOf(criteriaNotMet);
    }

    private Conclusion(String ruleId, Kind kind, String target, String summary, List<String> evidence) {
        this(ruleId, kind, target, summary, evidence, List.of(), List.of(), null);
    }

    /** The same conclusion with the indicator {@code code} instead of the rule's. */
    public Conclusion withIndicator(String code) {
        return new Conclusion(ruleId, kind, target, summary, evidence, criteriaMet, criteriaNotMet, code);
    }

    /** A finding with the criteria it met and those it did not (for graded conclusions). */
    public static Conclusion graded(Rule rule, String summary, List<String> met, List<String> notMet,
                                    Collection<String> evidence) {
        return new Conclusion(idOf(rule), Kind.FINDING, null, summary, flatten(new Object[] {evidence}), met, notMet,
                null);
    }

    /** A finding of {@code rule}; evidence items may be ids or collections of ids. */
    public static Conclusion finding(Rule rule, String summary, Object... evidence) {
        return new Conclusion(idOf(rule), Kind.FINDING, null, summary, flatten(evidence));
    }

    /** An option of {@code rule}. */
    public static Conclusion option(Rule rule, String summary, Object... evidence) {
        return new Conclusion(idOf(rule), Kind.OPTION, null, summary, flatten(evidence));
    }

    /** A caution of {@code rule} on the option {@code optionId}. */
    public static Conclusion caution(Rule rule, String optionId, String summary, Object... evidence) {
        return new Conclusion(idOf(rule), Kind.CAUTION, optionId, summary, flatten(evidence));
    }

    /**
     * A contraindication of {@code rule}: the option {@code optionId} is withheld, for {@code reason} (the
     * facts in one phrase: "QTc 530 ms on 2025-03-02, above 500").
     */
    public static Conclusion withhold(Rule rule, String optionId, String reason, Object... evidence) {
        return new Conclusion(idOf(rule), Kind.WITHHOLD, optionId, reason, flatten(evidence));
    }

    /** A check of {@code rule} on the option {@code optionId}: {@code missing} names the fact the record lacks. */
    public static Conclusion check(Rule rule, String optionId, String missing, String summary) {
        return new Conclusion(idOf(rule), Kind.CHECK, optionId, summary, List.of(missing));
    }

    /** A data-quality note of {@code rule}. */
    public static Conclusion note(Rule rule, String summary, Object... evidence) {
        return new Conclusion(idOf(rule), Kind.NOTE, null, summary, flatten(evidence));
    }

    private static String idOf(Rule rule) {
        Object id = rule.getMetaData().get("id");
        if (id == null) {
            throw new IllegalStateException("rule \"" + rule.getName() + "\" has no @id");
        }
        return id.toString();
    }

    static List<String> flatten(Object[] evidence) {
        int n = 0;
        for (Object e : evidence) {
            n += e instanceof Collection<?> c ? c.size() : e != null ? 1 : 0;
        }
        String[] out = new String[n];
        int i = 0;
        for (Object e : evidence) {
            if (e instanceof Collection<?> c) {
                for (Object x : c) {
                    out[i++] = String.valueOf(x);
                }
            } else if (e != null) {
                out[i++] = String.valueOf(e);
            }
        }
        return Ids.sortedDistinct(out, i);
    }
}
