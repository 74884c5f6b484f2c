package org.oihkb.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A closed vocabulary whose members have a stable external code (the word used in JSON and in rule
 * scenarios, for example {@code lower-back}).
 */
public interface Coded {

    /** The external code, lower-case with hyphens. */
    String code();

    /**
     * Looks a code up in a vocabulary.
     *
     * @throws InvalidRecordException naming the field, the value and every accepted code
     */
    static <E extends Enum<E> & Coded> E parse(Class<E> type, String field, String code) {
        if (code == null) {
            throw new InvalidRecordException(field, "is required", null);
        }
        for (E e : type.getEnumConstants()) {
            if (e.code().equals(code)) {
                return e;
            }
        }
        throw new InvalidRecordException(field, "must be one of " + accepted(type), "'" + code + "'");
    }

    /** The accepted codes of a vocabulary, comma separated, in declaration order. */
    static <E extends Enum<E> & Coded> String accepted(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Coded::code).collect(Collectors.joining(", "));
    }
}
