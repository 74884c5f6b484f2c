package org.oihkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad input: exit 2, one line naming file, field, value and expectation, no stack trace. */
class BadInputCliTest {

    private static final String HEAD = "\"format\": 1, \"asOf\": \"2025-03-01\", \"patient\": {\"id\": \"p1\"}";
    private static final String DOSE = "{\"drug\": \"oxycodone\", \"route\": \"oral\", \"dailyDose\": 40, \"unit\": \"mg\", "
            + "\"start\": \"2025-01-01\"}";

    static Stream<Arguments> badRecords() {
        return Stream.of(
                Arguments.of("missing asOf", "{\"format\": 1, \"patient\": {\"id\": \"p1\"}}",
                        "asOf is required (a date, YYYY-MM-DD), was missing"),
                Arguments.of("malformed asOf", "{\"format\": 1, \"asOf\": \"2025-02-30\", \"patient\": {\"id\": \"p1\"}}",
                        "asOf must be a date (YYYY-MM-DD), was '2025-02-30'"),
                Arguments.of("dose after asOf", "{" + HEAD + ", \"doses\": [" + DOSE.replace("2025-01-01", "2025-04-01") + "]}",
                        "doses[0].start must be on or before asOf (2025-03-01), was 2025-04-01"),
                Arguments.of("symptom after asOf", "{" + HEAD + ", \"symptoms\": [{\"date\": \"2025-03-02\", \"kind\": \"pain\", "
                        + "\"intensity\": 5}]}", "symptoms[0].date must be on or before asOf (2025-03-01), was 2025-03-02"),
                Arguments.of("negative dose", "{" + HEAD + ", \"doses\": [" + DOSE.replace("40", "-5") + "]}",
                        "doses[0].dailyDose must be > 0, was -5"),
                Arguments.of("zero dose", "{" + HEAD + ", \"doses\": [" + DOSE.replace("40", "0") + "]}",
                        "doses[0].dailyDose must be > 0, was 0"),
                Arguments.of("dose as text", "{" + HEAD + ", \"doses\": [" + DOSE.replace("40", "\"forty\"") + "]}",
                        "doses[0].dailyDose must be a number, was 'forty'"),
                Arguments.of("mg for a fentanyl patch", "{" + HEAD + ", \"doses\": [" + DOSE.replace("oxycodone", "fentanyl")
                        .replace("oral", "transdermal") + "]}", "doses[0].unit must be mcg/h for a transdermal fentanyl dose, was mg"),
                Arguments.of("end before start", "{" + HEAD + ", \"doses\": [" + DOSE.replace("}", ", \"end\": \"2024-12-01\"}")
                        + "]}", "doses[0].end must be on or after start (2025-01-01), was 2024-12-01"),
                Arguments.of("pain above 10", "{" + HEAD + ", \"symptoms\": [{\"date\": \"2025-02-01\", \"kind\": \"pain\", "
                        + "\"intensity\": 11}]}", "symptoms[0].intensity must be between 0 and 10, was 11"),
                Arguments.of("unknown code", "{" + HEAD + ", \"doses\": [" + DOSE.replace("oxycodone", "heroin") + "]}",
                        "doses[0].drug must be one of morphine, oxycodone, hydrocodone, hydromorphone, oxymorphone, codeine, "
                        + "tramadol, tapentadol, fentanyl, methadone, buprenorphine, meperidine, levorphanol, other, was 'heroin'"),
                Arguments.of("duplicate ids", "{" + HEAD + ", \"doses\": [" + DOSE.replace("{", "{\"id\": \"d1\", ") + ", "
                        + DOSE.replace("{", "{\"id\": \"d1\", ").replace("40", "60") + "]}",
                        "doses[1].id must be unique in the record (doses[0].id has the same id; identical facts without ids "
                        + "derive the same id), was 'd1'"),
                Arguments.of("not JSON", "{\"format\": 1,", "malformed input at line 1, column 14: Unexpected end-of-input"),
                Arguments.of("NaN", "{" + HEAD + ", \"doses\": [" + DOSE.replace("40", "NaN") + "]}",
                        "malformed input at line 1"),
                Arguments.of("format 2", "{\"format\": 2, \"asOf\": \"2025-03-01\", \"patient\": {\"id\": \"p1\"}}",
                        "format must be 1 (this version reads format 1), was 2"),
                Arguments.of("deep nesting", "{\"x\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}",
                        "input refused: Document nesting depth 33 exceeds the maximum allowed 32"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRecords")
    void badInputExitsTwoWithOneLine(String kind, String json, String message, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("record.json");
        Files.writeString(file, json);
        CliRun r = CliRun.of("assess", file.toString());
        assertThat(r.exit()).as(kind).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).startsWith("oih: " + file + ": " + message).doesNotContain("\tat ", "Exception");
    }

    @Test
    void aHugeRecordIsRefusedWithAMessage(@TempDir Path dir) throws Exception {
        StringBuilder json = new StringBuilder("{" + HEAD + ", \"symptoms\": [");
        for (int i = 0; i < 100_000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"date\": \"2025-01-01\", \"kind\": \"craving\"}");
        }
        Path file = dir.resolve("huge.json");
        Files.writeString(file, json.append("]}").toString());
        CliRun r = CliRun.of("assess", file.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("oih: " + file + ": symptoms must hold at most 20000 facts, was 100000 facts"
                + System.lineSeparator());
    }

    @Test
    void anImplausibleDoseIsFlaggedAndExplainedNotRejected(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("absurd.json");
        Files.writeString(file, "{" + HEAD + ", \"doses\": [" + DOSE.replace("oxycodone", "hydromorphone").replace("40", "4000")
                + "]}");
        CliRun r = CliRun.of("assess", file.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("above the plausible maximum of 10000; check the dose and its unit")
                .doesNotContain("EXP-050");
    }

    @Test
    void anEmptyRecordIsAssessedAndSaysSo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("empty.json");
        Files.writeString(file, "{" + HEAD + "}");
        CliRun r = CliRun.of("assess", file.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("DQ-001", "nothing to assess");
    }
}
