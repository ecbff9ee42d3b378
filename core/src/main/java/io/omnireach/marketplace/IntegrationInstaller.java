package io.omnireach.marketplace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnireach.block.BlockKind;
import io.omnireach.block.BlockManifest;
import io.omnireach.common.DomainException;
import io.omnireach.integration.WebhookEvent;
import io.omnireach.integration.Webhooks;
import io.omnireach.tenant.TenantRef;
import java.util.ArrayList;
import java.util.List;

/**
 * An integration as a block: outbound webhook configurations, {@code {"webhooks":[{"url",
 * "description","events":[…]}]}} — configuration only, no code. Installing creates the webhooks
 * (each with a new secret nobody has seen yet: the plan says to rotate it in Settings →
 * Integrations and give it to the receiver). Workflows that call services carry their HTTP action
 * steps in workflow blocks.
 */
public final class IntegrationInstaller implements BlockInstaller {

  static final String TYPE = "webhook";
  private final Webhooks webhooks;

  public IntegrationInstaller(Webhooks webhooks) {
    this.webhooks = webhooks;
  }

  @Override
  public BlockKind kind() {
    return BlockKind.INTEGRATION;
  }

  @Override
  public Exported export(TenantRef tenant, long ref) {
    Webhooks.Webhook w = webhooks.get(tenant, ref);
    ObjectNode content = Json.MAPPER.createObjectNode();
    ObjectNode hook = content.putArray("webhooks").addObject();
    hook.put("url", w.url());
    if (w.description() != null) {
      hook.put("description", w.description());
    }
    ArrayNode events = hook.putArray("events");
    w.events().forEach(e -> events.add(e.code()));
    return new Exported(
        w.description() == null ? "Webhook to " + host(w.url()) : w.description(),
        "Sends "
            + String.join(", ", w.events().stream().map(WebhookEvent::code).toList())
            + " to "
            + w.url()
            + ", signed.",
        content,
        BlockManifest.Requirements.none(),
        List.of("integration", "webhook"));
  }

  @Override
  public InstallPlan plan(TenantRef tenant, BlockManifest manifest, JsonNode content) {
    List<String> creates = new ArrayList<>();
    for (Webhooks.Draft d : drafts(content)) {
      webhooks.checkUrl(d.url());
      creates.add("webhook → " + d.url() + " (" + String.join(", ", d.events()) + ")");
    }
    return new InstallPlan(
        creates,
        List.of(
            "the receivers' signing secrets: rotate each new webhook's secret in Settings →"
                + " Integrations and give it to the receiver"),
        List.of());
  }

  @Override
  public List<CreatedItem> install(TenantRef tenant, JsonNode content, String actor) {
    List<Webhooks.Draft> drafts = drafts(content);
    drafts.forEach(d -> webhooks.checkUrl(d.url())); // all checked before the first insert
    List<CreatedItem> created = new ArrayList<>();
    for (Webhooks.Draft d : drafts) {
      Webhooks.Webhook w = webhooks.create(tenant, d, actor).webhook();
      created.add(new CreatedItem(TYPE, w.id(), w.url()));
    }
    return created;
  }

  @Override
  public void uninstall(TenantRef tenant, List<CreatedItem> created, String actor) {
    for (CreatedItem item : created) {
      if (TYPE.equals(item.type())) {
        try {
          webhooks.delete(tenant, item.id(), actor);
        } catch (DomainException e) {
          if (e.kind() != DomainException.Kind.NOT_FOUND) {
            throw e;
          }
        }
      }
    }
  }

  private static List<Webhooks.Draft> drafts(JsonNode content) {
    JsonNode list = content.get("webhooks");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw DomainException.invalid(
          "content.webhooks", "content.webhooks must be a non-empty array.");
    }
    List<Webhooks.Draft> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode w = list.get(i);
      String at = "content.webhooks[" + i + "]";
      if (!w.isObject() || !w.path("url").isTextual() || !w.path("events").isArray()) {
        throw DomainException.invalid(at, at + " needs a url and an events array.");
      }
      List<String> events = new ArrayList<>();
      w.path("events").forEach(e -> events.add(e.asText()));
      events.forEach(e -> WebhookEvent.parse(at + ".events", e));
      out.add(
          new Webhooks.Draft(
              w.path("url").asText(),
              w.path("description").isTextual() ? w.path("description").asText() : null,
              events,
              true));
    }
    return out;
  }

  private static String host(String url) {
    try {
      return java.net.URI.create(url).getHost();
    } catch (IllegalArgumentException e) {
      return url;
    }
  }
}
