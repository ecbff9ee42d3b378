package io.omnireach.marketplace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnireach.block.BlockKind;
import io.omnireach.block.BlockManifest;
import io.omnireach.common.DomainException;
import io.omnireach.policy.Policies;
import io.omnireach.policy.Policy;
import io.omnireach.policy.PolicyRules;
import io.omnireach.tenant.TenantRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tenant's policy set as a block: {@code {"policies":[{"name","kind","severity",
 * "explanation","enabled", …the kind's parameters}]}} — each entry in the body POST /policies
 * takes. Installing adds the policies beside the tenant's own.
 */
public final class PolicySetInstaller implements BlockInstaller {

  static final String TYPE = "policy";
  private final Policies policies;

  public PolicySetInstaller(Policies policies) {
    this.policies = policies;
  }

  @Override
  public BlockKind kind() {
    return BlockKind.POLICY_SET;
  }

  @Override
  public Exported export(TenantRef tenant, long ignored) {
    List<Policy> all = policies.list(tenant);
    if (all.isEmpty()) {
      throw DomainException.unprocessable(
          null, "This workspace has no policies yet: there is no policy set to export.");
    }
    ObjectNode content = Json.MAPPER.createObjectNode();
    ArrayNode list = content.putArray("policies");
    for (Policy p : all) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", p.name());
      entry.put("kind", p.kind().wire());
      entry.put("severity", p.severity().wire());
      entry.put("explanation", p.explanation());
      entry.put("enabled", p.enabled());
      entry.putAll(PolicyRules.params(p.kind(), p.rule()));
      list.add(Json.MAPPER.valueToTree(entry));
    }
    return new Exported(
        "Policy set",
        all.size()
            + " compliance rules: "
            + String.join(", ", all.stream().map(Policy::name).toList()),
        content,
        BlockManifest.Requirements.none(),
        List.of("compliance"));
  }

  @Override
  public InstallPlan plan(TenantRef tenant, BlockManifest manifest, JsonNode content) {
    List<String> creates = new ArrayList<>();
    for (PolicyRules.Draft d : drafts(content)) {
      creates.add(
          "policy \""
              + (d.name() == null ? PolicyRules.defaultName(d.kind(), d.rule()) : d.name())
              + "\" ("
              + d.kind().wire()
              + ", "
              + d.severity().wire()
              + ")");
    }
    return new InstallPlan(creates, List.of(), List.of());
  }

  @Override
  public List<CreatedItem> install(TenantRef tenant, JsonNode content, String actor) {
    List<CreatedItem> created = new ArrayList<>();
    for (PolicyRules.Draft d : drafts(content)) { // all read and checked before the first insert
      Policy p = policies.create(tenant, d, actor);
      created.add(new CreatedItem(TYPE, p.id(), p.name()));
    }
    return created;
  }

  @Override
  public void uninstall(TenantRef tenant, List<CreatedItem> created, String actor) {
    for (CreatedItem item : created) {
      if (TYPE.equals(item.type())) {
        try {
          policies.delete(tenant, item.id(), actor);
        } catch (DomainException e) {
          if (e.kind() != DomainException.Kind.NOT_FOUND) {
            throw e;
          }
        }
      }
    }
  }

  private static List<PolicyRules.Draft> drafts(JsonNode content) {
    JsonNode list = content.get("policies");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw DomainException.invalid(
          "content.policies", "content.policies must be a non-empty array.");
    }
    List<PolicyRules.Draft> drafts = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (!list.get(i).isObject()) {
        throw DomainException.invalid(
            "content.policies[" + i + "]", "content.policies[" + i + "] must be an object.");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> in = Json.MAPPER.convertValue(list.get(i), Map.class);
      try {
        drafts.add(PolicyRules.read(in));
      } catch (DomainException e) {
        throw new DomainException(
            e.kind(),
            "content.policies[" + i + "]" + (e.field() == null ? "" : "." + e.field()),
            "policies[" + i + "]: " + e.getMessage());
      }
    }
    return drafts;
  }
}
