package org.oihkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code oih assess} on FHIR input: the CDC opioid CDS requests and bad FHIR files. */
class FhirAssessCliTest {

    static final Path CASES = Path.of("../testdata/cdc-opioid-cases");
    static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> requests() throws IOException {
        try (Stream<Path> files = Files.walk(CASES.resolve("opioid-cds-r4/requests"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void everyCdcRequestIsAssessed(Path request) throws IOException {
        CliRun run = CliRun.of("assess", request.toString(), "--format", "json", "--as-of", "2023-05-01");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode a = JSON.readTree(run.out());
        assertThat(a.path("asOf").asText()).isEqualTo("2023-05-01");
    }

    @Test
    void theFentanylPatchRequestShows180Mme() throws IOException {
        CliRun run = CliRun.of("assess", CASES.resolve("opioid-cds-r4/requests/OpioidCDSREC04_05/"
                + "request-example-rec-04-05-mme-greater-than-fifty.json").toString(), "--format", "json");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out()).path("exposure").path("currentMmePerDay").asDouble()).isEqualTo(180.0);
    }

    @Test
    void noPrefetchSaysSoInTheDataQuality() throws IOException {
        CliRun run = CliRun.of("assess", CASES.resolve("opioid-cds-r4/requests/OpioidCDSREC08OrderSign/noPrefetch.json")
                .toString(), "--format", "json", "--as-of", "2023-05-01");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out()).path("dataQuality").toString()).contains("no prefetch");
    }

    @Test
    void aBundleWithoutADateNeedsAsOf(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bundle.json");
        Files.writeString(file, "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":"
                + "{\"resourceType\":\"Patient\",\"id\":\"p1\"}}]}");

        CliRun run = CliRun.of("assess", file.toString());

        assertThat(run.exit()).isEqualTo(OihCli.INVALID_INPUT);
        assertThat(run.err().strip()).isEqualTo("oih: " + file + ": asOf: is required: the Bundle has no timestamp to "
                + "take it from");
    }

    @Test
    void anUnknownResourceTypeIsOneLineAndExit2(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("banana.json");
        Files.writeString(file, "{\"resourceType\":\"Banana\"}");

        CliRun run = CliRun.of("assess", file.toString(), "--as-of", "2023-05-01");

        assertThat(run.exit()).isEqualTo(OihCli.INVALID_INPUT);
        assertThat(run.err().strip()).isEqualTo("oih: " + file + ": resource.resourceType: is not a FHIR R4 resource "
                + "type (found 'Banana')");
    }

    @Test
    void aNegativeDoseIsOneLineAndExit2(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("minus5.json");
        Files.writeString(file, "{\"resourceType\":\"MedicationRequest\",\"id\":\"m1\",\"status\":\"active\","
                + "\"intent\":\"order\",\"subject\":{\"reference\":\"Patient/p1\"},\"authoredOn\":\"2023-04-01\","
                + "\"medicationCodeableConcept\":{\"coding\":[{\"system\":\"http://www.nlm.nih.gov/research/umls/rxnorm\","
                + "\"code\":\"1049683\"}]},\"dosageInstruction\":[{\"doseAndRate\":[{\"doseQuantity\":{\"value\":-5,"
                + "\"unit\":\"tablet\"}}]}]}");

        CliRun run = CliRun.of("assess", file.toString(), "--as-of", "2023-05-01");

        assertThat(run.exit()).isEqualTo(OihCli.INVALID_INPUT);
        assertThat(run.err().strip()).isEqualTo("oih: " + file + ": MedicationRequest/m1.dosageInstruction[0]"
                + ".doseAndRate[0].doseQuantity.value: a dose must be > 0 (found -5 tablet)");
    }

    @Test
    void asOfIsForFhirInputOnly(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("record.json");
        Files.writeString(file, "{\"format\": 1, \"asOf\": \"2025-03-01\", \"patient\": {\"id\": \"p1\"}}");

        CliRun run = CliRun.of("assess", file.toString(), "--as-of", "2023-05-01");

        assertThat(run.exit()).isEqualTo(OihCli.INVALID_INPUT);
        assertThat(run.err()).contains("--as-of applies to FHIR input only");
    }

    @Test
    void aBundleOf100000EntriesIsOneLineAndExit2(@TempDir Path dir) throws IOException {
        StringBuilder bundle = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"collection\","
                + "\"timestamp\":\"2023-05-01T00:00:00Z\",\"entry\":[");
        for (int i = 0; i < 100_000; i++) {
            bundle.append(i == 0 ? "" : ",").append("{\"resource\":{\"resourceType\":\"Observation\",\"id\":\"o")
                    .append(i).append("\",\"status\":\"final\"}}");
        }
        Path file = dir.resolve("huge.json");
        Files.writeString(file, bundle.append("]}"));

        CliRun run = CliRun.of("assess", file.toString());

        assertThat(run.exit()).isEqualTo(OihCli.INVALID_INPUT);
        assertThat(run.err().strip()).isEqualTo("oih: " + file + ": Bundle.entry: one input may hold at most 20000 "
                + "resources (found 100000 resources)");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void textThatIsNotJsonIsOneLineAndExit2(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "Patient reports pain 8/10, oxycodone 10 mg q4h\n");

        CliRun run = CliRun.of("assess", file.toString());

        assertThat(run.exit()).isEqualTo(OihCli.INVALID_INPUT);
        assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).startsWith("oih: " + file + ": ").doesNotContain("Exception").doesNotContain("\tat ");
    }
}
