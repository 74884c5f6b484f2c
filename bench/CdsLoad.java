import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Bounded loopback load test of the CDS Hooks service: CLIENTS concurrent clients send REQUESTS hook calls in
 * all, each with its own freshly signed ES384 JWT (a new jti every time, as an EHR sends them), and report
 * p50/p90/p99 latency, throughput and every non-200 answer.
 *
 * keys DIR: writes DIR/jwks.json and DIR/key.json (the private key, for this benchmark only).
 * run URL SERVICE REQUEST_FILE CLIENTS REQUESTS KEY_FILE
 * tokens URL SERVICE KEY_FILE N: prints N signed JWTs for that service, one a line, valid for four minutes (so that
 * bench/cds-start.sh can time a service's first answer without a JVM of its own on the client side).
 */
public class CdsLoad {
    public static void main(String[] args) throws Exception {
        if (args[0].equals("keys")) {
            ECKey key = new ECKeyGenerator(Curve.P_384).keyID("bench").algorithm(JWSAlgorithm.ES384).generate();
            Files.writeString(Path.of(args[1], "jwks.json"), new JWKSet(key.toPublicJWK()).toString());
            Files.writeString(Path.of(args[1], "key.json"), key.toJSONString());
            return;
        }
        if (args[0].equals("tokens")) {
            ECKey key = ECKey.parse(Files.readString(Path.of(args[3])));
            String aud = args[1] + "/cds-services/" + args[2];
            for (int i = Integer.parseInt(args[4]); i > 0; i--) {
                System.out.println(token(key, aud, Duration.ofMinutes(4)));
            }
            return;
        }
        String base = args[1];
        String service = args[2];
        String body = Files.readString(Path.of(args[3]));
        int clients = Integer.parseInt(args[4]);
        int requests = Integer.parseInt(args[5]);
        ECKey key = ECKey.parse(Files.readString(Path.of(args[6])));
        String aud = base + "/cds-services/" + service;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long[] nanos = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<String> firstErrors = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < requests; ) {
                    String jwt = token(key, aud, Duration.ofSeconds(120));
                    HttpRequest req = HttpRequest.newBuilder(URI.create(aud)).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + jwt)
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long s = System.nanoTime();
                    HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                    nanos[i] = System.nanoTime() - s;
                    if (r.statusCode() != 200 || !r.body().startsWith("{\"cards\":[")) {
                        errors.incrementAndGet();
                        synchronized (firstErrors) {
                            if (firstErrors.size() < 5) {
                                firstErrors.add(r.statusCode() + " " + r.body());
                            }
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        Arrays.sort(nanos);
        System.out.printf("clients %d, requests %d, errors %d, %.1f s, %.0f requests/s%n", clients, requests,
                errors.get(), seconds, requests / seconds);
        System.out.printf("latency ms: p50 %.1f, p90 %.1f, p99 %.1f, max %.1f%n", p(nanos, 0.50), p(nanos, 0.90),
                p(nanos, 0.99), nanos[nanos.length - 1] / 1e6);
        firstErrors.forEach(e -> System.out.println("error: " + e));
        System.exit(errors.get() == 0 ? 0 : 1);
    }

    static String token(ECKey key, String aud, Duration valid) throws Exception {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES384).keyID("bench")
                .type(JOSEObjectType.JWT).build(), new JWTClaimsSet.Builder().issuer("bench")
                .audience(aud).issueTime(Date.from(now)).expirationTime(Date.from(now.plus(valid)))
                .jwtID(UUID.randomUUID().toString()).build());
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    static double p(long[] sorted, double q) {
        return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
