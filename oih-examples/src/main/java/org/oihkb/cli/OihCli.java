package org.oihkb.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code oih} command line: {@code java -jar oih-examples/target/oih.jar <command>}.
 * Exit codes follow docs/contract.md section 3: 0 ok, 2 invalid input, 3 rules do not compile.
 */
@Command(name = "oih", mixinStandardHelpOptions = true, versionProvider = OihCli.VersionProvider.class,
        description = "Opioid-induced hyperalgesia knowledge base: decision support, not a diagnosis.",
        subcommands = {AssessCommand.class, ScreenCommand.class, ScenariosCommand.class, CatalogCommand.class,
            GenerateCommand.class, LintCommand.class,
            CommandLine.HelpCommand.class})
public final class OihCli implements Callable<Integer> {

    /** Exit code: the input was invalid. */
    public static final int INVALID_INPUT = 2;
    /** Exit code: the rules do not compile. */
    public static final int RULES_BROKEN = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** Runs the command line and returns its exit code, without exiting (for tests and embedding). */
    public static int run(String... args) {
        return new CommandLine(new OihCli()).execute(args);
    }

    /** Entry point of {@code oih.jar}. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Reports the library version. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"oih " + org.oihkb.engine.Version.get()};
        }
    }
}
