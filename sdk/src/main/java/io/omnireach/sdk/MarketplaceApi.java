package io.omnireach.sdk;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The workspace's block catalogue: search and rate ({@code /api/v1/marketplace}). */
public final class MarketplaceApi {

  private final Http http;

  MarketplaceApi(Http http) {
    this.http = http;
  }

  /**
   * Blocks whose text matches {@code q}, of one kind ({@code workflow}, {@code persona}, …); null
   * for any.
   */
  public List<MarketplaceBlock> search(String q, String kind) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("q", q);
    params.put("kind", kind);
    return http.get(
        "/api/v1/marketplace/blocks" + Http.query(params),
        Http.JSON.getTypeFactory().constructCollectionType(List.class, MarketplaceBlock.class));
  }

  /** Rates a block 1 to 5 stars (one rating per workspace and block; rating again replaces it). */
  public Review rate(String catalogueId, int stars, String text) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("stars", stars);
    body.put("text", text);
    return http.post(
        "/api/v1/marketplace/blocks/" + segment(catalogueId) + "/ratings", body, Review.class);
  }

  /**
   * Trusts a publisher's key in this workspace (Admin): its blocks then show as from a verified
   * publisher.
   *
   * @param publicKey PEM or base64 SPKI, as {@code omnireach-cli blocks keygen} writes it
   */
  public TrustedKey trust(String name, String publicKey) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("publicKey", publicKey);
    return http.post("/api/v1/marketplace/trusted-keys", body, TrustedKey.class);
  }

  public List<TrustedKey> trustedKeys() {
    return http.get(
        "/api/v1/marketplace/trusted-keys",
        Http.JSON.getTypeFactory().constructCollectionType(List.class, TrustedKey.class));
  }

  static String segment(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
