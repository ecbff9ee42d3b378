package io.omnireach.app.e2e;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.http.HttpResponse;

/**
 * The LLM peer of the e2e server: a WireMock fake of Mistral's OpenAI-compatible chat API on the AI
 * port (the server's Mistral base URL points there), with the answer shape and the settings call
 * that make a tenant use it.
 */
final class LlmFake {

  static final int PORT = Integer.getInteger("omnireach.e2e.ai.port", 12201);
  static final String CHAT = "/v1/chat/completions";
  private static final ObjectMapper JSON = new ObjectMapper();

  private LlmFake() {}

  /** A started fake on loopback; the caller stops it. */
  static WireMockServer start() {
    WireMockServer fake = new WireMockServer(options().bindAddress("127.0.0.1").port(PORT));
    fake.start();
    return fake;
  }

  /** A chat completion as Mistral's API answers it: 120 prompt and 40 completion tokens. */
  static String completion(String content) {
    ObjectNode out = JSON.createObjectNode().put("id", "cmpl-e2e").put("object", "chat.completion");
    out.put("created", 1764064800).put("model", "mistral-small-latest");
    ObjectNode choice = out.putArray("choices").addObject().put("index", 0);
    choice.putObject("message").put("role", "assistant").put("content", content);
    choice.put("finish_reason", "stop");
    out.putObject("usage")
        .put("prompt_tokens", 120)
        .put("completion_tokens", 40)
        .put("total_tokens", 160);
    return out.toString();
  }

  /** The tenant's AI provider: Mistral (priced in omnireach.ai.prices) with a fake key. */
  static void mistral(String admin, String apiKey) throws Exception {
    HttpResponse<String> r =
        E2e.send(
            "PUT",
            "/api/v1/settings/ai",
            admin,
            "{\"provider\":\"MISTRAL\",\"model\":\"mistral-small-latest\","
                + "\"apiKey\":\""
                + apiKey
                + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }
}
