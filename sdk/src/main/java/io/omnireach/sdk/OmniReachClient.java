package io.omnireach.sdk;

import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A client of one OmniReach server.
 *
 * <pre>{@code
 * OmniReachClient client = OmniReachClient.builder().server("http://localhost:9080").build();
 * client.auth().login("admin@acme.demo", "omnireach-demo");
 * client.leads().list(null, null, 50).items();
 * }</pre>
 *
 * Thread-safe; one instance per server and user.
 */
public final class OmniReachClient {

  private final Http http;
  private final AuthApi auth;
  private final LeadsApi leads;
  private final WorkflowsApi workflows;
  private final BlocksApi blocks;
  private final MarketplaceApi marketplace;

  private OmniReachClient(Builder b) {
    this.http = new Http(b.server, b.tokens, b.timeout, b.onRefresh);
    this.auth = new AuthApi(http);
    this.leads = new LeadsApi(http, b.pollInterval);
    this.workflows = new WorkflowsApi(http);
    this.blocks = new BlocksApi(http);
    this.marketplace = new MarketplaceApi(http);
  }

  public static Builder builder() {
    return new Builder();
  }

  public URI server() {
    return http.base();
  }

  /** The tokens this client sends now (after sign-in or the last refresh), or null. */
  public Tokens tokens() {
    return http.tokens();
  }

  public AuthApi auth() {
    return auth;
  }

  public LeadsApi leads() {
    return leads;
  }

  public WorkflowsApi workflows() {
    return workflows;
  }

  public BlocksApi blocks() {
    return blocks;
  }

  public MarketplaceApi marketplace() {
    return marketplace;
  }

  public static final class Builder {
    private URI server = URI.create("http://localhost:9080");
    private Tokens tokens;
    private Duration timeout = Duration.ofSeconds(10);
    private Duration pollInterval = Duration.ofMillis(300);
    private Consumer<Tokens> onRefresh;

    private Builder() {}

    /** The server's base URL, e.g. {@code https://omnireach.example.com}. */
    public Builder server(String url) {
      this.server = URI.create(url);
      return this;
    }

    /** An access token to send (e.g. one kept from an earlier sign-in). */
    public Builder token(String accessToken) {
      this.tokens = accessToken == null ? null : Tokens.access(accessToken);
      return this;
    }

    /** Access and refresh token: the client renews the access token when it has run out. */
    public Builder tokens(Tokens tokens) {
      this.tokens = tokens;
      return this;
    }

    /** Told the new tokens after each automatic refresh (e.g. to store them). */
    public Builder onTokensRefreshed(Consumer<Tokens> listener) {
      this.onRefresh = listener;
      return this;
    }

    /** Connect timeout; a request may take six times as long. */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /** How often {@link LeadsApi#importCsv} asks for the import's progress. */
    public Builder pollInterval(Duration pollInterval) {
      this.pollInterval = pollInterval;
      return this;
    }

    public OmniReachClient build() {
      return new OmniReachClient(this);
    }
  }
}
