package org.oihkb.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled FHIR requests over HTTP: an escalating draft order against possible OIH, and against tolerance. */
class OrderSignTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static TestService service;

    @BeforeAll
    static void start() {
        service = FhirService.start(FhirService.insecure(dir));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    static JsonNode cards(String example, String serviceId) throws Exception {
        HttpResponse<String> r = service.post("/cds-services/" + serviceId, FhirService.example(example), null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode cards = JSON.readTree(r.body()).get("cards");
        cards.forEach(c -> CardShape.assertValid(c, example));
        return cards;
    }

    @Test
    void possibleOihWithAnEscalatingDraftSaysDoNotAnswerThisPainWithAHigherDose() throws Exception {
        JsonNode cards = cards("order-sign-possible-oih", "oih-order-sign");
        JsonNode card = cards.get(0);
        assertThat(card.get("summary").asText()).as(cards.toString()).isEqualTo(CardBuilder.DO_NOT_ESCALATE);
        assertThat(card.get("indicator").asText()).isEqualTo("warning");
        JsonNode action = card.get("suggestions").get(0).get("actions").get(0);
        assertThat(action.get("type").asText()).isEqualTo("delete");
        assertThat(action.get("resourceId").toString()).isEqualTo("[\"MedicationRequest/draft-oxy-120\"]");
        assertThat(card.get("detail").asText()).contains("Assessed as of 2025-03-01 (the draft order's authoredOn)");
    }

    @Test
    void theSameDraftWithAToleranceHistoryGetsNoSuchCard() throws Exception {
        JsonNode cards = cards("order-sign-tolerance", "oih-order-sign");
        assertThat(cards.findValuesAsText("summary")).doesNotContain(CardBuilder.DO_NOT_ESCALATE);
        assertThat(cards.findValues("suggestions")).isEmpty();
    }

    @Test
    void patientViewOfThePossibleOihHistoryHasNoOrderCard() throws Exception {
        JsonNode cards = cards("patient-view-possible-oih", "oih-patient-view");
        assertThat(cards.findValuesAsText("summary")).doesNotContain(CardBuilder.DO_NOT_ESCALATE);
        assertThat(cards.findValues("suggestions")).isEmpty();
    }

    @Test
    void orderSelectOfThePossibleOihHistorySaysItToo() throws Exception {
        JsonNode cards = cards("order-select-possible-oih", "oih-order-select");
        assertThat(cards.findValuesAsText("summary")).contains(CardBuilder.DO_NOT_ESCALATE);
    }
}
