package io.omnireach.app.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON output keeps null members, so every documented key is always present; booleans in requests
 * must be JSON booleans ({@link StrictBooleans}).
 */
@Provider
public class JsonbSettings implements ContextResolver<Jsonb> {

  private final Jsonb jsonb =
      JsonbBuilder.create(
          new JsonbConfig().withNullValues(true).withDeserializers(new StrictBooleans()));

  @Override
  public Jsonb getContext(Class<?> type) {
    return jsonb;
  }
}
