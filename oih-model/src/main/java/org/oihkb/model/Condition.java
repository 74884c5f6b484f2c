package org.oihkb.model;

import java.time.LocalDate;

/**
 * A diagnosis or state that changes the assessment or what is safe.
 *
 * @param id stable id; derived from the content when {@code null}
 * @param code required
 * @param onset optional
 * @param end optional; on or after {@code onset}
 * @param status {@code active} when {@code null}; {@code refuted} means assessed and absent
 * @param source optional reference back to the host's record, echoed in evidence
 */
public record Condition(String id, ConditionCode code, LocalDate onset, LocalDate end, ConditionStatus status,
                        String source) {

    /** @throws InvalidRecordException naming the field and the value */
    public Condition {
        Check.required("code", code);
        Check.notBefore("end", end, "onset", onset);
        status = status == null ? ConditionStatus.ACTIVE : status;
        Check.optionalText("source", source);
        id = id != null ? Check.optionalText("id", id) : Ids.derive("c", code, onset, end, status);
    }

    /** An active condition with no dates. */
    public static Condition active(ConditionCode code) {
        return new Condition(null, code, null, null, null, null);
    }

    /** Whether the condition counts on {@code date}: active, begun and not ended (docs/contract.md). */
    public boolean countsOn(LocalDate date) {
        return status == ConditionStatus.ACTIVE
                && (onset == null || !onset.isAfter(date))
                && (end == null || !end.isBefore(date));
    }
}
