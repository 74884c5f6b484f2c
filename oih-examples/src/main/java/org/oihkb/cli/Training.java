package org.oihkb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;

/**
 * The training run of the start-up archives: the build runs it once under
 * {@code -XX:ArchiveClassesAtExit} (Java 17 class-data sharing) and, where a JDK 25 or later is installed,
 * under {@code -XX:AOTCacheOutput}, so that the {@code oih} launcher starts with the classes of these commands
 * already parsed, verified and linked (and, on JDK 25, with their method profiles). It runs what users run:
 * every example through {@code assess} in each format, and a generated population through {@code screen} in
 * both outputs, on two threads. Outputs go to a scratch directory; nothing is printed.
 *
 * <p>Usage: {@code Training EXAMPLES_DIR SCRATCH_DIR RECORDS}.
 */
public final class Training {

    private Training() {
    }

    /** Runs the training; exits non-zero, naming the command, if any command fails. */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: Training EXAMPLES_DIR SCRATCH_DIR RECORDS");
            System.exit(2);
        }
        Path examples = Path.of(args[0]);
        Path scratch = Files.createDirectories(Path.of(args[1]));
        String records = args[2];
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(examples, "*.json")) {
            dir.forEach(files::add);
        }
        files.sort(null);
        for (Path f : files) {
            for (String format : new String[] {"text", "json", "html"}) {
                run("assess", f.toString(), "--format", format, "--out", scratch.resolve("out." + format).toString());
            }
        }
        String population = scratch.resolve("population.jsonl").toString();
        run("generate", "--size", "TYPICAL", "--out", population, records);
        for (String output : new String[] {"full", "summary"}) {
            run("screen", population, "--threads", "2", "--output", output,
                    "--out", scratch.resolve("screen.jsonl").toString(),
                    "--errors", scratch.resolve("errors.jsonl").toString());
        }
    }

    private static void run(String... args) {
        Writer quiet = Writer.nullWriter();
        int code = new CommandLine(new OihCli()).setOut(new PrintWriter(quiet)).setErr(new PrintWriter(quiet))
                .execute(args);
        if (code != 0) {
            System.err.println("training: oih " + String.join(" ", args) + " exited with " + code);
            System.exit(1);
        }
    }
}
