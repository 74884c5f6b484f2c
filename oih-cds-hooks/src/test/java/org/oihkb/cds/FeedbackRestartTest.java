package org.oihkb.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedbackRestartTest {

    @TempDir
    Path dir;

    @Test
    void feedbackIsStillCountedAfterARestart() throws Exception {
        Tokens tokens = new Tokens();
        ServiceConfig config = TestService.config(dir,
                List.of(new ServiceConfig.Issuer(Tokens.ISS, tokens.writeJwks(dir), null)), false);
        Prefetch.FhirSearch none = (s, t, q) -> {
            throw new IllegalStateException("not used");
        };
        String body = """
                {"feedback": [
                  {"card": "OIH-010:0123456789abcdef", "outcome": "accepted",
                   "acceptedSuggestions": [{"id": "remove-draft:1"}], "outcomeTimestamp": "2026-01-15T10:00:00Z"},
                  {"card": "OIH-010:0123456789abcdef", "outcome": "overridden",
                   "overrideReason": {"reason": {"code": "already-discussed", "system": "urn:oih-kb:cds:override-reason"},
                                      "userComment": "free text is not stored"},
                   "outcomeTimestamp": "2026-01-15T10:01:00Z"}]}
                """;
        try (TestService first = new TestService(config, CdsHooksServerTest::emptyRecord, none, Clock.systemUTC())) {
            String aud = first.server.serviceUrl() + "/cds-services/oih-order-sign";
            HttpResponse<String> r = first.post("/cds-services/oih-order-sign/feedback", body,
                    tokens.valid(aud, Instant.now()));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("{\"stored\":2}");
        }
        try (TestService second = new TestService(config, CdsHooksServerTest::emptyRecord, none, Clock.systemUTC())) {
            JsonNode counts = new ObjectMapper().readTree(second.get("/feedback/summary").body()).get("counts");
            assertThat(counts.toString()).isEqualTo("[{\"service\":\"oih-order-sign\",\"cardType\":\"OIH-010\","
                    + "\"outcome\":\"accepted\",\"overrideReason\":null,\"count\":1},"
                    + "{\"service\":\"oih-order-sign\",\"cardType\":\"OIH-010\",\"outcome\":\"overridden\","
                    + "\"overrideReason\":\"already-discussed\",\"count\":1}]");
        }
    }

    @Test
    void feedbackWithABadOutcomeIsRefusedNamingIt() throws Exception {
        ServiceConfig config = TestService.config(dir, List.of(), true);
        try (TestService s = new TestService(config, CdsHooksServerTest::emptyRecord, (a, b, c) -> null,
                Clock.systemUTC())) {
            HttpResponse<String> r = s.post("/cds-services/oih-order-sign/feedback",
                    "{\"feedback\": [{\"card\": \"OIH-010:1\", \"outcome\": \"liked\"}]}", null);
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("feedback[0].outcome must be 'accepted' or 'overridden', was 'liked'");
        }
    }
}
