package io.omnireach.workflow.nodes;

import io.omnireach.channel.Messages;
import io.omnireach.lead.Consent;
import io.omnireach.lead.Lead;
import io.omnireach.workflow.engine.StepOutcome;
import io.omnireach.workflow.node.ConfigReader;
import io.omnireach.workflow.node.NodeCheck;
import io.omnireach.workflow.node.NodePalette;
import io.omnireach.workflow.node.NodeServices;
import io.omnireach.workflow.node.NodeTypeFactory;
import io.omnireach.workflow.node.Step;
import io.omnireach.workflow.node.StepExecutor;
import io.omnireach.workflow.nodes.FallbackChooser.Reach;
import io.omnireach.workflow.nodes.FallbackChooser.Route;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Send with fallback: tries the channels in the author's order and uses the first that can reach
 * the lead now ({@link FallbackChooser}); each channel's content is that channel's own step config
 * ({@code email} like Send email, {@code sms} like Send SMS, {@code linkedin} like LinkedIn task),
 * read, checked and executed by that node type. Email and SMS queue an outbox message; LinkedIn
 * creates the rep's task (the step does not wait for it). Every skipped channel is in the step's
 * output and log with the reason; when none can send, the step takes its {@code none} output.
 */
public final class SendFallbackNode implements NodeTypeFactory<SendFallbackNode.Config> {

  public static final String ID = "send_fallback";

  private static final SendEmailNode EMAIL = new SendEmailNode();
  private static final SendSmsNode SMS = new SendSmsNode();
  private static final LinkedInTaskNode LINKEDIN = new LinkedInTaskNode();

  /** The channel order and each listed channel's content (null for a channel not listed). */
  public record Config(
      List<Route> channels,
      SendEmailNode.Config email,
      SendSmsNode.Config sms,
      LinkedInTaskNode.Config linkedin) {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public NodePalette palette() {
    Map<String, Object> email = new LinkedHashMap<>();
    email.put("mailboxId", null);
    email.put("subject", "");
    email.put("body", "");
    Map<String, Object> linkedin = new LinkedHashMap<>();
    linkedin.put("action", "message");
    linkedin.put("personaId", null);
    linkedin.put("dueInDays", 0);
    Map<String, Object> defaults = new LinkedHashMap<>();
    defaults.put("channels", List.of("email", "linkedin", "sms"));
    defaults.put("email", email);
    defaults.put("linkedin", linkedin);
    defaults.put("sms", Map.of("body", ""));
    return new NodePalette(
        "Send with fallback",
        "Email, LinkedIn or SMS: the first channel that can reach the lead",
        "Outreach",
        "#6366f1",
        "<path d=\"M4 6h10\"/><path d=\"M11 3l3 3-3 3\"/><path d=\"M4 12h7\"/>"
            + "<path d=\"M8 9l3 3-3 3\"/><path d=\"M4 18h16\"/><path d=\"M17 15l3 3-3 3\"/>",
        true,
        List.of("sent", "none"),
        defaults);
  }

  @Override
  public Config read(ConfigReader r) {
    List<Route> order = new ArrayList<>();
    Object raw = r.get("channels");
    if (raw instanceof List<?> list) {
      Set<String> seen = new LinkedHashSet<>();
      for (Object o : list) {
        String name = ConfigReader.str(o);
        Route route = FallbackChooser.Route.parse(name).orElse(null);
        if (route == null) {
          r.error("channels", "channels lists email, linkedin and sms; got \"" + name + "\".");
        } else if (!seen.add(name)) {
          r.error("channels", "channels names " + name + " twice.");
        } else {
          order.add(route);
        }
      }
      if (list.isEmpty()) {
        r.error("channels", "List at least one channel to try.");
      }
    } else {
      r.error("channels", "channels is a list such as [\"email\", \"linkedin\", \"sms\"].");
    }
    return new Config(
        List.copyOf(order),
        order.contains(Route.EMAIL) ? EMAIL.read(r.nested("email")) : null,
        order.contains(Route.SMS) ? SMS.read(r.nested("sms")) : null,
        order.contains(Route.LINKEDIN) ? LINKEDIN.read(r.nested("linkedin")) : null);
  }

  @Override
  public void validate(Config c, NodeCheck check) {
    if (c.email() != null) {
      EMAIL.validate(c.email(), check.nested("email"));
    }
    if (c.sms() != null) {
      SMS.validate(c.sms(), check.nested("sms"));
    }
    if (c.linkedin() != null) {
      LINKEDIN.validate(c.linkedin(), check.nested("linkedin"));
    }
  }

  @Override
  public StepExecutor<Config> executor(NodeServices services) {
    StepExecutor<SendEmailNode.Config> email = EMAIL.executor(services);
    StepExecutor<SendSmsNode.Config> sms = SMS.executor(services);
    StepExecutor<LinkedInTaskNode.Config> linkedin = LINKEDIN.executor(services);
    return s -> {
      Lead lead = s.requireLead();
      Config c = s.config();
      Facts facts = facts(s.c(), lead, c, s.now());
      FallbackChooser.Choice choice =
          FallbackChooser.choose(c.channels(), lead.doNotContact(), facts.reach);
      List<Map<String, Object>> skipped = new ArrayList<>();
      for (FallbackChooser.Skipped k : choice.skipped()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("channel", k.route().apiName());
        m.put("reason", k.reason().name());
        m.put("why", k.why());
        skipped.add(m);
      }
      String log =
          choice.skipped().stream()
              .map(k -> k.route().label() + " skipped: " + k.why() + ".")
              .collect(Collectors.joining(" "));
      if (choice.route().isEmpty()) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("channel", null);
        out.put("skipped", skipped);
        return new StepOutcome.Done(
            out, "none", ("No channel available. " + log).strip(), null, null);
      }
      Route route = choice.route().get();
      StepOutcome sent =
          switch (route) {
            case EMAIL ->
                email.execute(
                    as(
                        s,
                        new SendEmailNode.Config(
                            facts.mailboxId,
                            c.email().subject(),
                            c.email().body(),
                            c.email().variants())));
            case SMS -> sms.execute(as(s, c.sms()));
            case LINKEDIN -> linkedin.execute(as(s, c.linkedin()));
          };
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("channel", route.apiName());
      Long messageId = null;
      String variant = null;
      String note = null;
      String sentWhy = null;
      if (sent instanceof StepOutcome.Done done) {
        out.putAll(done.output());
        messageId = done.messageId();
        variant = done.variant();
        note = done.note();
        sentWhy = (String) done.output().get("policyWarning");
      } else {
        // a LinkedIn task: the rep works it from the queue; the run goes on now
        out.putAll(((StepOutcome.Waiting) sent).output());
      }
      out.put("skipped", skipped);
      String via =
          route == Route.LINKEDIN
              ? "LinkedIn task created for the rep."
              : "Queued by " + route.label() + ".";
      return new StepOutcome.Done(
          out,
          "sent",
          RunEvents.join((log + " " + via).strip(), sentWhy),
          variant,
          messageId,
          note);
    };
  }

