package io.omnireach.app.rest;

import io.omnireach.common.DomainException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * One gate for request input before any resource sees it: a JSON body must be well-formed JSON with
 * no NUL character in any name or string (PostgreSQL cannot store NUL, and it hides text from
 * checks), and an object where the endpoint reads an object (not an array, a string or {@code
 * null}); no path or query parameter may contain NUL. Refusals are 400 problem+json; the shapes
 * JSON-B then cannot bind are 400 too ({@link UnexpectedExceptionMapper}).
 */
@Provider
public class InputGuard implements ContainerRequestFilter, ReaderInterceptor {

  static final String NUL_DETAIL = "Text must not contain NUL characters (\\u0000).";

  @Override
  public void filter(ContainerRequestContext request) {
    if (hasNul(request.getUriInfo().getPathParameters())
        || hasNul(request.getUriInfo().getQueryParameters())) {
      request.abortWith(Problem.of(Response.Status.BAD_REQUEST, NUL_DETAIL, null).toResponse());
    }
  }

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    MediaType type = context.getMediaType();
    if (type == null || !type.getSubtype().toLowerCase(Locale.ROOT).endsWith("json")) {
      return context.proceed(); // CSV uploads and other bodies are checked where they are read
    }
    byte[] body = context.getInputStream().readAllBytes();
    if (body.length > 0) {
      check(body, readsObject(context.getType()));
    }
    context.setInputStream(new ByteArrayInputStream(body));
    return context.proceed();
  }

  /**
   * Walks the whole document once: malformed JSON, NUL characters and (when {@code object}) a
   * top-level value that is not an object are refused here.
   */
  static void check(byte[] body, boolean object) {
    try (JsonParser parser = Json.createParser(new ByteArrayInputStream(body))) {
      boolean first = true;
      while (parser.hasNext()) {
        JsonParser.Event event = parser.next();
        if (first && object && event != JsonParser.Event.START_OBJECT) {
          throw DomainException.invalid(null, "Send a JSON object as the request body.");
        }
        first = false;
        if ((event == JsonParser.Event.KEY_NAME || event == JsonParser.Event.VALUE_STRING)
            && parser.getString().indexOf('\0') >= 0) {
          throw DomainException.invalid(null, NUL_DETAIL);
        }
      }
    } catch (JsonException e) {
      throw DomainException.invalid(null, "The request body is not valid JSON.");
    }
  }

  /** Entities read as objects: records, maps and JsonObject; not text, arrays or lists. */
  private static boolean readsObject(Class<?> type) {
    return !(type == String.class
        || type.isArray()
        || type.isPrimitive()
        || Collection.class.isAssignableFrom(type)
        || InputStream.class.isAssignableFrom(type)
        || type == JsonValue.class
        || type == JsonStructure.class
        || type == JsonArray.class
        || type == Object.class);
  }

  private static boolean hasNul(MultivaluedMap<String, String> parameters) {
    for (var entry : parameters.entrySet()) {
      if (entry.getKey().indexOf('\0') >= 0) {
        return true;
      }
      for (String value : entry.getValue() == null ? List.<String>of() : entry.getValue()) {
        if (value != null && value.indexOf('\0') >= 0) {
          return true;
        }
      }
    }
    return false;
  }
}
