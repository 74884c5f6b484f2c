package org.oihkb.cds;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.oihkb.engine.OihEngine;

/** A service on 127.0.0.1 and an ephemeral port, with a real HTTP client. */
final class TestService implements AutoCloseable {

    static final OihEngine ENGINE = OihEngine.create();

    final CdsHooksServer server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final AtomicInteger reads = new AtomicInteger();

    TestService(ServiceConfig config, RecordSource source, Prefetch.FhirSearch search, Clock clock) {
        RecordSource counting = (json, asOf) -> {
            reads.incrementAndGet();
            return source.read(json, asOf);
        };
        server = CdsHooksServer.start(config, ENGINE, counting, search,
                new SqliteFeedbackStore(config.feedbackDatabase()), clock);
    }

    static ServiceConfig config(Path dir, List<ServiceConfig.Issuer> issuers, boolean insecure) {
        return new ServiceConfig("127.0.0.1", 0, null, issuers, insecure, List.of(), 200_000, 10_000, 2_000,
                List.of("http://127.0.0.1"), dir.resolve("feedback.sqlite"), null, 30);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        server.stop();
    }
}
