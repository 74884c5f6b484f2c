package org.oihkb.cds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How one service process runs: where it listens, whom it trusts, where it keeps feedback. Read from the
 * JSON file given with {@code --config}; every field is optional and has the default below.
 *
 * <pre>{@code
 * {
 *   "host": "127.0.0.1", "port": 8085,
 *   "serviceUrl": "https://cds.example.org",
 *   "issuers": [{"iss": "https://ehr.example.org", "jwksUrl": "https://ehr.example.org/jwks.json"},
 *               {"iss": "sandbox", "jwksFile": "sandbox-jwks.json"}],
 *   "corsOrigins": ["https://sandbox.cds-hooks.org"],
 *   "feedbackDatabase": "oih-cds-feedback.sqlite",
 *   "allowedFhirServers": ["https://ehr.example.org/fhir"],
 *   "asOf": null
 * }
 * }</pre>
 *
 * @param host the address to bind
 * @param port the port; 0 picks a free one
 * @param serviceUrl this service's public base URL: the JWT {@code aud} must be it or one of its endpoints,
 *                   and card links point under it; {@code null} means {@code http://host:port}
 * @param issuers the EHRs whose JWTs are accepted, each with its key set
 * @param insecureDev accept requests without a JWT (the public CDS Hooks sandbox); logged as a warning
 * @param corsOrigins origins allowed to call from a browser; {@code *} for any; empty for none
 * @param maxRequestBytes the largest request body accepted
 * @param requestTimeoutMillis the longest one hook call may take, fetches and assessment included
 * @param fetchTimeoutMillis the longest one FHIR search may take
 * @param allowedFhirServers base URLs the service may fetch missing prefetch from; empty means any
 * @param feedbackDatabase the SQLite file feedback is kept in
 * @param asOf a fixed assessment date for demonstrations and tests; {@code null} to take it from each request
 * @param jwtClockSkewSeconds tolerance for the EHR's clock when checking {@code exp} and {@code iat}
 */
public record ServiceConfig(String host, int port, String serviceUrl, List<Issuer> issuers, boolean insecureDev,
                            List<String> corsOrigins, long maxRequestBytes, long requestTimeoutMillis,
                            long fetchTimeoutMillis, List<String> allowedFhirServers, Path feedbackDatabase,
                            LocalDate asOf, int jwtClockSkewSeconds) {

    private static final Set<String> FIELDS = Set.of("host", "port", "serviceUrl", "issuers", "insecureDev",
            "corsOrigins", "maxRequestBytes", "requestTimeoutMillis", "fetchTimeoutMillis", "allowedFhirServers",
            "feedbackDatabase", "asOf", "jwtClockSkewSeconds");

    /**
     * One trusted EHR.
     *
     * @param iss the exact {@code iss} claim
     * @param jwksFile a JWKS file (public keys only), or {@code null}
     * @param jwksUrl a JWKS URL, or {@code null}; exactly one of the two is set
     */
    public record Issuer(String iss, Path jwksFile, String jwksUrl) {
        /** @throws ConfigException when the issuer is blank or not exactly one key source is given */
        public Issuer {
            if (iss == null || iss.isBlank()) {
                throw new ConfigException("issuers[].iss is required");
            }
            if ((jwksFile == null) == (jwksUrl == null)) {
                throw new ConfigException("issuers[] '" + iss + "' needs exactly one of jwksFile or jwksUrl");
            }
        }
    }

    /** @throws ConfigException naming the field and the value */
    public ServiceConfig {
        if (port < 0 || port > 65535) {
            throw new ConfigException("port must be 0-65535, was " + port);
        }
        issuers = List.copyOf(issuers);
        corsOrigins = List.copyOf(corsOrigins);
        allowedFhirServers = List.copyOf(allowedFhirServers);
        positive("maxRequestBytes", maxRequestBytes);
        positive("requestTimeoutMillis", requestTimeoutMillis);
        positive("fetchTimeoutMillis", fetchTimeoutMillis);
        if (jwtClockSkewSeconds < 0) {
            throw new ConfigException("jwtClockSkewSeconds must be >= 0, was " + jwtClockSkewSeconds);
        }
        if (serviceUrl != null && serviceUrl.endsWith("/")) {
            serviceUrl = serviceUrl.substring(0, serviceUrl.length() - 1);
        }
    }

    private static void positive(String field, long value) {
        if (value <= 0) {
            throw new ConfigException(field + " must be > 0, was " + value);
        }
    }

    /** The defaults: loopback, port 8085, no trusted issuer, 2 MB bodies, 10 s per call, 3 s per fetch. */
    public static ServiceConfig defaults() {
        return new ServiceConfig("127.0.0.1", 8085, null, List.of(), false, List.of(), 2_000_000, 10_000, 3_000,
                List.of(), Path.of("oih-cds-feedback.sqlite"), null, 60);
    }

    /**
     * Reads a config file; relative paths in it are resolved against the file's directory.
     *
     * @throws ConfigException naming the file, the field and the value
     */
    public static ServiceConfig read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new ConfigException("cannot read config " + file + ": " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException("config " + file + " must hold a JSON object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!FIELDS.contains(name)) {
                throw new ConfigException("config " + file + ": unknown field '" + name + "' (known: "
                        + FIELDS.stream().sorted().toList() + ")");
            }
        }
        Path dir = file.toAbsolutePath().getParent();
        ServiceConfig d = defaults();
        List<Issuer> issuers = new ArrayList<>();
        for (JsonNode i : root.path("issuers")) {
            issuers.add(new Issuer(text(i, "iss", null),
                    i.hasNonNull("jwksFile") ? dir.resolve(i.get("jwksFile").asText()) : null,
                    text(i, "jwksUrl", null)));
        }
        LocalDate asOf = null;
        if (root.hasNonNull("asOf")) {
            try {
                asOf = LocalDate.parse(root.get("asOf").asText());
            } catch (DateTimeParseException e) {
                throw new ConfigException("asOf must be a date (YYYY-MM-DD), was '" + root.get("asOf").asText() + "'");
            }
        }
        return new ServiceConfig(text(root, "host", d.host()), root.path("port").asInt(d.port()),
                text(root, "serviceUrl", null), issuers, root.path("insecureDev").asBoolean(false),
                strings(root, "corsOrigins"), root.path("maxRequestBytes").asLong(d.maxRequestBytes()),
                root.path("requestTimeoutMillis").asLong(d.requestTimeoutMillis()),
                root.path("fetchTimeoutMillis").asLong(d.fetchTimeoutMillis()), strings(root, "allowedFhirServers"),
                root.hasNonNull("feedbackDatabase") ? dir.resolve(root.get("feedbackDatabase").asText())
                        : d.feedbackDatabase(),
                asOf, root.path("jwtClockSkewSeconds").asInt(d.jwtClockSkewSeconds()));
    }

    private static String text(JsonNode node, String field, String fallback) {
        return node.hasNonNull(field) ? node.get(field).asText() : fallback;
    }

    private static List<String> strings(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        node.path(field).forEach(v -> out.add(v.asText()));
        return out;
    }

    /** A copy listening elsewhere. */
    public ServiceConfig withListen(String newHost, int newPort) {
        return new ServiceConfig(newHost, newPort, serviceUrl, issuers, insecureDev, corsOrigins, maxRequestBytes,
                requestTimeoutMillis, fetchTimeoutMillis, allowedFhirServers, feedbackDatabase, asOf,
                jwtClockSkewSeconds);
    }

    /** A copy with the insecure development switch set. */
    public ServiceConfig withInsecureDev(boolean value) {
        return new ServiceConfig(host, port, serviceUrl, issuers, value, corsOrigins, maxRequestBytes,
                requestTimeoutMillis, fetchTimeoutMillis, allowedFhirServers, feedbackDatabase, asOf,
                jwtClockSkewSeconds);
    }

    /** Thrown for an unusable configuration; the message names the field and the value. */
    public static final class ConfigException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** @param message names the field and the value */
        public ConfigException(String message) {
            super(message);
        }
    }
}
