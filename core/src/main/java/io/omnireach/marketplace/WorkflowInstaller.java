package io.omnireach.marketplace;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnireach.block.BlockKind;
import io.omnireach.block.BlockManifest;
import io.omnireach.common.DomainException;
import io.omnireach.tenant.TenantRef;
import io.omnireach.workflow.WorkflowExchange;
import io.omnireach.workflow.WorkflowGraph;
import io.omnireach.workflow.WorkflowRef;
import io.omnireach.workflow.WorkflowStatus;
import io.omnireach.workflow.WorkflowSummary;
import io.omnireach.workflow.Workflows;
import io.omnireach.workflow.node.NodeTypes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A workflow block: its content is the {@link WorkflowExchange} JSON. Installed as a new draft;
 * persona and mailbox names map to the tenant's own.
 */
public final class WorkflowInstaller implements BlockInstaller {

  static final String TYPE = "workflow";

  /** The channel each sending node type needs. */
  private static final Map<String, String> CHANNEL_OF =
      Map.of("send_email", TenantChannels.EMAIL, "send_sms", TenantChannels.SMS, "call", "voice");

  private final Workflows workflows;
  private final TenantChannels channels;

  public WorkflowInstaller(Workflows workflows, TenantChannels channels) {
    this.workflows = workflows;
    this.channels = channels;
  }

  @Override
  public BlockKind kind() {
    return BlockKind.WORKFLOW;
  }

  @Override
  public Exported export(TenantRef tenant, long ref) {
    return export(tenant, ref, null);
  }

  /** A published version of the workflow ({@code version}), or its draft when null. */
  public Exported export(TenantRef tenant, long ref, Integer version) {
    JsonNode content = Json.tree(workflows.export(tenant, ref, version));
    WorkflowExchange.Document doc = WorkflowExchange.read(content.toString());
    return new Exported(
        doc.name(),
        doc.description() == null
            ? "A workflow of " + doc.graph().nodes().size() + " steps."
            : doc.description(),
        content,
        requirements(doc),
        List.of());
  }

  /** The node types a workflow uses and the channels its sending steps need. */
  static BlockManifest.Requirements requirements(WorkflowExchange.Document doc) {
    Set<String> types = new LinkedHashSet<>();
    Set<String> needs = new LinkedHashSet<>();
    for (WorkflowGraph.Node n : doc.graph().nodes()) {
      types.add(n.type());
      if (CHANNEL_OF.containsKey(n.type())) {
        needs.add(CHANNEL_OF.get(n.type()));
      }
    }
    return new BlockManifest.Requirements(List.copyOf(types), List.copyOf(needs));
  }

  @Override
  public InstallPlan plan(TenantRef tenant, BlockManifest manifest, JsonNode content) {
    WorkflowExchange.Document doc = WorkflowExchange.read(content.toString());
    List<String> needs = new ArrayList<>();
    Set<String> channelsNeeded = new LinkedHashSet<>(manifest.requires().channels());
    for (WorkflowGraph.Node n : doc.graph().nodes()) {
      if (NodeTypes.find(n.type()).isEmpty()) {
        needs.add("the node type \"" + n.type() + "\" (not available on this server)");
      }
      if (CHANNEL_OF.containsKey(n.type())) {
        channelsNeeded.add(CHANNEL_OF.get(n.type()));
      }
    }
    for (String type : manifest.requires().nodeTypes()) {
      if (NodeTypes.find(type).isEmpty()
          && needs.stream().noneMatch(s -> s.contains("\"" + type + "\""))) {
        needs.add("the node type \"" + type + "\" (not available on this server)");
      }
    }
    for (String channel : channelsNeeded) {
      channels.missing(tenant, channel).ifPresent(needs::add);
    }
    WorkflowExchange.Names names = workflows.names(tenant);
    Set<InstallPlan.Mapping> mappings = new LinkedHashSet<>();
    for (WorkflowGraph.Node n : doc.graph().nodes()) {
      Object persona = n.config().get("personaName");
      if (persona != null) {
        mappings.add(
            new InstallPlan.Mapping(
                "persona", persona.toString(), names.personaId(persona.toString())));
      }
      Object mailbox = n.config().get("mailboxName");
      if (mailbox != null) {
        mappings.add(
            new InstallPlan.Mapping(
                "mailbox", mailbox.toString(), names.mailboxId(mailbox.toString())));
      }
    }
    String line =
        "workflow \"" + doc.name() + "\" (a draft of " + doc.graph().nodes().size() + " steps)";
    return new InstallPlan(List.of(line), needs, List.copyOf(mappings));
  }

  @Override
  public List<CreatedItem> install(TenantRef tenant, JsonNode content, String actor) {
    WorkflowRef ref = workflows.importJson(tenant, content.toString(), actor);
    WorkflowSummary s = workflows.summary(tenant, ref.id());
    return List.of(new CreatedItem(TYPE, s.id(), s.name()));
  }

  /** Archives (workflows keep their run history; an archived one no longer runs). */
  @Override
  public void uninstall(TenantRef tenant, List<CreatedItem> created, String actor) {
    for (CreatedItem item : created) {
      if (!TYPE.equals(item.type())) {
        continue;
      }
      try {
        if (workflows.summary(tenant, item.id()).status() != WorkflowStatus.ARCHIVED) {
          workflows.archive(tenant, item.id(), actor);
        }
      } catch (DomainException e) {
        if (e.kind() != DomainException.Kind.NOT_FOUND) {
          throw e;
        }
      }
    }
  }
}
