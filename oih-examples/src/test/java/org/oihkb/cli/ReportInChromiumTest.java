package org.oihkb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oihkb.engine.OihEngine;
import org.oihkb.json.RecordJson;
import org.oihkb.model.Assessment;
import org.oihkb.model.PatientRecord;

/**
 * A clinician reads the conclusion first (issue 13): the text report and the HTML report, rendered in headless
 * Chromium, open with the conclusion of the differential and the regimen warnings, then the options, what is not
 * offered and what to check, then the rest. The record has possible OIH, a benzodiazepine and a QTc of 530 ms, so
 * every section is present. The browser part is skipped where no Chromium is installed.
 */
class ReportInChromiumTest {

    private static final String RECORD = """
            {"format": 1, "id": "report-1", "asOf": "2025-03-01", "patient": {"id": "p-report", "ageYears": 58},
             "doses": [
              {"id": "d1", "drug": "oxycodone", "route": "oral", "dailyDose": 40, "unit": "mg", "start": "2024-05-05", "end": "2024-10-31"},
              {"id": "d2", "drug": "oxycodone", "route": "oral", "dailyDose": 60, "unit": "mg", "start": "2024-11-01"}],
             "medications": [{"id": "m1", "class": "benzodiazepine", "name": "alprazolam", "start": "2024-08-13"}],
             "observations": [{"id": "o9", "code": "qtc-ms", "value": 530, "date": "2025-02-20"}],
             "symptoms": [
              {"id": "s1", "date": "2024-10-02", "kind": "pain", "intensity": 5, "sites": ["lower-back"], "quality": ["dull"]},
              {"id": "s2", "date": "2024-10-22", "kind": "pain", "intensity": 5, "sites": ["lower-back"], "quality": ["dull"]},
              {"id": "s3", "date": "2024-12-01", "kind": "pain", "intensity": 7, "sites": ["lower-back"], "quality": ["dull"]},
              {"id": "s4", "date": "2025-01-30", "kind": "pain", "intensity": 7, "sites": ["lower-back"], "quality": ["dull"]},
              {"id": "s5", "date": "2025-02-09", "kind": "allodynia", "sites": ["lower-back"]}]}
            """;

    /** The section headings of the HTML report, in the order a clinician must meet them. */
    private static final List<String> HTML_ORDER = List.of("Conclusion", "Regimen warnings", "Options to consider",
            "Not offered", "Check first: not in the record", "Dose and pain over time", "Other findings", "Data quality");

    private static PatientRecord record;
    private static Assessment assessment;

    @TempDir
    Path dir;

    @BeforeAll
    static void assess() {
        record = RecordJson.reader().read(RECORD).record();
        assessment = OihEngine.create().assess(record);
        assertThat(assessment.finding("OIH-010")).as("the record concludes possible OIH").isPresent();
        assertThat(assessment.finding("REG-010")).as("and warns of the benzodiazepine").isPresent();
        assertThat(assessment.withheldOptions()).extracting(w -> w.optionId()).containsExactly("OPT-021");
    }

    @Test
    void theTextReportLeadsWithTheConclusionThenRegimenWarningsOptionsWithheldOptionsAndChecks() {
        String text = AssessmentText.render(assessment);
        List<String> lines = text.lines().toList();
        // the two title lines, a blank line, then the sections: each heading starts a line, its entries are indented
        List<String> headings = lines.subList(2, lines.size()).stream().filter(l -> !l.isEmpty() && !l.startsWith(" "))
                .map(l -> l.replaceAll("^([A-Z][A-Z ]*[A-Z]).*", "$1")).toList();
        assertThat(headings).startsWith("CONCLUSION", "REGIMEN WARNINGS", "OPTIONS TO CONSIDER", "NOT OFFERED",
                "CHECK FIRST", "EXPOSURE");
        int conclusion = lines.indexOf("CONCLUSION");
        assertThat(conclusion).as("the conclusion right after the title lines").isEqualTo(3);
        assertThat(lines.get(conclusion + 1)).contains("OIH-010");
        assertThat(text).contains("Not offered: rotation to methadone by an experienced prescriber (QTc 530 ms on "
                + "2025-02-20, above 500)");
        assertThat(text.indexOf("REG-010")).isLessThan(text.indexOf("OPTIONS TO CONSIDER"));
    }

