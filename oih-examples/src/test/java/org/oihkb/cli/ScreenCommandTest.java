package org.oihkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Population screening: every line assessed or reported, in input order, on several threads. */
class ScreenCommandTest {

    private static int run(StringWriter err, String... args) {
        CommandLine cli = new CommandLine(new OihCli());
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /**
     * 10,000 records by default; the 100,000-record run of earlier rounds is {@code bench/screen-large.sh}
     * (a population that size belongs in a benchmark, not in every build).
     */
    private static final int RECORDS = Integer.getInteger("oih.screen.records", 10_000);

    @Test
    void everyRecordAssessedOrRejectedWithOnePercentMalformed(@TempDir Path dir) throws Exception {
        int malformed = RECORDS / 100;
        Path input = dir.resolve("population.jsonl");
        Path out = dir.resolve("results.jsonl");
        Path errors = dir.resolve("errors.jsonl");
        assertThat(run(new StringWriter(), "generate", Integer.toString(RECORDS), "--size", "SMALL", "--malformed-every", "100",
                "--out", input.toString())).isZero();
        StringWriter err = new StringWriter();
        int exit = run(err, "screen", input.toString(), "--out", out.toString(), "--errors", errors.toString(),
                "--threads", "2");
        assertThat(exit).as("some records were rejected").isEqualTo(1);
        assertThat(err.toString()).contains((RECORDS - malformed) + " assessed, " + malformed + " rejected").contains("records/s")
                .contains("findings by id:").contains("OIH-010=");

        ObjectMapper json = new ObjectMapper();
        long n = 0;
        try (BufferedReader results = Files.newBufferedReader(out)) {
            String line;
            long expectedIndex = 0;
            while ((line = results.readLine()) != null) {
                if (expectedIndex % 100 == 99) {
                    expectedIndex++;
                }
                if (n % 997 == 0) {
                    JsonNode a = json.readTree(line);
                    assertThat(a.get("recordId").asText()).as("input order").isEqualTo("rec-" + expectedIndex);
                }
                expectedIndex++;
                n++;
            }
        }
        assertThat(n).isEqualTo(RECORDS - malformed);
        long errorLines = 0;
        try (BufferedReader errs = Files.newBufferedReader(errors)) {
            String line;
            while ((line = errs.readLine()) != null) {
                JsonNode e = json.readTree(line);
                assertThat(e.get("line").asLong() % 100).isZero();
                assertThat(e.get("error").asText()).isNotBlank();
                errorLines++;
            }
        }
        assertThat(errorLines).isEqualTo(malformed);
    }

    @Test
    void theSummaryHoldsTheIdsAndFiguresOfTheFullAssessment(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("examples.jsonl");
        ObjectMapper json = new ObjectMapper();
        StringBuilder lines = new StringBuilder();
        for (String example : new String[] {"possible-oih", "withdrawal", "oud-on-moud"}) {
            lines.append(json.readTree(Path.of("examples", example + ".json").toFile()).toString()).append('\n');
        }
        Files.writeString(input, lines);
        Path full = dir.resolve("full.jsonl");
        Path summary = dir.resolve("summary.jsonl");
        assertThat(run(new StringWriter(), "screen", input.toString(), "--out", full.toString())).isZero();
        assertThat(run(new StringWriter(), "screen", input.toString(), "--output", "summary", "--out",
                summary.toString())).isZero();

        var fullLines = Files.readAllLines(full);
        var summaryLines = Files.readAllLines(summary);
        assertThat(summaryLines).hasSize(3);
        for (int i = 0; i < 3; i++) {
            JsonNode f = json.readTree(fullLines.get(i));
            JsonNode s = json.readTree(summaryLines.get(i));
            assertThat(s.get("recordId")).isEqualTo(f.get("recordId"));
            assertThat(s.get("patientId")).isEqualTo(f.get("patientId"));
            assertThat(s.get("asOf")).isEqualTo(f.get("asOf"));
            assertThat(s.get("currentMmePerDay")).isEqualTo(f.get("exposure").get("currentMmePerDay"));
            assertThat(s.get("peakMmePerDay")).isEqualTo(f.get("exposure").get("peakMmePerDay"));
            assertThat(s.get("complete")).isEqualTo(f.get("exposure").get("complete"));
            for (String list : new String[] {"findings", "options", "dataQuality"}) {
                var ids = json.createArrayNode();
                f.get(list).forEach(x -> ids.add(x.get("id")));
                assertThat(s.get(list)).as(list).isEqualTo(ids);
            }
            assertThat(summaryLines.get(i).length()).isLessThan(fullLines.get(i).length() / 10);
        }
        JsonNode first = json.readTree(summaryLines.get(0));
        assertThat(first.get("recordId").asText()).isEqualTo("example-possible-oih");
        assertThat(first.get("currentMmePerDay").asInt()).isEqualTo(135);
        assertThat(json.convertValue(first.get("findings"), java.util.List.class)).contains("OIH-010");
    }

    @Test
    void anOverlongLineIsRejectedWithoutLoadingIt(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("big.jsonl");
        StringBuilder line = new StringBuilder("{\"format\": 1, \"x\": \"");
        line.append("a".repeat(ScreenCommand.MAX_LINE_CHARS + 10)).append("\"}\n");
        Files.writeString(input, line + "{\"format\": 1, \"asOf\": \"2025-03-01\", \"patient\": {\"id\": \"p\"}}\n");
        StringWriter err = new StringWriter();
        int exit = run(err, "screen", input.toString(), "--out", dir.resolve("o.jsonl").toString(), "--threads", "1");
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("oih: line 1: line longer than " + ScreenCommand.MAX_LINE_CHARS)
                .contains("1 assessed, 1 rejected");
        assertThat(Files.readAllLines(dir.resolve("o.jsonl"))).hasSize(1);
    }
}
