package org.oihkb.engine;

import java.util.List;

/**
 * The rules do not compile or are incompletely documented. Carries every problem, each as
 * {@code file:line:col: error: text} where the location is known, so that a rule base with errors is
 * never loaded half-way and an informaticist sees all of them at once.
 */
public final class RuleBaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /** @param problems one line each, in the order found */
    public RuleBaseException(List<String> problems) {
        super("the rule base has " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, one line each. */
    public List<String> problems() {
        return problems;
    }
}
