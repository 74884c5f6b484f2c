package org.oihkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code oih} launcher's compiler choice for {@code screen} (docs/performance.md, Screening): C1 only when
 * the input is small, C2 as well when it is large; {@code OIH_JAVA_OPTS} wins. Runs the launcher script with a stand-in {@code java} that prints its arguments.
 */
class LauncherCompilerChoiceTest {
    private static final Path LAUNCHER = Path.of("src/main/sh/oih");
    private static final String C1 = "-XX:TieredStopAtLevel=1";

    @TempDir
    static Path dir;
    static Path fakeJava;
    static Path input;
    static int cores;

    @BeforeAll
    static void setUp() throws Exception {
        fakeJava = dir.resolve("java");
        Files.writeString(fakeJava, "#!/bin/sh\nprintf '%s\\n' \"$@\"\n", StandardCharsets.UTF_8);
        assertThat(fakeJava.toFile().setExecutable(true)).isTrue();
        input = dir.resolve("in.jsonl");
        Files.writeString(input, "{}\n", StandardCharsets.UTF_8);
        cores = Integer.parseInt(run(Map.of(), "getconf", "_NPROCESSORS_ONLN").get(0).trim());
    }

    private static List<String> launch(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("sh", LAUNCHER.toString()));
        cmd.addAll(List.of(args));
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("OIH_JAVA", fakeJava.toString());
        all.put("OIH_ARCHIVES", "off");
        all.put("OIH_RELAUNCH", "off");
        return run(all, cmd.toArray(String[]::new));
    }

    private static List<String> run(Map<String, String> env, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        List<String> out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join("\n", out)).isZero();
        return out;
    }

    @Test
    void aSmallInputRunsOnC1OnAnyNumberOfWorkers() throws Exception {
        assertThat(launch(Map.of(), "screen", "--threads", "1", input.toString())).contains(C1);
        assertThat(launch(Map.of(), "screen", "--threads=" + (cores + 3), input.toString())).contains(C1);
        List<String> args = launch(Map.of(), "screen", "--out", "/dev/null", input.toString());
        assertThat(args).contains(C1);
        assertThat(args).containsSubsequence("org.oihkb.cli.OihCli", "screen", "--out", "/dev/null", input.toString());
    }

    @Test
    void aLargeInputKeepsC2() throws Exception {
        Path large = dir.resolve("large.jsonl");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(large.toFile(), "rw")) {
            f.setLength(300L << 20); // sparse: 300 MB by size, no disk written
        }
        assertThat(launch(Map.of(), "screen", "--threads", String.valueOf(cores), large.toString())).doesNotContain(C1);
    }

    @Test
    void theUsersOptionsComeLastAndWin() throws Exception {
        List<String> args = launch(Map.of("OIH_JAVA_OPTS", "-XX:TieredStopAtLevel=4"), "screen", input.toString());
        assertThat(args).containsSubsequence(C1, "-XX:TieredStopAtLevel=4", "org.oihkb.cli.OihCli");
    }

    @Test
    void oneShotCommandsRunOnC1WithTheSerialCollector() throws Exception {
        assertThat(launch(Map.of(), "assess", input.toString())).contains(C1, "-XX:+UseSerialGC");
    }
}