    @Test
    void theHtmlReportInHeadlessChromiumShowsTheConclusionFirstOnTheFirstScreen() throws Exception {
        Path chromium = chromium();
        assumeTrue(chromium != null, "no Chromium installed");
        String html = AssessmentHtml.render(assessment, record);
        assertThat(html.indexOf("<h2>Conclusion</h2>")).as("in the source too").isLessThan(html.indexOf("<h2>Options"));
        Path page = Files.writeString(dir.resolve("report.html"), html);

        // where the browser lays each heading and the first conclusion card out: a copy of the page that writes the
        // boxes into the DOM (the report itself has no script)
        String probe = html.replace("</body>", "<script>var o=[];document.querySelectorAll('h2').forEach(function(h){"
                + "var r=h.getBoundingClientRect();o.push(h.textContent+'@'+Math.round(r.top+scrollY));});"
                + "var c=document.querySelector('section article.card').getBoundingClientRect();"
                + "o.push('card@'+Math.round(c.left)+','+Math.round(c.top)+','+Math.round(c.height));"
                + "var p=document.createElement('pre');p.id='layout';p.textContent=o.join('|');"
                + "document.body.appendChild(p);</script></body>");
        Path probed = Files.writeString(dir.resolve("probe.html"), probe);
        // the same window and no scrollbar in both runs, so the boxes measured here are where the screenshot has them
        String dom = chromium(chromium, "--window-size=1280,1100", "--hide-scrollbars", "--dump-dom",
                probed.toUri().toString());
        Matcher m = Pattern.compile("<pre id=\"layout\">([^<]*)</pre>").matcher(dom);
        assertThat(m.find()).as("the layout probe ran").isTrue();
        List<String> headings = new ArrayList<>();
        List<Integer> tops = new ArrayList<>();
        int[] card = null;
        for (String part : m.group(1).split("\\|")) {
            String[] kv = part.split("@");
            if (kv[0].equals("card")) {
                String[] n = kv[1].split(",");
                card = new int[] {Integer.parseInt(n[0]), Integer.parseInt(n[1]), Integer.parseInt(n[2])};
            } else {
                headings.add(kv[0]);
                tops.add(Integer.parseInt(kv[1]));
            }
        }
        assertThat(headings).containsExactlyElementsOf(HTML_ORDER);
        assertThat(tops).as("laid out top to bottom in that order").isSorted();
        assertThat(tops.get(0)).as("the conclusion is on the first screen (1100 px)").isLessThan(1100 - 200);

        Path shot = dir.resolve("report.png");
        chromium(chromium, "--window-size=1280,1100", "--hide-scrollbars", "--screenshot=" + shot,
                page.toUri().toString());
        BufferedImage image = ImageIO.read(shot.toFile());
        assertThat(image).as("a PNG screenshot").isNotNull();
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(1100);
        // the first card under "Conclusion" is possible OIH, a warning: its left border is the warning colour on
        // the screenshot of the first screen
        assertThat(card).isNotNull();
        assertThat(card[1] + card[2] / 2).isLessThan(1100);
        // the 6-px border starts at the card's left edge; a few pixels of slack for sub-pixel centring
        int y = card[1] + card[2] / 2;
        boolean border = false;
        for (int x = Math.max(0, card[0] - 4); x <= card[0] + 8 && !border; x++) {
            border = near(image.getRGB(x, y) & 0xffffff, 0xd4a72c);
        }
        assertThat(border).as("warning border at the conclusion card, x %d..%d at y %d", card[0] - 4, card[0] + 8, y)
                .isTrue();
        assertThat(near(image.getRGB(card[0] + 40, y) & 0xffffff, 0xd4a72c)).as("and not inside the card").isFalse();
        if (System.getProperty("oih.report.screenshot") != null) {
            Files.copy(shot, Path.of(System.getProperty("oih.report.screenshot")),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static boolean near(int rgb, int expected) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((rgb >> shift) & 0xff) - ((expected >> shift) & 0xff)) > 24) {
                return false;
            }
        }
        return true;
    }

    private static Path chromium() {
        for (String p : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(p))) {
                return Path.of(p);
            }
        }
        return null;
    }

    /** Runs headless Chromium with its own profile and no network, and returns what it printed. */
    private String chromium(Path chromium, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("profile")), "--virtual-time-budget=5000"));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("out-" + System.nanoTime() + ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(dir.resolve("err.txt").toFile())
                .start();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
