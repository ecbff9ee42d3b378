package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnireach.testing.EmbeddingsFake;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A workspace switches its embedding model through the API: the e2e server's real Mistral client
 * calls the local embeddings fake (on the port its Mistral base URL names), the background sweep
 * re-embeds the knowledge base at the fake's dimension and switches over, and search answers with
 * the new model's vectors. Another workspace keeps the in-process model.
 */
class EmbeddingModelApiIT {

  static final int PORT = Integer.getInteger("omnireach.e2e.ai.port", 12201);
  static final int DIMS = 64;
  static EmbeddingsFake fake;

  @BeforeAll
  static void start() {
    fake = new EmbeddingsFake(PORT, Map.of(EmbeddingsFake.MISTRAL_PATH, DIMS), Set.of());
  }

  @AfterAll
  static void stop() {
    fake.close();
  }

  static JsonNode json(HttpResponse<String> r, int status) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return Knowledge.JSON.readTree(r.body());
  }

  @Test
  void switching_to_mistral_embeddings_re_embeds_the_knowledge_base_and_search_follows()
      throws Exception {
    Journeys.awaitReady();
    StripeE2e.NewTenant tenant = StripeE2e.newTenant("embed");
    String admin = tenant.token();
    JsonNode current = json(E2e.get("/api/v1/knowledge/embeddings", admin), 200);
    assertThat(current.get("model").asText()).isEqualTo("local:all-minilm-l6-v2");
    assertThat(current.get("dimensions").asInt()).isEqualTo(384);
    assertThat(current.get("status").asText()).isEqualTo("CURRENT");

    long id =
        json(
                Knowledge.upload(
                    admin,
                    "notes.txt",
                    "text/plain",
                    ("Our support team answers tickets within four hours on weekdays.\n\n"
                            + "x ".repeat(420)
                            + "\n\nThe headquarters are in Zurich, Switzerland, next to the lake.")
                        .getBytes(StandardCharsets.UTF_8)),
                202)
            .get("id")
            .asLong();
    assertThat(Knowledge.awaitIndexed(admin, id).get("status").asText()).isEqualTo("READY");

    // a model name with odd characters is refused, naming the field
    HttpResponse<String> bad =
        E2e.send("PUT", "/api/v1/settings/ai", admin, "{\"embeddingModel\":\"mistral embed!\"}");
    assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(json(bad, 400).get("field").asText()).isEqualTo("embeddingModel");

    JsonNode settings =
        json(
            E2e.send(
                "PUT",
                "/api/v1/settings/ai",
                admin,
                "{\"provider\":\"MISTRAL\",\"apiKey\":\"mk-e2e-embeddings-4242\","
                    + "\"embeddingModel\":\"mistral-embed\"}"),
            200);
    assertThat(settings.get("embeddingModel").asText()).isEqualTo("mistral-embed");

    // the sweep re-embeds and switches over
    await("re-embedded with mistral-embed")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                json(E2e.get("/api/v1/knowledge/embeddings", admin), 200)
                    .get("model")
                    .asText()
                    .equals("mistral:mistral-embed"));
    JsonNode switched = json(E2e.get("/api/v1/knowledge/embeddings", admin), 200);
    assertThat(switched.get("status").asText()).isEqualTo("CURRENT");
    assertThat(switched.get("dimensions").asInt()).isEqualTo(DIMS);
    assertThat(switched.get("done").asInt()).isEqualTo(switched.get("total").asInt()).isPositive();
    assertThat(switched.get("switchedAt").isNull()).isFalse();
    assertThat(fake.requests(EmbeddingsFake.MISTRAL_PATH))
        .isNotEmpty()
        .allSatisfy(
            r -> {
              assertThat(r.authorization()).isEqualTo("Bearer mk-e2e-embeddings-4242");
              assertThat(r.body().get("model").asText()).isEqualTo("mistral-embed");
            });

    int before = fake.requests().size();
    JsonNode hits =
        json(
            E2e.send(
                "POST",
                "/api/v1/knowledge/search",
                admin,
                "{\"query\":\"support team tickets weekdays\",\"limit\":1}"),
            200);
    assertThat(hits.get(0).get("text").asText()).contains("support team answers tickets");
    assertThat(fake.requests()).hasSize(before + 1);
    assertThat(fake.requests().get(before).body().get("input").get(0).asText())
        .isEqualTo("support team tickets weekdays");

    // the pages say so: Settings → AI holds the model, the Knowledge page the vectors' model
    try (Browser browser = new Browser()) {
      Journeys.signIn(browser, tenant.adminEmail(), StripeE2e.PASSWORD);
      browser.open("/settings");
      WebElement field = browser.await(By.id("ai-embedding-model"));
      assertThat(field.getDomProperty("value")).isEqualTo("mistral-embed");
      ((org.openqa.selenium.JavascriptExecutor) browser.driver)
          .executeScript("arguments[0].scrollIntoView({block: 'center'})", field);
      browser.screenshot("embeddings-01-ai-settings");
      browser.open("/knowledge");
      WebElement strip = browser.await(By.id("knowledge-embeddings"));
      assertThat(strip.getText()).contains("mistral:mistral-embed", DIMS + " dimensions");
      browser.screenshot("embeddings-02-knowledge-page");

      // a model that stalls after its probe: re-indexing shows with its error, search goes on
      fake.failTexts("mistral-embed-v2");
      json(
          E2e.send(
              "PUT", "/api/v1/settings/ai", admin, "{\"embeddingModel\":\"mistral-embed-v2\"}"),
          200);
      await("re-indexing with an error")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                JsonNode s = json(E2e.get("/api/v1/knowledge/embeddings", admin), 200);
                return s.get("status").asText().equals("REINDEXING") && !s.get("error").isNull();
              });
      JsonNode stalled = json(E2e.get("/api/v1/knowledge/embeddings", admin), 200);
      assertThat(stalled.get("model").asText()).isEqualTo("mistral:mistral-embed");
      assertThat(stalled.get("targetModel").asText()).isEqualTo("mistral:mistral-embed-v2");
      assertThat(stalled.get("done").asInt()).isZero();
      assertThat(
              json(
                      E2e.send(
                          "POST",
                          "/api/v1/knowledge/search",
                          admin,
                          "{\"query\":\"headquarters Zurich lake\",\"limit\":1}"),
                      200)
                  .get(0)
                  .get("text")
                  .asText())
          .contains("headquarters are in Zurich");
      browser.open("/knowledge");
      browser.wait.until(
          d -> d.findElement(By.id("knowledge-embeddings")).getText().contains("Re-indexing"));
      assertThat(browser.driver.findElement(By.id("knowledge-embeddings")).getText())
          .contains("mistral:mistral-embed-v2", "Last step failed, retrying");
      browser.screenshot("embeddings-03-reindexing-stalled");

      // back to the model in use: the re-indexing is dropped
      json(
          E2e.send("PUT", "/api/v1/settings/ai", admin, "{\"embeddingModel\":\"mistral-embed\"}"),
          200);
      await("back to current")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () ->
                  json(E2e.get("/api/v1/knowledge/embeddings", admin), 200)
                      .get("status")
                      .asText()
                      .equals("CURRENT"));
      JsonNode back = json(E2e.get("/api/v1/knowledge/embeddings", admin), 200);
      assertThat(back.get("model").asText()).isEqualTo("mistral:mistral-embed");
      assertThat(back.get("error").isNull()).isTrue();
    }

    // another workspace keeps its in-process model
    JsonNode acme =
        json(E2e.get("/api/v1/knowledge/embeddings", E2e.token("admin@acme.demo")), 200);
    assertThat(acme.get("model").asText()).isEqualTo("local:all-minilm-l6-v2");
  }

  @Test
  void the_embeddings_endpoint_is_in_the_openapi_document_with_examples() throws Exception {
    String doc = E2e.get("/openapi", null).body();
    assertThat(doc)
        .contains("/api/v1/knowledge/embeddings", "EmbeddingState", "mistral:mistral-embed")
        .contains("embeddingModel");
  }
}
