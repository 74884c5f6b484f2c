package org.oihkb.cds;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

/**
 * Verifies the EHR's JWT as CDS Hooks 2.0 requires: a Bearer token signed (ES384 or RS384) by a key of
 * an allow-listed issuer's JWKS, {@code aud} naming this service, {@code exp} not passed and at most five
 * minutes ahead, {@code iat} not in the future, and a {@code jti} never seen before from that issuer.
 * Thread-safe; the replay cache keeps each {@code jti} until its token expires.
 */
public final class JwtVerifier {

    /** CDS Hooks 2.0: the token SHALL NOT expire more than five minutes after it is issued. */
    static final long MAX_LIFETIME_SECONDS = 300;

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.ES384, JWSAlgorithm.RS384);
    private static final int JWKS_TIMEOUT_MILLIS = 3_000;
    private static final int JWKS_SIZE_LIMIT_BYTES = 256 * 1024;
    private static final int REPLAY_CACHE_PURGE_SIZE = 10_000;

    private final Map<String, DefaultJWTProcessor<SecurityContext>> processors = new HashMap<>();
    private final Map<String, Long> seenJti = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int skewSeconds;

    /**
     * @param issuers the trusted EHRs; their JWKS files are read now, URLs on first use and then cached
     * @param audiences the accepted {@code aud} values: this service's URL and its endpoints
     * @param clock the time tokens are checked against (a token's validity is wall-clock time)
     * @param skewSeconds tolerance for the EHR's clock
     * @throws ServiceConfig.ConfigException when a JWKS file cannot be read or a URL is malformed
     */
    public JwtVerifier(List<ServiceConfig.Issuer> issuers, Set<String> audiences, Clock clock, int skewSeconds) {
        this.clock = clock;
        this.skewSeconds = skewSeconds;
        for (ServiceConfig.Issuer issuer : issuers) {
            DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
            p.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys(issuer)));
            DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(audiences,
                    new JWTClaimsSet.Builder().issuer(issuer.iss()).build(), Set.of("iss", "aud", "exp", "iat", "jti"),
                    Set.of()) {
                @Override
                protected Date currentTime() {
                    return Date.from(clock.instant());
                }
            };
            claims.setMaxClockSkew(skewSeconds);
            p.setJWTClaimsSetVerifier(claims);
            processors.put(issuer.iss(), p);
        }
    }

    private static JWKSource<SecurityContext> keys(ServiceConfig.Issuer issuer) {
        if (issuer.jwksFile() != null) {
            try {
                return new ImmutableJWKSet<>(JWKSet.load(issuer.jwksFile().toFile()));
            } catch (IOException | ParseException e) {
                throw new ServiceConfig.ConfigException("issuer '" + issuer.iss() + "': cannot read jwksFile "
                        + issuer.jwksFile() + ": " + e.getMessage());
            }
        }
        try {
            return JWKSourceBuilder.<SecurityContext>create(URI.create(issuer.jwksUrl()).toURL(),
                            new DefaultResourceRetriever(JWKS_TIMEOUT_MILLIS, JWKS_TIMEOUT_MILLIS, JWKS_SIZE_LIMIT_BYTES))
                    .retrying(false).build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new ServiceConfig.ConfigException("issuer '" + issuer.iss() + "': jwksUrl '" + issuer.jwksUrl()
                    + "' is not a URL");
        }
    }

    /**
     * Checks one {@code Authorization} header.
     *
     * @param authorization the header's value, or {@code null}
     * @return the verified claims
     * @throws Unauthorized with a reason a client can act on
     */
    public JWTClaimsSet verify(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new Unauthorized("missing Authorization header (Bearer JWT required)");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new Unauthorized("Authorization header must be 'Bearer <JWT>'");
        }
        SignedJWT jwt;
        String iss;
        try {
            jwt = SignedJWT.parse(authorization.substring(7).trim());
            iss = jwt.getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw new Unauthorized("not a signed JWT: " + e.getMessage());
        }
        DefaultJWTProcessor<SecurityContext> processor = iss == null ? null : processors.get(iss);
        if (processor == null) {
            throw new Unauthorized("issuer " + (iss == null ? "missing" : "'" + iss + "' is not trusted"));
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(jwt, null);
        } catch (BadJOSEException | JOSEException e) {
            throw new Unauthorized(e.getMessage());
        }
        Instant now = clock.instant();
        Instant iat = claims.getIssueTime().toInstant();
        Instant exp = claims.getExpirationTime().toInstant();
        if (iat.isAfter(now.plusSeconds(skewSeconds))) {
            throw new Unauthorized("JWT iat " + iat + " is in the future");
        }
        if (exp.isAfter(now.plusSeconds(MAX_LIFETIME_SECONDS + skewSeconds))) {
            throw new Unauthorized("JWT exp " + exp + " is more than " + MAX_LIFETIME_SECONDS + " s ahead");
        }
        rememberJti(iss + " " + claims.getJWTID(), exp.plusSeconds(skewSeconds).getEpochSecond(), now);
        return claims;
    }

    private void rememberJti(String key, long keepUntilEpochSecond, Instant now) {
        if (seenJti.size() > REPLAY_CACHE_PURGE_SIZE) {
            long nowSecond = now.getEpochSecond();
            seenJti.values().removeIf(until -> until < nowSecond);
        }
        if (seenJti.putIfAbsent(key, keepUntilEpochSecond) != null) {
            throw new Unauthorized("JWT jti was already used (replay)");
        }
    }

    /** A request without a valid JWT; the message is the reason given in the 401 answer. */
    public static final class Unauthorized extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** @param reason what is wrong with the token */
        public Unauthorized(String reason) {
            super(reason);
        }
    }
}
