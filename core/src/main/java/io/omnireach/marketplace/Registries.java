package io.omnireach.marketplace;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.omnireach.channel.HostPolicy;
import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Remote registries the Owner added ({@code platform.marketplace_registries}): each a URL of a
 * {@link RegistryIndex}. An index is fetched when the registry is added, when asked, and when the
 * cached copy is older than {@link #MAX_AGE}; a fetch that fails keeps the last good copy and
 * records the error. Hosts pass the same {@link HostPolicy} as every other URL a user configures,
 * and redirects are not followed (a redirect could lead past that check).
 */
public final class Registries {

  private static final com.fasterxml.jackson.databind.ObjectMapper YAML =
      new com.fasterxml.jackson.databind.ObjectMapper(
              new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
          .disable(
              com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  static final Duration MAX_AGE = Duration.ofMinutes(10);
  private static final int MAX_BYTES = 5_000_000;

  /** A registry and its last fetched index (null before the first good fetch). */
  public record Registry(
      long id, String name, String url, RegistryIndex index, Instant fetchedAt, String lastError) {}

  private final Transactions tx;
  private final HostPolicy hosts;
  private final Clock clock;
  private final HttpClient http =
      HttpClient.newBuilder()
          // a static index needs no HTTP/2; an h2c upgrade offer hangs with some plain-HTTP servers
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  public Registries(Transactions tx, HostPolicy hosts, Clock clock) {
    this.tx = tx;
    this.hosts = hosts;
    this.clock = clock;
  }

  /** Adds a registry after one good fetch of its index (INVALID says why it cannot be read). */
  public Registry add(String name, String url, String actor) {
    if (name == null || name.isBlank() || name.length() > 80) {
      throw DomainException.invalid("name", "name is required (at most 80 characters).");
    }
    URI uri = checked("url", url);
    String body = fetchText(uri, "url");
    RegistryIndex index = parse(body, "url");
    Instant now = clock.instant();
    long id =
        tx.platform(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "insert into marketplace_registries (name, url, index_json, fetched_at,"
                          + " added_by, added_at) values (?, ?, ?, ?, ?, ?)"
                          + " on conflict do nothing returning id")) {
                ps.setString(1, name.strip());
                ps.setString(2, uri.toString());
                ps.setString(3, body);
                ps.setTimestamp(4, Timestamp.from(now));
                ps.setString(5, actor);
                ps.setTimestamp(6, Timestamp.from(now));
                try (ResultSet rs = ps.executeQuery()) {
                  if (!rs.next()) {
                    throw DomainException.conflict(
                        "url", "A registry with this name or URL is already added.");
                  }
                  return rs.getLong(1);
                }
              }
            });
    return new Registry(id, name.strip(), uri.toString(), index, now, null);
  }

  public void remove(long id) {
    int n =
        tx.platform(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement("delete from marketplace_registries where id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate();
              }
            });
    if (n == 0) {
      throw DomainException.notFound("No registry " + id + ".");
    }
  }

  /** Every registry with its index, fetching again those older than {@link #MAX_AGE}. */
  public List<Registry> list() {
    List<Registry> result = new ArrayList<>();
    for (Registry r : stored()) {
      boolean stale =
          r.fetchedAt() == null || r.fetchedAt().plus(MAX_AGE).isBefore(clock.instant());
      result.add(stale ? refresh(r) : r);
    }
    return result;
  }

  /** Fetches one registry's index now. */
  public Registry refresh(long id) {
    return stored().stream()
        .filter(r -> r.id() == id)
        .findFirst()
        .map(this::refresh)
        .orElseThrow(() -> DomainException.notFound("No registry " + id + "."));
  }

  /** Downloads a block file an index lists. */
  public byte[] download(Registry registry, RegistryIndex.Entry entry) {
    URI uri;
    try {
      uri = URI.create(registry.url()).resolve(entry.url());
    } catch (IllegalArgumentException e) {
      throw DomainException.unprocessable(
          null, "The registry lists a bad URL for " + entry.id() + ": " + entry.url());
    }
    checked("url", uri.toString());
    return fetch(uri, "url");
  }

  private Registry refresh(Registry r) {
    String body;
    RegistryIndex index;
    try {
      body = fetchText(checked("url", r.url()), "url");
      index = parse(body, "url");
    } catch (DomainException e) {
      String error = e.getMessage();
      tx.platform(
          c -> {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "update marketplace_registries set last_error = ? where id = ?")) {
              ps.setString(1, error);
              ps.setLong(2, r.id());
              return ps.executeUpdate();
            }
          });
      return new Registry(r.id(), r.name(), r.url(), r.index(), r.fetchedAt(), error);
    }
    Instant now = clock.instant();
    tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update marketplace_registries set index_json = ?, fetched_at = ?,"
                      + " last_error = null where id = ?")) {
            ps.setString(1, body);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setLong(3, r.id());
            return ps.executeUpdate();
          }
        });
    return new Registry(r.id(), r.name(), r.url(), index, now, null);
  }

  private List<Registry> stored() {
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "select id, name, url, index_json, fetched_at, last_error"
                          + " from marketplace_registries order by name");
              ResultSet rs = ps.executeQuery()) {
            List<Registry> list = new ArrayList<>();
            while (rs.next()) {
              String json = rs.getString(4);
              Timestamp at = rs.getTimestamp(5);
              list.add(
                  new Registry(
                      rs.getLong(1),
                      rs.getString(2),
                      rs.getString(3),
                      json == null ? null : parse(json, "url"),
                      at == null ? null : at.toInstant(),
                      rs.getString(6)));
            }
            return list;
          }
        });
  }

  private URI checked(String field, String url) {
    URI uri;
    try {
      uri = url == null ? null : URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    String scheme =
        uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri == null
        || !(scheme.equals("https") || scheme.equals("http"))
        || uri.getHost() == null) {
      throw DomainException.invalid(field, field + " must be an http(s) URL of a registry index.");
    }
    hosts.check(field, uri.getHost());
    return uri;
  }

  private String fetchText(URI uri, String field) {
    return new String(fetch(uri, field), java.nio.charset.StandardCharsets.UTF_8);
  }

  private byte[] fetch(URI uri, String field) {
    try {
      HttpResponse<java.io.InputStream> r =
          http.send(
              HttpRequest.newBuilder(uri)
                  .timeout(Duration.ofSeconds(20))
                  .header("Accept", "application/json, application/yaml;q=0.9, text/yaml;q=0.8")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream());
      try (java.io.InputStream in = r.body()) {
        if (r.statusCode() != 200) {
          throw DomainException.invalid(
              field, uri + " answered HTTP " + r.statusCode() + " (expected 200).");
        }
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
          throw DomainException.invalid(field, uri + " sent more than 5 MB.");
        }
        return bytes;
      }
    } catch (IOException e) {
      throw DomainException.invalid(field, uri + " cannot be fetched: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DomainException.invalid(field, uri + " cannot be fetched: interrupted.");
    }
  }

  /** An index as YAML, the {@code index.yaml} a registry may serve instead of JSON. */
  public static String yaml(RegistryIndex index) {
    try {
      return YAML.writeValueAsString(index);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the registry index as YAML", e);
    }
  }

  /** An index in JSON ({@code index.json}) or YAML ({@code index.yaml}, like Helm's). */
  static RegistryIndex parse(String text, String field) {
    RegistryIndex index;
    boolean json = text.stripLeading().startsWith("{");
    try {
      index = (json ? Json.MAPPER : YAML).readValue(text, RegistryIndex.class);
    } catch (JsonProcessingException e) {
      throw DomainException.invalid(
          field,
          "The registry index is not valid "
              + (json ? "JSON" : "YAML")
              + ": "
              + e.getOriginalMessage());
    }
    if (index == null || !RegistryIndex.FORMAT.equals(index.format())) {
      throw DomainException.invalid(
          field, "The registry index must have format \"" + RegistryIndex.FORMAT + "\".");
    }
    return index;
  }
}
