package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Health, OpenAPI and metrics as operators and integrators use them. */
class OperationsIT {

  @Test
  void readiness_reports_the_database_and_migrations() throws Exception {
    HttpResponse<String> ready = E2e.get("/health/ready", null);
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).contains("\"pendingMigrations\":0");
    assertThat(E2e.get("/health/live", null).statusCode()).isEqualTo(200);
  }

  @Test
  void every_api_path_is_in_the_openapi_document_with_examples() throws Exception {
    String doc = E2e.get("/openapi", null).body();
    assertThat(doc)
        .contains(
            "/api/v1/auth/token",
            "/api/v1/auth/refresh",
            "/api/v1/auth/logout",
            "/api/v1/me",
            "/api/v1/tenants",
            "/api/v1/tenants/{slug}/suspend",
            "/api/v1/users/{id}",
            "/api/v1/invitations",
            "/api/v1/invitations/accept",
            "examples:",
            "bearer");
    // one set of problem responses, referenced by the operations (with a problem+json example)
    assertThat(doc)
        .contains("NotFound:", "Unauthorized:", "Forbidden:", "application/problem+json")
        .contains("#/components/responses/NotFound", "#/components/responses/Forbidden")
        .contains("No workflow 42 in this workspace.");
    assertThat(doc.split("#/components/responses/NotFound", -1).length - 1)
        .as("operations that reference the shared 404")
        .isGreaterThan(30);
  }

  @Test
  void metrics_are_prometheus_text_with_jvm_http_and_login_counters() throws Exception {
    E2e.token("sales@acme.demo");
    HttpResponse<String> metrics = E2e.get("/metrics", null);
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .contains(
            "jvm_memory_used_bytes",
            "omnireach_http_server_requests_seconds_count",
            "omnireach_logins_total{outcome=\"success\"}");
  }

  @Test
  void every_response_carries_a_request_id_and_keeps_a_well_formed_one_from_the_client()
      throws Exception {
    assertThat(E2e.get("/api/v1/me", null).headers().firstValue("X-Request-Id"))
        .hasValueSatisfying(id -> assertThat(id).hasSize(36));
    HttpResponse<String> echoed =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(E2e.BASE_URL + "/api/v1/me"))
                    .header("X-Request-Id", "trace-0123456789")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(echoed.headers().firstValue("X-Request-Id")).hasValue("trace-0123456789");
  }
}
