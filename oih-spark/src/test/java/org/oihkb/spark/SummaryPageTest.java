package org.oihkb.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The summary page in headless Chromium (found as oih-cds-hooks' demo page test finds it; skipped where none is
 * installed): the DOM holds the three charts, and the screenshot shows each chart's bars in its colour with the
 * area their counts give, so a chart that does not render, or renders with wrong lengths, fails.
 */
class SummaryPageTest {

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

    private List<String> command(Path chromium, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--hide-scrollbars", "--force-device-scale-factor=1",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("profile")), "--virtual-time-budget=5000"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private String run(List<String> cmd) throws IOException, InterruptedException {
        Path out = dir.resolve("out-" + System.nanoTime() + ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(dir.resolve("err.txt").toFile())
                .start();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    @Test
    void theSummaryPageShowsItsChartsInChromium() throws Exception {
        Path chromium = chromium();
        assumeTrue(chromium != null, "no Chromium installed");
        Map<String, Long> conclusions = new LinkedHashMap<>();
        conclusions.put("OIH-010", 120L);
        conclusions.put("OIH-030", 60L);
        conclusions.put("none", 30L);
        Map<String, Long> findings = new LinkedHashMap<>();
        findings.put("OIH-010", 120L);
        findings.put("REG-030", 90L);
        Map<String, Long> bands = new LinkedHashMap<>();
        Summary.BANDS.forEach(b -> bands.put(b, 0L));
        bands.put("1-49", 80L);
        bands.put("90+", 160L);
        Summary s = new Summary(215, 210, 5, conclusions, findings, bands, 4);
        Path page = dir.resolve("summary.html");
        Files.writeString(page, s.toHtml("OIH population screen"));

        String dom = run(command(chromium, "--dump-dom", page.toUri().toString()));
        assertThat(dom).contains("Patients by conclusion", "Patients with each finding",
                "Patients by current MME per day", "OIH-030", "not computable");
        assertThat(dom.split("<svg", -1)).hasSize(4);

        Path png = dir.resolve("summary.png");
        run(command(chromium, "--window-size=1000,1400", "--screenshot=" + png, page.toUri().toString()));
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("screenshot written").isNotNull();
        // bars are 16 px high and 640 px for the largest count of their chart, so their area is known exactly
        assertThat(pixels(image, 0x2f6f9f)).isBetween(area(640 + 320 + 160), area(640 + 320 + 160) + 100);
        assertThat(pixels(image, 0x7a5195)).isBetween(area(640 + 480), area(640 + 480) + 100);
        assertThat(pixels(image, 0xef8a3c)).isBetween(area(320 + 640), area(320 + 640) + 100);
    }

    private static int area(int widths) {
        return widths * 16;
    }

    private static int pixels(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
