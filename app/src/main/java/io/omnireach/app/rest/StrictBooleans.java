package io.omnireach.app.rest;

import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;

/**
 * JSON-B reads {@code "maybe"} as {@code false} ({@code Boolean.parseBoolean}): a request saying
 * {@code "showPoweredBy":"maybe"} would silently switch a setting off. Only JSON {@code true} and
 * {@code false} are booleans here; anything else is a 400.
 */
public final class StrictBooleans implements JsonbDeserializer<Boolean> {

  @Override
  public Boolean deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
    // Yasson's parser here answers getValue(), not currentEvent()
    JsonValue value = parser.getValue();
    return switch (value.getValueType()) {
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case NULL -> null;
      default -> throw new JsonbException("Expected true or false, got " + value);
    };
  }
}
