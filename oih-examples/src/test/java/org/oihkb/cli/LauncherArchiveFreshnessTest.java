package org.oihkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code oih} launcher uses a start-up archive only when no jar beside it is newer: a JDK 25 AOT cache does
 * not notice a changed jar of oih.jar's Class-Path and would serve the classes of the build it was trained on
 * (found when a build with {@code -Doih.archives.skip=true} kept an earlier build's archives and assessed with
 * the old rules' helper classes). Runs the launcher script, installed as a build installs it, with stand-in JDKs
 * that print their arguments.
 */
class LauncherArchiveFreshnessTest {
    private static final Instant TRAINED = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path dir;
    Path target;
    Path archives;
    Path libJar;

    @BeforeEach
    void install() throws IOException {
        target = Files.createDirectories(dir.resolve("target"));
        Files.copy(Path.of("src/main/sh/oih"), target.resolve("oih"));
        archives = Files.createDirectories(target.resolve("archives"));
        Files.writeString(target.resolve("oih.jar"), "jar");
        libJar = Files.createDirectories(target.resolve("lib")).resolve("oih-rules.jar");
        Files.writeString(libJar, "jar");
        stamp(target.resolve("oih.jar"), TRAINED.minusSeconds(60));
        stamp(libJar, TRAINED.minusSeconds(60));
    }

    private static void stamp(Path file, Instant when) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(when));
    }

    private Path fakeJdk(String name, String version) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name).resolve("bin")).getParent();
        Path java = home.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\"\n", StandardCharsets.UTF_8);
        assertThat(java.toFile().setExecutable(true)).isTrue();
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        return java;
    }

    private Path archive(String name) throws IOException {
        Path a = archives.resolve(name);
        Files.writeString(a, "archive");
        stamp(a, TRAINED);
        return a;
    }

    private List<String> launch(Path java) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("sh", target.resolve("oih").toString(), "--version")
                .redirectErrorStream(true);
        pb.environment().put("OIH_JAVA", java.toString());
        pb.environment().remove("OIH_ARCHIVES");
        pb.environment().remove("OIH_JAVA_OPTS");
        Process p = pb.start();
        List<String> out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join("\n", out)).isZero();
        return out;
    }

    @Test
    void aClassDataSharingArchiveNewerThanEveryJarIsUsed() throws Exception {
        Path java = fakeJdk("jdk17", "17.0.15");
        Path jsa = archive("oih-17.0.15.jsa");
        assertThat(launch(java)).contains("-XX:SharedArchiveFile=" + jsa);
    }

    @Test
    void anArchiveOlderThanALibraryJarIsNotUsed() throws Exception {
        Path java = fakeJdk("jdk17", "17.0.15");
        Path jsa = archive("oih-17.0.15.jsa");
        stamp(libJar, TRAINED.plusSeconds(60));
        assertThat(launch(java)).noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"));
        assertThat(jsa).exists();
    }

    @Test
    void anAotCacheOlderThanOihJarGivesWayToAClassDataSharingArchiveTheJvmChecks() throws Exception {
        Path java = fakeJdk("jdk25", "25.0.3");
        Path aot = archive("oih-25.0.3.aot");
        assertThat(launch(java)).contains("-XX:AOTCache=" + aot);
        stamp(target.resolve("oih.jar"), TRAINED.plusSeconds(60));
        List<String> args = launch(java);
        assertThat(args).noneMatch(a -> a.startsWith("-XX:AOTCache"));
        assertThat(args).contains("-XX:SharedArchiveFile=" + archives.resolve("oih-25.0.3.jsa"),
                "-XX:+AutoCreateSharedArchive");
    }
}
