package org.oihkb.model;

import java.time.LocalDate;
import java.util.List;

/** Validation helpers shared by the facts; each failure names the field and the value. */
final class Check {
    private Check() {
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidRecordException(field, "is required", null);
        }
        return value;
    }

    static String optionalText(String field, String value) {
        if (value != null && value.isBlank()) {
            throw new InvalidRecordException(field, "must not be blank", "'" + value + "'");
        }
        return value;
    }

    static double finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidRecordException(field, "must be a finite number", value);
        }
        return value;
    }

    static void notBefore(String field, LocalDate value, String otherField, LocalDate other) {
        if (value != null && other != null && value.isBefore(other)) {
            throw new InvalidRecordException(field, "must be on or after " + otherField + " (" + other + ")", value);
        }
    }

    static <T> List<T> list(String field, List<T> values) {
        if (values == null) {
            return List.of();
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new InvalidRecordException(field + "[" + i + "]", "must not be null", null);
            }
        }
        return List.copyOf(values);
    }

    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
