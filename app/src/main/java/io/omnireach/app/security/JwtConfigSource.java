package io.omnireach.app.security;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Gives MicroProfile JWT the public key of the app's own signing key pair ({@code
 * mp.jwt.verify.publickey}), so tokens are verified by the container on every {@code /api/v1} call.
 * Issuer and audience are pinned in server.xml.
 */
public class JwtConfigSource implements ConfigSource {

  private static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
  private static final String ALGORITHM = "mp.jwt.verify.publickey.algorithm";

  @Override
  public Set<String> getPropertyNames() {
    return Set.of(PUBLIC_KEY, ALGORITHM);
  }

  @Override
  public Map<String, String> getProperties() {
    return Map.of(PUBLIC_KEY, getValue(PUBLIC_KEY), ALGORITHM, "RS256");
  }

  @Override
  public String getValue(String propertyName) {
    if (PUBLIC_KEY.equals(propertyName)) {
      return JwtKeys.get().publicKeyPem();
    }
    return ALGORITHM.equals(propertyName) ? "RS256" : null;
  }

  @Override
  public String getName() {
    return "omnireach-jwt-keys";
  }

  @Override
  public int getOrdinal() {
    return 150; // above microprofile-config.properties, below system properties and env
  }
}
