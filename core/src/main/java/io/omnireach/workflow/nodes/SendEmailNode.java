package io.omnireach.workflow.nodes;

import io.omnireach.channel.Messages;
import io.omnireach.channel.NewMessage;
import io.omnireach.channel.OutboundPolicy;
import io.omnireach.common.DomainException;
import io.omnireach.lead.Lead;
import io.omnireach.workflow.MergeFields;
import io.omnireach.workflow.WorkflowJson;
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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Queues an email through the outbox (idempotency key {@code tenant:wf:<run>:<node>}); the relay
 * sends it after the chunk commits. {@code mailboxId} null means rotate across the tenant's
 * mailboxes. Empty subject and body mean: use the output of the preceding AI Generate step. A lead
 * without an email address skips the step with that reason in the step log.
 */
public final class SendEmailNode implements NodeTypeFactory<SendEmailNode.Config> {

  public record Config(Long mailboxId, String subject, String body, List<Variant> variants) {

    public boolean rotates() {
      return mailboxId == null;
    }

    public boolean usesGenerated() {
      return ConfigReader.isBlank(subject) && ConfigReader.isBlank(body);
    }
  }

  /** An A/B variant of a send; weights split the runs (equal weights = even split). */
  public record Variant(String name, String subject, String body, int weight) {}

  @Override
  public String id() {
    return "send_email";
  }

  @Override
  public NodePalette palette() {
    Map<String, Object> defaults = new LinkedHashMap<>();
    defaults.put("mailboxId", null);
    defaults.put("subject", "");
    defaults.put("body", "");
    return new NodePalette(
        "Send email",
        "Send from one of your mailboxes, with A/B variants",
        "Outreach",
        "#3b82f6",
        "<rect x=\"2.5\" y=\"5\" width=\"19\" height=\"14\" rx=\"2.5\"/>"
            + "<path d=\"M3 7l9 6 9-6\"/>",
        true,
        NodePalette.ONE_OUTPUT,
        defaults);
  }

  @Override
  public Config read(ConfigReader r) {
    Long mailbox = null;
    Object raw = r.get("mailboxId");
    if (raw != null && !"rotate".equals(raw) && !"".equals(raw)) {
      mailbox = r.id("mailboxId", false);
    }
    List<Variant> variants = new ArrayList<>();
    Object rawVariants = r.get("variants");
    if (rawVariants instanceof List<?> list) {
      int i = 0;
      for (Object o : list) {
        String field = "variants[" + i++ + "]";
        if (!(o instanceof Map<?, ?> v)) {
          r.error(field, "A variant is an object with name, subject, body and weight.");
          continue;
        }
        String name = ConfigReader.str(v.get("name"));
        int weight = 1;
        Object w = v.get("weight");
        if (w != null) {
          Long parsed = ConfigReader.number(w);
          if (parsed == null || parsed < 0 || parsed > 1000) {
            r.error(field + ".weight", "A variant's weight is a whole number from 0 to 1000.");
          } else {
            weight = parsed.intValue();
          }
        }
        variants.add(
            new Variant(
                ConfigReader.isBlank(name)
                    ? String.valueOf((char) ('A' + variants.size()))
                    : name.strip(),
                ConfigReader.str(v.get("subject")),
                ConfigReader.str(v.get("body")),
                weight));
      }
      if (!variants.isEmpty() && variants.stream().mapToInt(Variant::weight).sum() == 0) {
        r.error("variants", "At least one variant needs a weight above 0.");
      }
    } else if (rawVariants != null) {
      r.error("variants", "variants is a list of {name, subject, body, weight}.");
    }
    return new Config(mailbox, r.text("subject"), r.text("body"), List.copyOf(variants));
  }

  @Override
  public void validate(Config send, NodeCheck check) {
    if (send.rotates()) {
      if (check.catalog().mailboxIds().isEmpty()) {
        check.error("mailboxId", "There is no mailbox to send from: add one in Settings.");
      }
    } else if (!check.catalog().mailboxIds().contains(send.mailboxId())) {
      check.error("mailboxId", "No mailbox " + send.mailboxId() + " in this workspace.");
    }
    if (send.usesGenerated()) {
      if (!check.hasUpstream(AiGenerateNode.ID)) {
        check.error(
            "body", "Write a subject and body, or put an AI Generate step before this send.");
      }
    } else {
      if (ConfigReader.isBlank(send.subject())) {
        check.error("subject", "A subject is required with a body.");
      }
      if (ConfigReader.isBlank(send.body()) && send.variants().isEmpty()) {
        check.error("body", "A body is required with a subject.");
      }
    }
    check.mergeFields("subject", send.subject());
    check.mergeFields("body", send.body());
    for (int i = 0; i < send.variants().size(); i++) {
      Variant v = send.variants().get(i);
      check.mergeFields("variants[" + i + "].subject", v.subject());
      check.mergeFields("variants[" + i + "].body", v.body());
    }
  }

