package org.oihkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OihCliTest {

    private static final Path EXAMPLE = Path.of("examples", "possible-oih.json");

    @Test
    void assessPrintsReadableText() {
        CliRun r = CliRun.of("assess", EXAMPLE.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("decision support", "EXPOSURE", "FINDINGS", "EXP-050", "MME/day");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void assessPrintsContractJson() throws Exception {
        CliRun r = CliRun.of("assess", EXAMPLE.toString(), "--format", "json");
        assertThat(r.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("format").asInt()).isEqualTo(1);
        assertThat(json.get("knowledgeBase").get("mmeEdition").asText()).isEqualTo("cdc-2022");
        assertThat(json.get("exposure").get("currentMmePerDay").isNumber()).isTrue();
        assertThat(json.get("findings").isArray()).isTrue();
    }

    @Test
    void editionSwitchChangesTheTable() throws Exception {
        CliRun r = CliRun.of("assess", EXAMPLE.toString(), "--format", "json", "--edition", "cdc-2016");
        assertThat(r.exit()).isZero();
        assertThat(new ObjectMapper().readTree(r.out()).get("knowledgeBase").get("mmeEdition").asText())
                .isEqualTo("cdc-2016");
    }

    @Test
    void invalidRecordExitsTwoWithOneLineNamingFileFieldAndValue(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, """
                {"format": 1, "asOf": "2025-03-01", "patient": {"id": "x"},
                 "doses": [{"drug": "oxycodone", "route": "oral", "dailyDose": -5, "unit": "mg", "start": "2025-01-01"}]}
                """);
        CliRun r = CliRun.of("assess", bad.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("oih: " + bad + ": doses[0].dailyDose must be > 0, was -5" + System.lineSeparator());
    }

    @Test
    void malformedJsonExitsTwoWithoutStackTrace(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("broken.json");
        Files.writeString(bad, "{\"format\": 1, \"asOf\": ");
        CliRun r = CliRun.of("assess", bad.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("oih: " + bad + ": malformed input at line 1").doesNotContain("\tat ");
        assertThat(r.err().lines().count()).isEqualTo(1);
    }

    @Test
    void missingFileExitsTwo() {
        CliRun r = CliRun.of("assess", "no-such-file.json");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no-such-file.json: no such file");
    }

    @Test
    void unknownEditionExitsTwo() {
        CliRun r = CliRun.of("assess", EXAMPLE.toString(), "--edition", "cdc-2030");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--edition must be one of cdc-2022, cdc-2016, cdc-analytic, was 'cdc-2030'");
    }

    @Test
    void unknownFieldIsAWarningNotAFailure(@TempDir Path dir) throws Exception {
        Path rec = dir.resolve("extra.json");
        Files.writeString(rec, """
                {"format": 1, "asOf": "2025-03-01", "patient": {"id": "x"}, "colour": "blue"}
                """);
        CliRun r = CliRun.of("assess", rec.toString(), "--format", "json");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).contains("warning: Unknown field 'colour' was ignored");
        assertThat(r.out()).contains("INPUT-001");
    }

    @Test
    void writesToOutFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("a.json");
        CliRun r = CliRun.of("assess", EXAMPLE.toString(), "--format", "json", "--out", out.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(out)).contains("\"findings\"");
    }

    @Test
    void aRecordSavedWithAByteOrderMarkIsRead(@TempDir Path dir) throws Exception {
        Path rec = dir.resolve("bom.json");
        Files.write(rec, ("\uFEFF" + Files.readString(EXAMPLE)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        CliRun r = CliRun.of("assess", rec.toString(), "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        Path lines = dir.resolve("bom.jsonl");
        Files.write(lines, ("\uFEFF{\"asOf\": \"2025-03-01\", \"patient\": {\"id\": \"p\"}}\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        CliRun s = CliRun.of("screen", lines.toString(), "--out", dir.resolve("out.jsonl").toString());
        assertThat(s.exit()).as(s.err()).isZero();
    }
}
