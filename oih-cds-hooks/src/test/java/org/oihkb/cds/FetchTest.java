package org.oihkb.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request without prefetch: the service searches the request's fhirServer (a stub FHIR server on
 * 127.0.0.1) with its fhirAuthorization token through HAPI's client, and a server too slow for the time
 * limit is named in the card.
 */
class FetchTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> CALLS = new CopyOnWriteArrayList<>();

    @TempDir
    static Path dir;
    static Javalin ehr;
    static JsonNode example;

    @BeforeAll
    static void startEhr() throws Exception {
        example = JSON.readTree(FhirService.example("order-sign-possible-oih"));
        JsonNode prefetch = example.get("prefetch");
        Map<String, JsonNode> byType = Map.of("Patient", prefetch.get("patient"),
                "MedicationRequest", prefetch.get("medicationRequests"),
                "MedicationStatement", prefetch.get("medicationStatements"),
                "Observation", prefetch.get("observations"), "Condition", prefetch.get("conditions"));
        ehr = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.get("/fast/fhir/{type}", ctx -> answer(ctx, byType.get(ctx.pathParam("type"))));
            cfg.routes.get("/fast/fhir/{type}/{id}", ctx -> answer(ctx, byType.get(ctx.pathParam("type"))));
            cfg.routes.get("/slow/fhir/{type}", ctx -> {
                if (ctx.pathParam("type").equals("Observation")) {
                    Thread.sleep(3_000);
                }
                answer(ctx, byType.get(ctx.pathParam("type")));
            });
            cfg.routes.get("/slow/fhir/{type}/{id}", ctx -> answer(ctx, byType.get(ctx.pathParam("type"))));
        }).start("127.0.0.1", 0);
    }

    static void answer(io.javalin.http.Context ctx, JsonNode body) throws Exception {
        CALLS.add(ctx.path() + "?" + ctx.queryString() + " " + ctx.header("Authorization"));
        ctx.contentType("application/fhir+json").result(JSON.writeValueAsString(body));
    }

    @AfterAll
    static void stopEhr() {
        ehr.stop();
    }

    static String withoutPrefetch(String server) {
        ObjectNode r = example.deepCopy();
        r.remove("prefetch");
        r.put("fhirServer", "http://127.0.0.1:" + ehr.port() + server);
        r.putObject("fhirAuthorization").put("access_token", "tok-ehr-1").put("token_type", "Bearer")
                .put("expires_in", 300).put("scope", "patient/*.read").put("subject", "oih-cds");
        return r.toString();
    }

    @Test
    void missingPrefetchIsFetchedWithTheTokenAndGivesTheSameCards() throws Exception {
        CALLS.clear();
        // generous: the first HAPI client call of a JVM on a loaded machine takes seconds
        ServiceConfig c = FhirService.timeouts(FhirService.insecure(dir.resolve("a")), 120_000, 60_000);
        try (TestService s = FhirService.start(c)) {
            HttpResponse<String> r = s.post("/cds-services/oih-order-sign", withoutPrefetch("/fast/fhir"), null);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode cards = JSON.readTree(r.body()).get("cards");
            assertThat(cards.get(0).get("summary").asText()).as(cards.toString()).isEqualTo(CardBuilder.DO_NOT_ESCALATE);
            assertThat(cards.get(0).get("detail").asText()).doesNotContain("Not available to this check");
        }
        assertThat(CALLS).containsExactlyInAnyOrder(
                "/fast/fhir/Patient/demo-oih-001?null Bearer tok-ehr-1",
                "/fast/fhir/MedicationRequest?patient=demo-oih-001 Bearer tok-ehr-1",
                "/fast/fhir/MedicationStatement?patient=demo-oih-001 Bearer tok-ehr-1",
                "/fast/fhir/Observation?patient=demo-oih-001 Bearer tok-ehr-1",
                "/fast/fhir/Condition?patient=demo-oih-001 Bearer tok-ehr-1");
    }

    @Test
    void aServerSlowerThanTheLimitIsNamedInTheCard() throws Exception {
        ServiceConfig c = FhirService.timeouts(FhirService.insecure(dir.resolve("b")), 120_000, 800);
        try (TestService s = FhirService.start(c)) {
            HttpResponse<String> r = s.post("/cds-services/oih-order-sign", withoutPrefetch("/slow/fhir"), null);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode cards = JSON.readTree(r.body()).get("cards");
            assertThat(cards.findValuesAsText("detail")).allSatisfy(d -> assertThat(d).contains(
                    "Observations (pain scores, QTc, kidney function) (Observation): the FHIR server did not answer "
                            + "within 800 ms"));
            assertThat(cards.findValuesAsText("uuid")).anySatisfy(u -> assertThat(u).startsWith("CDS-001:"));
        }
    }
}
