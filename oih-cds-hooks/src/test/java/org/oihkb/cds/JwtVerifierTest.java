package org.oihkb.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtVerifierTest {

    static final String AUD = "https://cds.test/cds-services/oih-order-sign";
    static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

    static Tokens tokens;
    static JwtVerifier verifier;

    @BeforeAll
    static void keys(@TempDir Path dir) throws Exception {
        tokens = new Tokens();
        verifier = new JwtVerifier(List.of(new ServiceConfig.Issuer(Tokens.ISS, tokens.writeJwks(dir), null)),
                Set.of("https://cds.test", AUD), Clock.fixed(NOW, ZoneOffset.UTC), 30);
    }

    @Test
    void acceptsASignedTokenForThisService() {
        var claims = verifier.verify("Bearer " + tokens.token(AUD, NOW, NOW.plusSeconds(60), "jti-ok"));
        assertThat(claims.getIssuer()).isEqualTo(Tokens.ISS);
        assertThat(claims.getJWTID()).isEqualTo("jti-ok");
    }

    @Test
    void refusesAMissingHeader() {
        assertThatThrownBy(() -> verifier.verify(null)).isInstanceOf(JwtVerifier.Unauthorized.class)
                .hasMessage("missing Authorization header (Bearer JWT required)");
    }

    @Test
    void refusesAnotherScheme() {
        assertThatThrownBy(() -> verifier.verify("Basic dXNlcjpwYXNz"))
                .hasMessage("Authorization header must be 'Bearer <JWT>'");
    }

    @Test
    void refusesABadSignature() {
        String forged = Tokens.sign(tokens.otherKeySameKid, Tokens.ISS, AUD, NOW, NOW.plusSeconds(60), "jti-forged");
        assertThatThrownBy(() -> verifier.verify("Bearer " + forged))
                .hasMessage("Signed JWT rejected: Invalid signature");
    }

    @Test
    void refusesATamperedPayload() {
        String[] parts = tokens.token(AUD, NOW, NOW.plusSeconds(60), "jti-tampered").split("\\.");
        String other = tokens.token("https://cds.test", NOW, NOW.plusSeconds(60), "jti-tampered").split("\\.")[1];
        assertThatThrownBy(() -> verifier.verify("Bearer " + parts[0] + "." + other + "." + parts[2]))
                .hasMessage("Signed JWT rejected: Invalid signature");
    }

    @Test
    void refusesAnotherAudience() {
        String t = tokens.token("https://elsewhere.test", NOW, NOW.plusSeconds(60), "jti-aud");
        assertThatThrownBy(() -> verifier.verify("Bearer " + t)).hasMessage("JWT aud claim rejected");
    }

    @Test
    void refusesAnExpiredToken() {
        String t = tokens.token(AUD, NOW.minusSeconds(400), NOW.minusSeconds(100), "jti-expired");
        assertThatThrownBy(() -> verifier.verify("Bearer " + t)).hasMessage("Expired JWT");
    }

    @Test
    void acceptsATokenExpiredWithinTheClockSkew() {
        String t = tokens.token(AUD, NOW.minusSeconds(100), NOW.minusSeconds(20), "jti-skew");
        assertThat(verifier.verify("Bearer " + t).getJWTID()).isEqualTo("jti-skew");
    }

    @Test
    void refusesAReplayedJti() {
        String t = tokens.token(AUD, NOW, NOW.plusSeconds(60), "jti-replay");
        verifier.verify("Bearer " + t);
        String again = tokens.token(AUD, NOW, NOW.plusSeconds(90), "jti-replay");
        assertThatThrownBy(() -> verifier.verify("Bearer " + again)).hasMessage("JWT jti was already used (replay)");
    }

    @Test
    void refusesATokenWithoutJti() {
        String t = tokens.token(AUD, NOW, NOW.plusSeconds(60), null);
        assertThatThrownBy(() -> verifier.verify("Bearer " + t)).hasMessage("JWT missing required claims: [jti]");
    }

    @Test
    void refusesAnUntrustedIssuer() {
        String t = Tokens.sign(tokens.key, "https://stranger.test", AUD, NOW, NOW.plusSeconds(60), "jti-iss");
        assertThatThrownBy(() -> verifier.verify("Bearer " + t))
                .hasMessage("issuer 'https://stranger.test' is not trusted");
    }

    @Test
    void refusesATokenIssuedInTheFuture() {
        String t = tokens.token(AUD, NOW.plusSeconds(120), NOW.plusSeconds(200), "jti-future");
        assertThatThrownBy(() -> verifier.verify("Bearer " + t))
                .hasMessage("JWT iat 2026-01-15T10:02:00Z is in the future");
    }

    @Test
    void refusesATokenLivingLongerThanFiveMinutes() {
        String t = tokens.token(AUD, NOW, NOW.plusSeconds(3600), "jti-long");
        assertThatThrownBy(() -> verifier.verify("Bearer " + t))
                .hasMessage("JWT exp 2026-01-15T11:00:00Z is more than 300 s ahead");
    }

    @Test
    void refusesGarbage() {
        assertThatThrownBy(() -> verifier.verify("Bearer not-a-jwt"))
                .hasMessageStartingWith("not a signed JWT: ");
    }
}
