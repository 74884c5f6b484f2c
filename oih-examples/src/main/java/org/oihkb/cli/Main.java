package org.oihkb.cli;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The entry point of {@code java -jar oih.jar}. A JVM option cannot come from a jar manifest, so when the
 * build's {@code oih} launcher and its start-up archives lie beside the jar, this JVM hands the command to the
 * launcher, which starts one with the archives (and JDK 25's AOT cache where installed), and passes its exit
 * code on: about 60 ms for this first JVM against about half a second saved on a one-shot command
 * (docs/performance.md, Start-up). It runs the command itself when the user gave this JVM options of their
 * own (they are honoured here), when {@code OIH_RELAUNCH=off}, on Windows, or when there is no launcher.
 * Loads nothing of the command line before deciding.
 */
public final class Main {

    private Main() {
    }

    /** Runs {@code oih} with {@code args}. */
    public static void main(String[] args) throws InterruptedException {
        Integer code = relaunch(args);
        if (code == null) {
            OihCli.main(args);
        } else {
            System.exit(code);
        }
    }

    /** The launcher's exit code, or {@code null} to run the command in this JVM. */
    private static Integer relaunch(String[] args) throws InterruptedException {
        if (File.separatorChar != '/' || "off".equals(System.getenv("OIH_RELAUNCH"))) {
            return null;
        }
        Optional<String[]> jvmArgs = ProcessHandle.current().info().arguments();
        // only "-jar oih.jar ...": any option before -jar is the user's, and would be lost in another JVM
        if (jvmArgs.isEmpty() || jvmArgs.get().length == 0 || !"-jar".equals(jvmArgs.get()[0])) {
            return null;
        }
        Path jar;
        try {
            jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
        Path launcher = jar.resolveSibling("oih");
        if (!Files.isRegularFile(jar) || !Files.isExecutable(launcher)
                || !Files.isDirectory(jar.resolveSibling("archives"))) {
            return null;
        }
        List<String> command = new ArrayList<>(args.length + 1);
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        // the JVM the user chose runs the command unless the launcher has a JDK 25 AOT cache to offer
        ProcessHandle.current().info().command().ifPresent(java -> pb.environment().put("OIH_DEFAULT_JAVA", java));
        Process child;
        try {
            child = pb.start();
        } catch (java.io.IOException e) {
            return null;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));
        return child.waitFor();
    }
}
