package org.oihkb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.oihkb.catalog.RuleSources;
import org.oihkb.lint.RuleLint;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code oih lint}: compiles the rule files and checks their metadata, one line per problem. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Compile the rules and check their metadata; every problem as file:line:col: error: text.")
final class LintCommand implements Callable<Integer> {

    @Option(names = "--rules", paramLabel = "DIR", description = "the .drl files to check (default: the built-in rules)")
    Path rules;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = rules == null ? RuleSources.builtInDirectory() : rules;
        List<String> problems = RuleLint.check(dir);
        problems.forEach(out::println);
        out.println(problems.isEmpty() ? "lint: no problems in " + dir : "lint: " + problems.size() + " problem(s)");
        out.flush();
        return problems.isEmpty() ? 0 : 1;
    }
}
