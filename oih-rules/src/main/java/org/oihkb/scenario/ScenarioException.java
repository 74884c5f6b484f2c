package org.oihkb.scenario;

/** A scenario file cannot be read or its record is invalid; the message names the file. */
public final class ScenarioException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message names the file and the problem */
    public ScenarioException(String message) {
        super(message);
    }
}
