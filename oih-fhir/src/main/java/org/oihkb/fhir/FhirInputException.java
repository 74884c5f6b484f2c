package org.oihkb.fhir;

/**
 * FHIR input that cannot be read at all: not JSON, not FHIR R4, a resource type that is not expected here, a
 * Bundle over the size bound, an impossible value (a negative dose). The message names the element path and
 * the value, in one line. Input that is readable but partly unusable is not an error: it becomes a
 * data-quality note of the {@link FhirMapping}.
 */
public final class FhirInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String path;

    /**
     * @param path the element or field, e.g. {@code MedicationRequest/abc.dosageInstruction[0].doseAndRate[0]}
     * @param problem what is wrong, e.g. "must be > 0"
     * @param value the offending value as found, or {@code null}
     */
    public FhirInputException(String path, String problem, Object value) {
        super(path + ": " + problem + (value == null ? "" : " (found " + value + ")"));
        this.path = path;
    }

    /** Like {@link #FhirInputException(String, String, Object)}, keeping the parser's exception as the cause. */
    public FhirInputException(String path, String problem, Object value, Throwable cause) {
        this(path, problem, value);
        initCause(cause);
    }

    /** The element or field the problem is in. */
    public String path() {
        return path;
    }
}
