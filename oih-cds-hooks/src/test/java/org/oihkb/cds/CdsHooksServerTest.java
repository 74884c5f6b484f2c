package org.oihkb.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oihkb.model.Patient;
import org.oihkb.model.PatientRecord;

class CdsHooksServerTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String REQUEST = """
            {"hookInstance": "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea", "hook": "patient-view",
             "context": {"userId": "Practitioner/1", "patientId": "p-1"},
             "extension": {"org.oihkb.asOf": "2025-03-01"},
             "prefetch": {"patient": {"resourceType": "Patient", "id": "p-1"},
                          "medicationRequests": {"resourceType": "Bundle", "type": "searchset"},
                          "observations": {"resourceType": "Bundle", "type": "searchset"}}}
            """;

    @TempDir
    static Path dir;
    static Tokens tokens;
    static TestService service;
    static String aud;

    @BeforeAll
    static void start() throws Exception {
        tokens = new Tokens();
        ServiceConfig config = TestService.config(dir,
                List.of(new ServiceConfig.Issuer(Tokens.ISS, tokens.writeJwks(dir), null)), false);
        service = new TestService(config, CdsHooksServerTest::emptyRecord, (s, t, q) -> {
            throw new IllegalStateException("not used");
        }, Clock.systemUTC());
        aud = service.server.serviceUrl() + "/cds-services/oih-patient-view";
    }

    static RecordSource.Mapping emptyRecord(String json, LocalDate asOf) {
        return new RecordSource.Mapping(PatientRecord.builder(asOf, Patient.of("p-1")).build(), List.of());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void discoveryListsTheThreeServicesWithPrefetch() throws Exception {
        HttpResponse<String> r = service.get("/cds-services");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode services = JSON.readTree(r.body()).get("services");
        assertThat(services).hasSize(3);
        assertThat(services.findValuesAsText("hook")).containsExactly("patient-view", "order-select", "order-sign");
        assertThat(services.findValuesAsText("id"))
                .containsExactly("oih-patient-view", "oih-order-select", "oih-order-sign");
        assertThat(services.get(2).get("prefetch").get("medicationRequests").asText())
                .isEqualTo("MedicationRequest?patient={{context.patientId}}");
    }

    @Test
    void aValidJwtGetsCards() throws Exception {
        HttpResponse<String> r = service.post("/cds-services/oih-patient-view", REQUEST,
                tokens.valid(aud, Instant.now()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("cards").isArray()).isTrue();
    }

    private void refused(String bearer, String reason) throws Exception {
        int before = service.reads.get();
        HttpResponse<String> r = service.post("/cds-services/oih-patient-view", REQUEST, bearer);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(r.body()).get("reason").asText()).isEqualTo(reason);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        assertThat(service.reads.get()).as("nothing assessed").isEqualTo(before);
    }

    @Test
    void missingJwtIs401AndNothingIsAssessed() throws Exception {
        refused(null, "missing Authorization header (Bearer JWT required)");
    }

    @Test
    void badSignatureIs401AndNothingIsAssessed() throws Exception {
        Instant now = Instant.now();
        refused(Tokens.sign(tokens.otherKeySameKid, Tokens.ISS, aud, now, now.plusSeconds(60), "forged"),
                "Signed JWT rejected: Invalid signature");
    }

    @Test
    void wrongAudienceIs401AndNothingIsAssessed() throws Exception {
        Instant now = Instant.now();
        refused(tokens.token("https://elsewhere.test", now, now.plusSeconds(60), "aud-1"),
                "JWT aud claim rejected");
    }

    @Test
    void expiredJwtIs401AndNothingIsAssessed() throws Exception {
        Instant now = Instant.now();
        refused(tokens.token(aud, now.minusSeconds(600), now.minusSeconds(300), "expired-1"), "Expired JWT");
    }

    @Test
    void replayedJtiIs401AndNothingIsAssessed() throws Exception {
        Instant now = Instant.now();
        String token = tokens.token(aud, now, now.plusSeconds(60), "replay-1");
        assertThat(service.post("/cds-services/oih-patient-view", REQUEST, token).statusCode()).isEqualTo(200);
        refused(token, "JWT jti was already used (replay)");
    }

    @Test
    void feedbackWithoutJwtIs401() throws Exception {
        HttpResponse<String> r = service.post("/cds-services/oih-patient-view/feedback",
                "{\"feedback\": [{\"card\": \"OIH-010:abc\", \"outcome\": \"accepted\"}]}", null);
        assertThat(r.statusCode()).isEqualTo(401);
    }

    @Test
    void theWrongHookIs400NamingIt() throws Exception {
        HttpResponse<String> r = service.post("/cds-services/oih-order-sign", REQUEST,
                tokens.valid(service.server.serviceUrl(), Instant.now()));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("reason").asText())
                .isEqualTo("hook must be 'order-sign' for service oih-order-sign, was 'patient-view'");
    }

    @Test
    void anUnknownServiceIs404() throws Exception {
        HttpResponse<String> r = service.post("/cds-services/nope", REQUEST, null);
        assertThat(r.statusCode()).isEqualTo(404);
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        String big = "{\"pad\": \"" + "x".repeat(250_000) + "\"}";
        HttpResponse<String> r = service.post("/cds-services/oih-patient-view", big,
                tokens.valid(aud, Instant.now()));
        assertThat(r.statusCode()).isEqualTo(413);
    }

    @Test
    void healthAndMetricsAnswer() throws Exception {
        service.get("/cds-services");
        HttpResponse<String> h = service.get("/health");
        assertThat(h.statusCode()).isEqualTo(200);
        JsonNode health = JSON.readTree(h.body());
        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.get("rules").asInt()).isEqualTo(TestService.ENGINE.rules().size());
        JsonNode m = JSON.readTree(service.get("/metrics").body()).get("GET /cds-services");
        assertThat(m.get("count").asLong()).isPositive();
        assertThat(m.get("byStatus").get("200").asLong()).isEqualTo(m.get("count").asLong());
        assertThat(m.get("p99Millis").asDouble()).isGreaterThanOrEqualTo(m.get("p50Millis").asDouble());
    }

    @Test
    void ruleLinksAnswer() throws Exception {
        HttpResponse<String> r = service.get("/rules/OIH-010");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<h1>OIH-010 Possible opioid-induced hyperalgesia</h1>");
        assertThat(service.get("/rules/XYZ-999").statusCode()).isEqualTo(404);
    }
}
