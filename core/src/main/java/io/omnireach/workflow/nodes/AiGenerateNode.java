package io.omnireach.workflow.nodes;

import io.omnireach.ai.Draft;
import io.omnireach.common.DomainException;
import io.omnireach.workflow.engine.StepFailure;
import io.omnireach.workflow.engine.StepGenerator;
import io.omnireach.workflow.engine.StepOutcome;
import io.omnireach.workflow.node.ConfigReader;
import io.omnireach.workflow.node.NodeCheck;
import io.omnireach.workflow.node.NodePalette;
import io.omnireach.workflow.node.NodeServices;
import io.omnireach.workflow.node.NodeTypeFactory;
import io.omnireach.workflow.node.Step;
import io.omnireach.workflow.node.StepExecutor;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a draft for the lead in the persona's voice; the prompt is the author's brief. A later
 * Send without its own text sends it.
 */
public final class AiGenerateNode implements NodeTypeFactory<AiGenerateNode.Config> {

  public static final String ID = "ai_generate";

  public record Config(Long personaId, String prompt) {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public NodePalette palette() {
    Map<String, Object> defaults = new LinkedHashMap<>();
    defaults.put("personaId", null);
    defaults.put("prompt", "");
    return new NodePalette(
        "AI generate",
        "Write a personal email in a persona’s voice",
        "Outreach",
        "#8b5cf6",
        "<path d=\"M11 3l1.9 5.1L18 10l-5.1 1.9L11 17l-1.9-5.1L4 10l5.1-1.9z\"/>"
            + "<path d=\"M19 15l.8 2.2L22 18l-2.2.8L19 21l-.8-2.2L16 18l2.2-.8z\"/>",
        true,
        NodePalette.ONE_OUTPUT,
        defaults);
  }

  @Override
  public Config read(ConfigReader r) {
    return new Config(r.id("personaId", true), r.text("prompt"));
  }

  @Override
  public void validate(Config ai, NodeCheck check) {
    if (ai.personaId() != null && !check.catalog().personaIds().contains(ai.personaId())) {
      check.error("personaId", "No persona " + ai.personaId() + " in this workspace.");
    }
  }

  @Override
  public StepExecutor<Config> executor(NodeServices services) {
    StepGenerator generator = services.generator();
    return s -> generate(s, generator);
  }

  private static StepOutcome generate(Step<Config> s, StepGenerator generator) throws SQLException {
    Config ai = s.config();
    s.requireLead();
    if (ai.personaId() == null || !RunEvents.exists(s.c(), "personas", ai.personaId())) {
      throw StepFailure.permanent(
          "Persona " + ai.personaId() + " no longer exists: pick another in the workflow.");
    }
    Draft draft;
    try {
      draft =
          generator.generate(
              s.tenant(),
              s.claim().leadId(),
              ai.personaId(),
              ai.prompt(),
              s.actor(),
              s.claim().workflowId());
    } catch (DomainException e) {
      throw new StepFailure(
          "AI generation failed: " + e.getMessage(),
          e.kind() != DomainException.Kind.TOO_MANY_REQUESTS);
    } catch (RuntimeException e) {
      throw StepFailure.transientFailure("AI generation failed: " + e.getMessage());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("subject", draft.subject());
    out.put("body", draft.body());
    out.put("personaId", ai.personaId());
    out.put("generator", draft.generator());
    out.put("cached", draft.cached());
    return StepOutcome.Done.of(out);
  }
}
