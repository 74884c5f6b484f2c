package org.oihkb.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every CDC opioid CDS request file (testdata/cdc-opioid-cases/opioid-cds-r4/requests, CC0) posted with a
 * signed JWT to the service for its hook answers 200 with valid CDS Hooks cards, or none. Their fhirServer
 * (localhost:8080) is outside the allow-list, so nothing is fetched and the cards say what was missing.
 */
class CdcRequestsTest {

    static final Map<String, String> SERVICE = Map.of("patient-view", "oih-patient-view",
            "order-select", "oih-order-select", "order-sign", "oih-order-sign");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static List<Path> requests() throws Exception {
        Path root = Path.of(System.getProperty("oih.testdata", "../testdata/cdc-opioid-cases"),
                "opioid-cds-r4", "requests");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void everyRequestFileGetsValidCardsOrNone() throws Exception {
        List<Path> files = requests();
        assertThat(files).hasSize(66);
        Tokens tokens = new Tokens();
        ServiceConfig config = TestService.config(dir,
                List.of(new ServiceConfig.Issuer(Tokens.ISS, tokens.writeJwks(dir), null)), false);
        int withCards = 0;
        try (TestService s = FhirService.start(config)) {
            for (Path file : files) {
                String body = Files.readString(file);
                String service = SERVICE.get(JSON.readTree(body).get("hook").asText());
                String aud = s.server.serviceUrl() + "/cds-services/" + service;
                HttpResponse<String> r = s.post("/cds-services/" + service, body, tokens.valid(aud, Instant.now()));
                assertThat(r.statusCode()).as(file + ": " + r.body()).isEqualTo(200);
                JsonNode cards = JSON.readTree(r.body()).get("cards");
                assertThat(cards.isArray()).as(file.toString()).isTrue();
                for (JsonNode c : cards) {
                    CardShape.assertValid(c, file.toString());
                }
                withCards += cards.isEmpty() ? 0 : 1;
            }
        }
        assertThat(withCards).as("requests answered with at least one card").isPositive();
    }
}
