package org.oihkb.engine;

/**
 * A valid record could not be assessed because a rule failed while running. The message names the rule
 * and never carries patient data. This is a defect of the rules, not of the input.
 */
public final class AssessmentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message names the rule; no patient data */
    public AssessmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
