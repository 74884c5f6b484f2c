package org.oihkb.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class CorsAndLoggingTest {

    @TempDir
    Path dir;

    @Test
    void aConfiguredOriginMayCallFromABrowserAndOthersMayNot() throws Exception {
        ServiceConfig c = TestService.config(dir, List.of(), true);
        c = new ServiceConfig(c.host(), c.port(), c.serviceUrl(), c.issuers(), true,
                List.of("https://sandbox.cds-hooks.org"), c.maxRequestBytes(), c.requestTimeoutMillis(),
                c.fetchTimeoutMillis(), c.allowedFhirServers(), c.feedbackDatabase(), null, c.jwtClockSkewSeconds());
        try (TestService s = FhirService.start(c)) {
            HttpResponse<String> ok = s.http.send(HttpRequest.newBuilder(URI.create(s.url("/cds-services")))
                    .header("Origin", "https://sandbox.cds-hooks.org").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ok.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://sandbox.cds-hooks.org");
            HttpResponse<String> other = s.http.send(HttpRequest.newBuilder(URI.create(s.url("/cds-services")))
                    .header("Origin", "https://evil.example").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Test
    void noPatientIdentifierOrValueIsLoggedAboveDebug() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        root.addAppender(events);
        Level before = root.getLevel();
        root.setLevel(Level.DEBUG);
        try (TestService s = FhirService.start(FhirService.insecure(dir))) {
            assertThat(s.post("/cds-services/oih-order-sign", FhirService.example("order-sign-possible-oih"), null)
                    .statusCode()).isEqualTo(200);
            assertThat(s.post("/cds-services/oih-order-sign", "{\"hook\": \"order-sign\", \"hookInstance\": \"x\", "
                    + "\"context\": {\"patientId\": \"demo-oih-001\"}, \"extension\": {\"org.oihkb.asOf\": "
                    + "\"2025-13-45\"}}", null).statusCode()).isEqualTo(400);
        } finally {
            root.detachAppender(events);
            root.setLevel(before);
        }
        assertThat(events.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("demo-oih-001"));
        assertThat(events.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                .allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain("demo-oih-001", "2025-13-45",
                        "120 mg", "oxycodone"));
    }
}
