package org.oihkb.cds;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.oihkb.fhir.FhirRecords;

/** The service as the jar wires it (oih-fhir reading, HAPI fetching), on 127.0.0.1 and an ephemeral port. */
final class FhirService {

    static final FhirRecords FHIR = FhirRecords.create();

    static {
        FHIR.prewarm();
    }

    private FhirService() {
    }

    static TestService start(ServiceConfig config) {
        return new TestService(patient(config), Wiring.recordSource(FHIR), Wiring.fhirSearch(FHIR, config),
                Clock.systemUTC());
    }

    static ServiceConfig insecure(Path dir) {
        return TestService.config(dir, List.of(), true);
    }

    /** A call may take long on a loaded machine the first time (HAPI's and Drools' first use). */
    static ServiceConfig patient(ServiceConfig c) {
        return timeouts(c, 120_000, c.fetchTimeoutMillis());
    }

    static ServiceConfig timeouts(ServiceConfig c, long requestMillis, long fetchMillis) {
        return new ServiceConfig(c.host(), c.port(), c.serviceUrl(), c.issuers(), c.insecureDev(), c.corsOrigins(),
                c.maxRequestBytes(), requestMillis, fetchMillis, c.allowedFhirServers(), c.feedbackDatabase(),
                c.asOf(), c.jwtClockSkewSeconds());
    }

    /** A bundled demo example request. */
    static String example(String name) throws IOException {
        try (InputStream in = FhirService.class.getResourceAsStream("/org/oihkb/cds/examples/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
