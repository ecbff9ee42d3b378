package io.omnireach.app.e2e;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/** Forges tokens the way an attacker (or a buggy client) would. */
final class Tokens {

  static final String ISSUER = "https://omnireach.local";
  static final String AUDIENCE = "omnireach-api";

  private Tokens() {}

  static JWTClaimsSet.Builder claims(String upn, String role, String tenant, long tenantId) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .subject("3")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(600)))
        .claim("upn", upn)
        .claim("groups", List.of(role))
        .claim("tenant", tenant)
        .claim("tenant_id", tenantId);
  }

  /** Signed with the server's own private key (read from the e2e key directory). */
  static String signed(JWTClaimsSet claims) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
    jwt.sign(new RSASSASigner(serverPrivateKey()));
    return jwt.serialize();
  }

  static String unsigned(JWTClaimsSet claims) {
    return new PlainJWT(claims).serialize();
  }

  /** The classic key-confusion attack: HS256 with the server's public key as the secret. */
  static String hs256WithPublicKey(JWTClaimsSet claims) throws Exception {
    byte[] secret =
        Files.readString(keyDir().resolve("jwt-public.pem"), StandardCharsets.US_ASCII)
            .getBytes(StandardCharsets.US_ASCII);
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    jwt.sign(new MACSigner(secret));
    return jwt.serialize();
  }

  /**
   * The server's key directory. The server makes its key pair when it first checks a token, so a
   * test class run alone asks it to check one before reading the files.
   */
  static Path keyDir() throws Exception {
    Path dir = Path.of(System.getProperty("omnireach.keyDir", "target/e2e-keys"));
    if (!Files.exists(dir.resolve("jwt-private.pem"))) {
      E2e.get("/api/v1/me", "not-a-token");
    }
    return dir;
  }

  private static RSAPrivateKey serverPrivateKey() throws Exception {
    String pem =
        Files.readString(keyDir().resolve("jwt-private.pem"), StandardCharsets.US_ASCII)
            .replaceAll("-----[A-Z ]+-----", "")
            .replaceAll("\\s", "");
    return (RSAPrivateKey)
        KeyFactory.getInstance("RSA")
            .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
  }
}