  private static <C> Step<C> as(Step<?> s, C config) {
    return new Step<>(s.c(), s.tenant(), s.claim(), s.lead(), config, s.now());
  }

  /** The chooser's facts and the mailbox an email would go from. */
  private record Facts(Map<Route, Reach> reach, Long mailboxId) {}

  private static Facts facts(Connection c, Lead lead, Config cfg, Instant now) throws SQLException {
    Instant dayStart = now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
    Map<Route, Reach> reach = new EnumMap<>(Route.class);
    Long mailboxId = null;
    if (cfg.email() != null) {
      String email = lead.email() == null || lead.email().isBlank() ? null : lead.email().strip();
      boolean configured;
      boolean atCap = false;
      if (cfg.email().rotates()) {
        mailboxId = mailboxUnderCap(c, null, dayStart);
        configured = mailboxId != null || RunEvents.any(c, "mailboxes");
        atCap = mailboxId == null && configured;
      } else {
        configured = RunEvents.exists(c, "mailboxes", cfg.email().mailboxId());
        mailboxId = mailboxUnderCap(c, cfg.email().mailboxId(), dayStart);
        atCap = configured && mailboxId == null;
      }
      reach.put(
          Route.EMAIL,
          new Reach(
              configured,
              email,
              consent(lead, Consent.Channel.EMAIL),
              false,
              email == null ? null : suppressed(c, email),
              atCap));
    }
    if (cfg.sms() != null) {
      Integer cap = null;
      boolean configured = false;
      try (PreparedStatement ps = c.prepareStatement("select daily_cap from sms_settings");
          ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          configured = true;
          cap = (Integer) rs.getObject(1);
        }
      }
      reach.put(
          Route.SMS,
          new Reach(
              configured,
              Messages.e164(lead.phone()),
              consent(lead, Consent.Channel.SMS),
              true,
              null,
              cap != null && smsToday(c, dayStart) >= cap));
    }
    if (cfg.linkedin() != null) {
      reach.put(
          Route.LINKEDIN,
          new Reach(
              true,
              lead.linkedinUrl() == null || lead.linkedinUrl().isBlank()
                  ? null
                  : lead.linkedinUrl(),
              null,
              false,
              null,
              false));
    }
    return new Facts(reach, mailboxId);
  }

  private static String consent(Lead lead, Consent.Channel channel) {
    Consent consent = lead.consent() == null ? null : lead.consent().get(channel);
    return consent == null ? null : consent.status().name().toLowerCase(Locale.ROOT);
  }

  /**
   * The mailbox (the given one, or for rotation the one with the fewest) whose messages queued or
   * sent today (UTC) are still below its daily cap; null when none is.
   */
  private static Long mailboxUnderCap(Connection c, Long only, Instant dayStart)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select m.id from mailboxes m left join messages x on x.mailbox_id = m.id"
                + " and x.created_at >= ? and x.status not in ('BLOCKED', 'FAILED')"
                + (only == null ? "" : " where m.id = ?")
                + " group by m.id having count(x.id) < max(m.daily_cap)"
                + " order by count(x.id), m.id limit 1")) {
      ps.setTimestamp(1, Timestamp.from(dayStart));
      if (only != null) {
        ps.setLong(2, only);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  private static int smsToday(Connection c, Instant dayStart) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select count(*) from messages where channel = 'SMS' and created_at >= ?"
                + " and status not in ('BLOCKED', 'FAILED')")) {
      ps.setTimestamp(1, Timestamp.from(dayStart));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private static String suppressed(Connection c, String email) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select reason from suppressions where email = lower(?)")) {
      ps.setString(1, email);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }
}
