package org.oihkb.examples.recipes;

import java.nio.file.Path;

import org.oihkb.engine.OihEngine;
import org.oihkb.engine.RuleBaseException;

/**
 * Recipe: load a reviewed copy of the rules from a directory instead of the built-in ones (needs the Drools
 * compilers on the class path: drools-model-codegen, drools-ecj, drools-mvel). A rule base with errors is
 * never loaded half-way: the exception lists every problem with file and line. Rule files are code: load
 * only trusted directories.
 */
public final class EditedRules {
    private EditedRules() {
    }

    /** The engine of the rules in {@code dir}, or the list of what is wrong with them. */
    public static OihEngine load(Path dir) throws RuleBaseException {
        return OihEngine.builder().rulesDirectory(dir).build();
    }
}