  @Override
  public StepExecutor<Config> executor(NodeServices services) {
    return SendEmailNode::execute;
  }

  private static StepOutcome execute(Step<Config> s) throws SQLException {
    Config send = s.config();
    Lead lead = s.requireLead();
    if (lead.email() == null || lead.email().isBlank()) {
      // a phone- or LinkedIn-only lead: the step is skipped (logged), the run goes on to the
      // channels it has, as a Send with fallback would
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("skipped", "lead has no email address");
      return new StepOutcome.Done(out, null, "Skipped: lead has no email address.", null, null);
    }
    StepClaim claim = s.claim();
    long mailboxId = send.rotates() ? rotate(s.c(), s.now()) : send.mailboxId();
    if (!send.rotates() && !RunEvents.exists(s.c(), "mailboxes", mailboxId)) {
      throw StepFailure.permanent("Mailbox " + mailboxId + " no longer exists.");
    }
    String subject = send.subject();
    String body = send.body();
    Long personaId = null;
    Variant variant = variant(send.variants(), claim.runId());
    if (variant != null) {
      subject = blank(variant.subject()) ? subject : variant.subject();
      body = blank(variant.body()) ? body : variant.body();
    }
    if (blank(subject) && blank(body)) {
      Map<String, Object> generated = lastGenerated(s.c(), claim.runId());
      if (generated == null) {
        throw StepFailure.permanent("No AI Generate output before this send in the run.");
      }
      subject = Objects.toString(generated.get("subject"), "");
      body = Objects.toString(generated.get("body"), "");
      personaId =
          generated.get("personaId") instanceof Number n ? Long.valueOf(n.longValue()) : null;
    }
    subject = MergeFields.render(s.c(), subject, lead);
    body = MergeFields.render(s.c(), body, lead);
    if (blank(subject) || blank(body)) {
      throw StepFailure.permanent("The email has no subject or no body after merging.");
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
          Messages.insert(
              s.c(),
              NewMessage.email(lead.id(), mailboxId, subject, body, key)
                  .withPersona(personaId)
                  .withActor(s.actor()),
              Clock.fixed(s.now(), ZoneOffset.UTC));
    } catch (DomainException e) {
      throw StepFailure.permanent(e.getMessage());
    }
    OutboundPolicy.Result policy =
        OutboundPolicy.atQueue(
            s.c(), s.tenant().slug(), messageId, Clock.fixed(s.now(), ZoneOffset.UTC));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("messageId", messageId);
    out.put("mailboxId", mailboxId);
    out.put("subject", subject);
    out.put("idempotencyKey", key);
    if (variant != null) {
      out.put("variant", variant.name());
    }
    if (policy.blocked()) {
      out.put("blocked", true);
    } else if (policy.stepNote() != null) {
      out.put("policyWarning", policy.stepNote());
    }
    String why =
        variant == null ? null : "Variant " + variant.name() + " (by weight, fixed per run).";
    return new StepOutcome.Done(
        out,
        null,
        policy.blocked() ? why : RunEvents.join(why, policy.stepNote()),
        variant == null ? null : variant.name(),
        messageId,
        policy.blocked() ? policy.stepNote() : null);
  }

  /**
   * The variant of this run: a stable hash of the run id over the summed weights, so a retried or
   * repeated step picks the same one and the split follows the weights.
   */
  public static Variant variant(List<Variant> variants, long runId) {
    int total = variants.stream().mapToInt(Variant::weight).sum();
    if (variants.isEmpty() || total <= 0) {
      return null;
    }
    long h = runId + 0x9E3779B97F4A7C15L; // splitmix64: consecutive run ids spread evenly
    h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
    h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
    h ^= (h >>> 31);
    int pick = (int) Math.floorMod(h, (long) total);
    for (Variant v : variants) {
      pick -= v.weight();
      if (pick < 0) {
        return v;
      }
    }
    return variants.get(variants.size() - 1);
  }

  /** The tenant mailbox with the fewest messages queued or sent today (UTC), lowest id on ties. */
  static long rotate(Connection c, Instant now) throws SQLException {
    Instant dayStart =
        LocalDate.ofInstant(now, ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select m.id from mailboxes m left join messages x on x.mailbox_id = m.id"
                + " and x.created_at >= ? group by m.id order by count(x.id), m.id limit 1")) {
      ps.setTimestamp(1, Timestamp.from(dayStart));
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw StepFailure.permanent("There is no mailbox to send from.");
        }
        return rs.getLong(1);
      }
    }
  }

  static Map<String, Object> lastGenerated(Connection c, long runId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select output from node_runs where run_id = ? and node_type = 'ai_generate'"
                + " and status = 'succeeded' order by id desc limit 1")) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? WorkflowJson.toMap(rs.getString(1)) : null;
      }
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
