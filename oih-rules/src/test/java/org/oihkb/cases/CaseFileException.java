package org.oihkb.cases;

/** A published-case or known-misses file that cannot be read; the message names the file and the problem. */
final class CaseFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CaseFileException(String message) {
        super(message);
    }
}
