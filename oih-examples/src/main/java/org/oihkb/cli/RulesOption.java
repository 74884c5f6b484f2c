package org.oihkb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.oihkb.engine.MmeEdition;
import org.oihkb.engine.OihEngine;
import org.oihkb.engine.RuleBaseException;
import picocli.CommandLine.Option;

/** The {@code --rules DIR} option shared by the commands that run rules. */
final class RulesOption {

    @Option(names = "--rules", paramLabel = "DIR",
            description = "load the .drl files of DIR instead of the built-in rules (trusted files only: rules are code)")
    Path rules;

    /** Builds the engine, or prints every rule error and returns {@code null}. */
    OihEngine engine(MmeEdition edition, PrintWriter err) {
        OihEngine.Builder b = OihEngine.builder().edition(edition);
        if (rules != null) {
            b.rulesDirectory(rules);
        }
        try {
            return b.build();
        } catch (RuleBaseException e) {
            err.println("oih: the rules do not compile; nothing was run:");
            e.problems().forEach(err::println);
            return null;
        }
    }
}
