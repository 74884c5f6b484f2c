package org.oihkb.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo page in headless Chromium: loads an example, sends it, and renders the cards. Skipped where no
 * Chromium is installed (CI images without a browser); the service side is covered by the HTTP tests.
 */
class DemoPageTest {

    @TempDir
    Path dir;

    static Path chromium() {
        for (String p : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(p))) {
                return Path.of(p);
            }
        }
        return null;
    }

    static List<String> command(Path chromium, Path profile, String... args) {
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--virtual-time-budget=15000"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    static String run(List<String> cmd, Path dir) throws IOException, InterruptedException {
        Path out = dir.resolve("out-" + System.nanoTime() + ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(dir.resolve("err.txt").toFile())
                .start();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    @Test
    void theDemoPageRendersTheCardsOfAnExample() throws Exception {
        Path chromium = chromium();
        assumeTrue(chromium != null, "no Chromium installed");
        try (TestService s = FhirService.start(FhirService.insecure(dir))) {
            String url = s.url("/?example=order-sign-possible-oih.json&send");
            String dom = run(command(chromium, Files.createDirectories(dir.resolve("profile")), "--dump-dom", url), dir);
            assertThat(dom).contains("<div class=\"summary\">" + CardBuilder.DO_NOT_ESCALATE + "</div>");
            assertThat(dom).contains("Remove the draft order that raises the opioid dose");
            assertThat(dom).contains("HTTP 200");
            if (System.getProperty("oih.demo.screenshot") != null) {
                run(command(chromium, dir.resolve("profile"), "--window-size=1280,1100",
                        "--screenshot=" + System.getProperty("oih.demo.screenshot"), url), dir);
            }
        }
    }
}
