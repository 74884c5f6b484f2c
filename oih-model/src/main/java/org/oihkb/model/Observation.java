package org.oihkb.model;

import java.time.LocalDate;

/**
 * A measured value (QTc, kidney function, COWS score) on a date.
 *
 * @param id stable id; derived from the content when {@code null}
 * @param code required
 * @param value within the code's plausible range
 * @param date required
 * @param source optional reference back to the host's record
 */
public record Observation(String id, ObservationCode code, double value, LocalDate date, String source) {

    /** @throws InvalidRecordException naming the field and the value */
    public Observation {
        Check.required("code", code);
        Check.finite("value", value);
        if (value < code.min() || value > code.max()) {
            throw new InvalidRecordException("value", "must be between " + Check.number(code.min()) + " and "
                    + Check.number(code.max()) + " for " + code.code(), Check.number(value));
        }
        Check.required("date", date);
        Check.optionalText("source", source);
        id = id != null ? Check.optionalText("id", id) : Ids.derive("o", code, value, date);
    }

    /** Whether the value is recent enough to count on {@code asOf}. */
    public boolean usableOn(LocalDate asOf) {
        return !date.isAfter(asOf) && !date.isBefore(asOf.minusDays(code.usableDays()));
    }
}
