package org.oihkb.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.oihkb.engine.MmeEdition;
import org.oihkb.engine.OihEngine;
import org.oihkb.scenario.ScenarioRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code oih scenarios DIR...}: runs scenario files against the built-in or edited rules. */
@Command(name = "scenarios", mixinStandardHelpOptions = true,
        description = "Run the fires-*.yaml and silent-*.yaml scenario files under each DIR; ends with 'N passed, N failed'.")
final class ScenariosCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "directories (searched recursively) or files")
    List<Path> dirs;

    @Mixin
    RulesOption rules;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> files = new ArrayList<>();
        for (Path d : dirs) {
            if (Files.isDirectory(d)) {
                files.addAll(ScenarioRunner.find(d));
            } else if (Files.isRegularFile(d)) {
                files.add(d);
            } else {
                err.println("oih: " + d + ": no such file or directory");
                return OihCli.INVALID_INPUT;
            }
        }
        OihEngine engine = rules.engine(MmeEdition.CDC_2022, err);
        if (engine == null) {
            return OihCli.RULES_BROKEN;
        }
        ScenarioRunner runner = new ScenarioRunner(engine);
        int passed = 0;
        int failed = 0;
        for (Path f : files) {
            ScenarioRunner.Result r = runner.run(f);
            if (r.passed()) {
                passed++;
                out.println("ok    " + f);
            } else {
                failed++;
                out.println("FAIL  " + f);
                r.message().lines().forEach(l -> out.println("      " + l));
            }
        }
        out.println(passed + " passed, " + failed + " failed");
        out.flush();
        return failed == 0 ? 0 : 1;
    }
}
