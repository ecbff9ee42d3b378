package io.omnireach.workflow.nodes;

import io.omnireach.channel.ChannelCapabilities;
import io.omnireach.channel.Messages;
import io.omnireach.channel.OutboundPolicy;
import io.omnireach.common.DomainException;
import io.omnireach.lead.Lead;
import io.omnireach.workflow.MergeFields;
import io.omnireach.workflow.engine.StepClaim;
import io.omnireach.workflow.engine.StepFailure;
import io.omnireach.workflow.engine.StepOutcome;
import io.omnireach.workflow.node.ConfigReader;
import io.omnireach.workflow.node.NodeCheck;
import io.omnireach.workflow.node.NodePalette;
import io.omnireach.workflow.node.NodeServices;
import io.omnireach.workflow.node.NodeTypeFactory;
import io.omnireach.workflow.node.Step;
import io.omnireach.workflow.node.StepExecutor;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Queues an SMS through the outbox the way {@code POST /leads/{id}/messages} does ({@link
 * Messages#insertSms}; idempotency key {@code tenant:wf:<run>:<node>}): no SMS set up, no granted
 * SMS consent or no phone in E.164 fail the step for good with the reason; quiet hours and the
 * tenant's window are the relay's, which defers. An empty body sends the preceding AI Generate
 * step's body.
 */
public final class SendSmsNode implements NodeTypeFactory<SendSmsNode.Config> {

  public static final String ID = "send_sms";

  public record Config(String body) {
    public boolean usesGenerated() {
      return ConfigReader.isBlank(body);
    }
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public NodePalette palette() {
    Map<String, Object> defaults = new LinkedHashMap<>();
    defaults.put("body", "");
    return new NodePalette(
        "Send SMS",
        "Text the lead through Twilio (needs SMS consent)",
        "Outreach",
        "#0ea5e9",
        "<path d=\"M4 5h16a1.5 1.5 0 0 1 1.5 1.5v9A1.5 1.5 0 0 1 20 17H9l-4.5 3.5V17H4"
            + "a1.5 1.5 0 0 1-1.5-1.5v-9A1.5 1.5 0 0 1 4 5z\"/>",
        true,
        NodePalette.ONE_OUTPUT,
        defaults);
  }

  @Override
  public Config read(ConfigReader r) {
    return new Config(r.text("body"));
  }

  @Override
  public void validate(Config sms, NodeCheck check) {
    if (sms.usesGenerated()) {
      if (!check.hasUpstream(AiGenerateNode.ID)) {
        check.error("body", "Write the text, or put an AI Generate step before this SMS.");
      }
    } else if (sms.body().length() > ChannelCapabilities.SMS.maxLength()) {
      check.error(
          "body", "An SMS is at most " + ChannelCapabilities.SMS.maxLength() + " characters.");
    }
    check.mergeFields("body", sms.body());
  }

  @Override
  public StepExecutor<Config> executor(NodeServices services) {
    return SendSmsNode::execute;
  }

  private static StepOutcome execute(Step<Config> s) throws SQLException {
    Lead lead = s.requireLead();
    StepClaim claim = s.claim();
    String body = s.config().body();
    if (ConfigReader.isBlank(body)) {
      Map<String, Object> generated = SendEmailNode.lastGenerated(s.c(), claim.runId());
      if (generated == null) {
        throw StepFailure.permanent("No AI Generate output before this SMS in the run.");
      }
      body = Objects.toString(generated.get("body"), "");
    }
    body = MergeFields.render(s.c(), body, lead).strip();
    if (body.isEmpty()) {
      throw StepFailure.permanent("The SMS has no text after merging.");
    }
    if (body.length() > ChannelCapabilities.SMS.maxLength()) {
      throw StepFailure.permanent(
          "The SMS is "
              + body.length()
              + " characters after merging; at most "
              + ChannelCapabilities.SMS.maxLength()
              + ".");
    }
    String key =
        s.tenant().slug()
            + ":wf:"
            + claim.runId()
            + ":"
            + claim.nodeId()
            + (claim.visit() > 1 ? "#" + claim.visit() : "");
    long messageId;
    try {
      messageId =
          Messages.insertSms(
              s.c(), lead.id(), body, key, s.actor(), Clock.fixed(s.now(), ZoneOffset.UTC));
    } catch (DomainException e) {
      throw StepFailure.permanent(e.getMessage());
    }
    OutboundPolicy.Result policy =
        OutboundPolicy.atQueue(
            s.c(), s.tenant().slug(), messageId, Clock.fixed(s.now(), ZoneOffset.UTC));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("messageId", messageId);
    out.put("channel", "sms");
    out.put("idempotencyKey", key);
    if (policy.blocked()) {
      out.put("blocked", true);
    } else if (policy.stepNote() != null) {
      out.put("policyWarning", policy.stepNote());
    }
    return new StepOutcome.Done(
        out,
        null,
        policy.blocked() ? null : policy.stepNote(),
        null,
        messageId,
        policy.blocked() ? policy.stepNote() : null);
  }
}
