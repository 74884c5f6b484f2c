package org.oihkb.cds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
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

/** An EHR's signing key and the JWTs it would send, good and bad. */
final class Tokens {

    static final String ISS = "https://ehr.test";

    final ECKey key;
    final ECKey otherKeySameKid;

    Tokens() {
        try {
            key = new ECKeyGenerator(Curve.P_384).keyID("ehr-1").algorithm(JWSAlgorithm.ES384).generate();
            otherKeySameKid = new ECKeyGenerator(Curve.P_384).keyID("ehr-1").algorithm(JWSAlgorithm.ES384).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the public JWKS, as an EHR publishes it. */
    Path writeJwks(Path dir) throws IOException {
        Path file = dir.resolve("ehr-jwks.json");
        Files.writeString(file, new JWKSet(key.toPublicJWK()).toString());
        return file;
    }

    String token(String aud, Instant iat, Instant exp, String jti) {
        return sign(key, ISS, aud, iat, exp, jti);
    }

    String valid(String aud, Instant now) {
        return token(aud, now, now.plusSeconds(120), UUID.randomUUID().toString());
    }

    static String sign(ECKey with, String iss, String aud, Instant iat, Instant exp, String jti) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(iss).audience(aud)
                .issueTime(Date.from(iat)).expirationTime(Date.from(exp)).subject("test-client");
        if (jti != null) {
            claims.jwtID(jti);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES384).keyID(with.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims.build());
        try {
            jwt.sign(new ECDSASigner(with));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
