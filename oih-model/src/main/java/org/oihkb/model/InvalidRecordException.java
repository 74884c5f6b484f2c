package org.oihkb.model;

import java.util.Objects;

/**
 * A patient record, or one of its facts, breaks the contract. The message names the field (as a path
 * into the record, for example {@code doses[2].dailyDose}), the value found and what was expected:
 * {@code doses[2].dailyDose must be > 0, was -5}.
 *
 * <p>Facts throw it with a field name relative to themselves ({@code dailyDose}); whoever places the fact
 * in a record adds the path prefix with {@link #within(String)}.
 */
public final class InvalidRecordException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String value;
    private final String expectation;

    /**
     * @param field the field path, for example {@code dailyDose} or {@code doses[2].dailyDose}
     * @param expectation what was expected, as a predicate: {@code must be > 0}
     * @param value the value found, rendered as text; {@code null} when the field was missing
     */
    public InvalidRecordException(String field, String expectation, Object value) {
        super(render(field, expectation, value));
        this.field = Objects.requireNonNull(field, "field");
        this.expectation = Objects.requireNonNull(expectation, "expectation");
        this.value = value == null ? null : String.valueOf(value);
    }

    private InvalidRecordException(String field, String expectation, String value, String message) {
        super(message);
        this.field = field;
        this.expectation = expectation;
        this.value = value;
    }

    /**
     * The input is not well-formed at all (for example malformed JSON), so no field can be named; the
     * location goes into {@code where} (for example {@code line 3, column 7}).
     */
    public static InvalidRecordException malformed(String where, String problem) {
        return new InvalidRecordException("$", "must be well-formed", null,
                "malformed input at " + where + ": " + problem);
    }

    /** The input exceeds a safety limit (size, nesting depth, string length) and was not read. */
    public static InvalidRecordException refused(String problem) {
        return new InvalidRecordException("$", "must stay within the input limits", null, "input refused: " + problem);
    }

    private static String render(String field, String expectation, Object value) {
        return value == null ? field + " " + expectation + ", was missing"
                : field + " " + expectation + ", was " + value;
    }

    /** The same problem, seen from the enclosing object: {@code within("doses[2]")}. */
    public InvalidRecordException within(String prefix) {
        InvalidRecordException e = new InvalidRecordException(prefix + "." + field, expectation, value);
        e.setStackTrace(getStackTrace());
        return e;
    }

    /** The field path, for example {@code doses[2].dailyDose}. */
    public String field() { return field; }

    /** The offending value as text, or {@code null} when the field was missing. */
    public String value() { return value; }

    /** What was expected, for example {@code must be > 0}. */
    public String expectation() { return expectation; }
}
