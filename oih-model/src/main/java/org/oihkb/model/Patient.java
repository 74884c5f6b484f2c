package org.oihkb.model;

import java.time.LocalDate;
import java.time.Period;

/**
 * The person assessed. The id is opaque and is never logged above DEBUG.
 *
 * @param id required, opaque
 * @param birthDate optional; when given, age is computed on the record's {@code asOf}
 * @param ageYears optional, used when there is no birth date
 * @param sex optional
 */
public record Patient(String id, LocalDate birthDate, Integer ageYears, Sex sex) {

    /** @throws InvalidRecordException when the id is missing or blank or the age is out of range */
    public Patient {
        Check.required("id", id);
        if (id.isBlank()) {
            throw new InvalidRecordException("id", "must not be blank", "''");
        }
        if (ageYears != null && (ageYears < 0 || ageYears > 130)) {
            throw new InvalidRecordException("ageYears", "must be between 0 and 130", ageYears);
        }
        sex = sex == null ? Sex.UNKNOWN : sex;
    }

    /** A patient known only by id. */
    public static Patient of(String id) {
        return new Patient(id, null, null, null);
    }

    /** Age in whole years on {@code date}, or {@code null} when neither birth date nor age is known. */
    public Integer ageOn(LocalDate date) {
        if (birthDate != null) {
            return Period.between(birthDate, date).getYears();
        }
        return ageYears;
    }
}
