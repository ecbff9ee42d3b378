package io.omnireach.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local fake of the providers' embeddings endpoints on loopback: OpenAI's shape ({@code POST
 * /api/v1/embeddings}, OpenRouter's base URL) and Mistral's ({@code POST /v1/embeddings}), each
 * with its own dimension. A vector is the text's bag of words hashed into the dimensions and
 * normalised, so texts sharing words are close and search means something. Models named in {@link
 * #down} answer 503. Every request is recorded (path, Authorization header, JSON body).
 */
public final class EmbeddingsFake implements AutoCloseable {

  public static final String OPENAI_PATH = "/api/v1/embeddings";
  public static final String MISTRAL_PATH = "/v1/embeddings";

  private static final ObjectMapper JSON = new ObjectMapper();

  public record Request(String path, String authorization, JsonNode body) {}

  private final HttpServer server;
  private final Map<String, Integer> dimensions;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Set<String> down;
  private final Set<String> failingTexts = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** {@code dimensions}: per path, how long the vectors are. On a free port. */
  public EmbeddingsFake(Map<String, Integer> dimensions, Set<String> down) {
    this(0, dimensions, down);
  }

  /** On {@code port} of loopback (the e2e server's configured provider base URL). */
  public EmbeddingsFake(int port, Map<String, Integer> dimensions, Set<String> down) {
    this.dimensions = Map.copyOf(dimensions);
    this.down = Set.copyOf(down);
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * From now on {@code model} answers its dimension probe (one text, "dimension probe") but 503 to
   * anything else: a re-embedding begins and then stalls on it.
   */
  public void failTexts(String model) {
    failingTexts.add(model);
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public List<Request> requests(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
      requests.add(new Request(path, ex.getRequestHeaders().getFirst("Authorization"), body));
      Integer dims = dimensions.get(path);
      if (!"POST".equals(ex.getRequestMethod()) || dims == null) {
        send(ex, 404, "{\"error\":{\"message\":\"no such endpoint\"}}");
        return;
      }
      String model = body.path("model").asText();
      boolean probe =
          body.path("input").size() == 1
              && body.path("input").get(0).asText().equals("dimension probe");
      if (down.contains(model) || (failingTexts.contains(model) && !probe)) {
        send(ex, 503, "{\"error\":{\"message\":\"model overloaded\"}}");
        return;
      }
      ObjectNode out = JSON.createObjectNode();
      if (path.equals(MISTRAL_PATH)) {
        out.put("id", "emb-" + requests.size());
      }
      out.put("object", "list");
      ArrayNode data = out.putArray("data");
      JsonNode input = body.get("input");
      int tokens = 0;
      for (int i = 0; i < input.size(); i++) {
        String text = input.get(i).asText();
        tokens += text.split("\\s+").length;
        ObjectNode item = data.addObject().put("object", "embedding").put("index", i);
        ArrayNode v = item.putArray("embedding");
        for (float f : vector(text, dims)) {
          v.add(f);
        }
      }
      out.put("model", model);
      ObjectNode usage = out.putObject("usage").put("prompt_tokens", tokens);
      usage.put("total_tokens", tokens);
      if (path.equals(MISTRAL_PATH)) {
        usage.put("completion_tokens", 0);
      }
      send(ex, 200, out.toString());
    }
  }

  /** Words hashed into {@code dims} buckets, normalised (a text without words: the first axis). */
  public static float[] vector(String text, int dims) {
    float[] v = new float[dims];
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (w.length() > 2) {
        v[Math.floorMod(w.hashCode(), dims)] += 1;
      }
    }
    double norm = 0;
    for (float f : v) {
      norm += f * f;
    }
    if (norm == 0) {
      v[0] = 1;
      return v;
    }
    for (int i = 0; i < dims; i++) {
      v[i] = (float) (v[i] / Math.sqrt(norm));
    }
    return v;
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
