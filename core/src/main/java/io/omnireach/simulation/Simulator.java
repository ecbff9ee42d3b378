package io.omnireach.simulation;

import io.omnireach.ai.AiCall;
import io.omnireach.ai.Draft;
import io.omnireach.channel.ChannelCapabilities;
import io.omnireach.channel.SendPolicy;
import io.omnireach.channel.SendWindow;
import io.omnireach.lead.Consent;
import io.omnireach.lead.Lead;
import io.omnireach.policy.OutboundText;
import io.omnireach.policy.Policy;
import io.omnireach.policy.PolicyContext;
import io.omnireach.policy.PolicyEngine;
import io.omnireach.policy.Verdict;
import io.omnireach.policy.Violation;
import io.omnireach.tenant.TenantRef;
import io.omnireach.workflow.MergeFields;
import io.omnireach.workflow.WorkflowGraph;
import io.omnireach.workflow.WorkflowSettings;
import io.omnireach.workflow.engine.StepGenerator;
import io.omnireach.workflow.node.NodeTypes;
import io.omnireach.workflow.node.ParsedNode;
import io.omnireach.workflow.nodes.AiGenerateNode;
import io.omnireach.workflow.nodes.DecisionNode;
import io.omnireach.workflow.nodes.SendEmailNode;
import io.omnireach.workflow.nodes.SendSmsNode;
import io.omnireach.workflow.nodes.WaitNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Walks a workflow graph for one lead against a simulated clock. It reads every node's config
 * through the node-type SPI ({@link NodeTypes#parse}) and decides as the engine's nodes do
 * (decisions via {@link DecisionNode#compare}, variants via {@link SendEmailNode#variant}, merge
 * fields, AI drafts through the {@link StepGenerator} it is given), but it never runs the nodes'
 * executors, which write runs and messages: this is a simulator beside the engine, not the engine
 * in a dry-run mode. Send times come from the pure {@link SendPolicy} (windows, quiet hours, daily
 * caps counted over the simulation's own sends), verdicts from the pure {@link PolicyEngine}. Waits
 * pass instantly; scripted replies drive decisions and stop-on-reply.
 */
public final class Simulator {

  /** A walk that long is a loop the engine would pace over days; the simulation stops it. */
  static final int MAX_STEPS = 60;

  /** A mailbox as sending sees it: its window (null: any time) and daily cap. */
  public record Mailbox(long id, SendWindow window, int dailyCap) {}

  /**
   * Everything the walk needs besides the graph and the lead, read once per simulation.
   *
   * @param smsWindow the tenant's SMS window (null: any time within the quiet hours)
   */
  public record Environment(
      TenantRef tenant,
      WorkflowSettings settings,
      List<Policy> policies,
      List<Mailbox> mailboxes,
      SendWindow smsWindow,
      int smsDailyCap,
      Set<LocalDate> holidays,
      Instant start,
      StepGenerator generator,
      SimulationAi ai,
      long workflowId) {

    /** Without the tenant's provider ({@code ai} null): every AI step is the offline writer's. */
    public Environment(
        TenantRef tenant,
        WorkflowSettings settings,
        List<Policy> policies,
        List<Mailbox> mailboxes,
        SendWindow smsWindow,
        int smsDailyCap,
        Set<LocalDate> holidays,
        Instant start,
        StepGenerator generator) {
      this(
          tenant,
          settings,
          policies,
          mailboxes,
          smsWindow,
          smsDailyCap,
          holidays,
          start,
          generator,
          null,
          0);
    }
  }

  /**
   * At most this many provider calls per simulation: 300 leads with a few AI steps each would
   * otherwise spend hundreds of calls (and the month's token budget) on a dry run, while 50 drafts
   * already show how the model writes for this workflow. Later steps get the offline writer.
   */
  public static final int MAX_PROVIDER_CALLS = 50;

  /** The simulation's cost and sending counters, shared by all its leads. */
  public static final class Tally {
    int aiCalls;
    int aiTokens;
    int providerCalls;
    int providerTokens;
    BigDecimal providerCost = BigDecimal.ZERO;
    private final Map<String, Integer> sentPerDay = new HashMap<>();

    /**
     * The provider's share: {@code {"calls","tokens","costUsd","billed":false}} (calls include
     * cache answers, which cost nothing).
     */
    public Map<String, Object> aiCost() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("calls", providerCalls);
      m.put("tokens", providerTokens);
      m.put("costUsd", providerCost);
      m.put("billed", false);
      return m;
    }

    public int aiCalls() {
      return aiCalls;
    }

    public int aiTokens() {
      return aiTokens;
    }

    int sent(String sender, Instant at) {
      return sentPerDay.getOrDefault(sender + "@" + at.atZone(ZoneOffset.UTC).toLocalDate(), 0);
    }

    void count(String sender, Instant at) {
      sentPerDay.merge(sender + "@" + at.atZone(ZoneOffset.UTC).toLocalDate(), 1, Integer::sum);
    }
  }

  private final Environment env;
  private final WorkflowGraph graph;
  private final Tally tally;

  /** How long an out-of-office reply pauses a lead (the engine's default without a date). */
  static final Duration AWAY = Duration.ofDays(7);

  public Simulator(Environment env, WorkflowGraph graph, Tally tally) {
    this.env = env;
    this.graph = graph;
    this.tally = tally;
  }

  /** One lead's timeline: {@code {"leadId","name","steps":[…],"end"}}. */
  public Map<String, Object> run(Lead lead, int index, List<ScriptedReply> script) {
    List<ScriptedReply> mine = script.stream().filter(r -> r.isFor(lead.id(), index)).toList();
    Walk w = new Walk(lead, mine);
    String end = w.walk();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("leadId", lead.id());
    out.put("name", lead.fullName());
    out.put("steps", w.steps);
    out.put("end", end);
    return out;
  }

  private final class Walk {
    final Lead lead;
    final List<ScriptedReply> replies;
    final List<Map<String, Object>> steps = new ArrayList<>();
    final List<Instant> sends = new ArrayList<>();
    final Map<String, Instant> lastSendOn = new HashMap<>();
    Instant clock = env.start();
    final java.util.Set<Integer> away = new java.util.HashSet<>();
    Draft generated;
    Long generatedPersona;

    Walk(Lead lead, List<ScriptedReply> replies) {
      this.lead = lead;
      this.replies = replies;
    }

    String walk() {
      Optional<WorkflowGraph.Node> start = graph.start();
      if (start.isEmpty()) {
        return "no start node";
      }
      WorkflowGraph.Node node = start.get();
      for (int i = 0; i < MAX_STEPS; i++) {
        String stop = stopped();
        if (stop != null) {
          step(node, "stopped").put("note", stop);
          return "stopped: " + stop;
        }
        pauseIfAway(node);
        Map<String, Object> step = step(node, node.type());
        String branch;
        try {
          branch = execute(node, step);
        } catch (RuntimeException e) {
          step.put("note", "Would fail: " + e.getMessage());
          return "failed at " + node.id();
        }
        if (node.type().equals("end")) {
          return "end " + node.id();
        }
        WorkflowGraph.Node next = next(node, branch);
        if (next == null) {
          return "end after " + node.id();
        }
        node = next;
      }
      return "stopped after " + MAX_STEPS + " steps (a loop)";
    }

    /**
     * A scripted out-of-office reply that has come pauses the lead as the engine pauses its run:
     * until the lead is back ({@link #AWAY}, the engine's default without a return date); the step
     * then runs when the pause ends.
     */
    void pauseIfAway(WorkflowGraph.Node node) {
      for (int i = 0; i < replies.size(); i++) {
        ScriptedReply r = replies.get(i);
        if (!r.kind().equals("out_of_office") || away.contains(i) || at(r).isAfter(clock)) {
          continue;
        }
        away.add(i);
        Instant back = at(r).plus(AWAY);
        if (back.isAfter(clock)) {
          step(node, "paused")
              .put(
                  "note",
                  "Out of office on day "
                      + r.onDay()
                      + ": paused until "
                      + back.toString().substring(0, 10)
                      + ", as a run is paused until the lead is back.");
          clock = back;
        }
      }
    }

    /** Why the run would end now: a reply (stop on reply) or a booked meeting. */
    String stopped() {
      for (ScriptedReply r : replies) {
        Instant at = at(r);
        if (at.isAfter(clock)) {
          continue;
        }
        if (r.answers() && env.settings().stopOnReply()) {
          return "replied on day " + r.onDay() + " (the workflow stops on reply)";
        }
        if (r.kind().equals("meeting_booked") && !hasMeetingDecision()) {
          return "meeting booked on day " + r.onDay();
        }
      }
      return null;
    }

    boolean hasMeetingDecision() {
      return graph.nodes().stream()
          .anyMatch(
              n ->
                  n.type().equals("decision")
                      && NodeTypes.parse(n).config() instanceof DecisionNode.Config c
                      && c.condition() != null
                      && "meeting_booked".equals(c.condition().kind()));
    }

    Map<String, Object> step(WorkflowGraph.Node node, String type) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("nodeId", node.id());
      s.put("type", type);
      s.put("at", clock.toString());
      steps.add(s);
      return s;
    }

    WorkflowGraph.Node next(WorkflowGraph.Node node, String branch) {
      List<WorkflowGraph.Edge> out = graph.outgoing(node.id());
      WorkflowGraph.Edge edge =
          branch == null
              ? out.stream().findFirst().orElse(null)
              : out.stream().filter(e -> branch.equals(e.condition())).findFirst().orElse(null);
      return edge == null ? null : graph.node(edge.target()).orElse(null);
    }

    /** Runs one node on the simulated clock; returns a decision's branch (null elsewhere). */
    String execute(WorkflowGraph.Node node, Map<String, Object> step) {
      if (NodeTypes.of(node).isEmpty()) {
        throw new IllegalStateException("unknown node type " + node.type());
      }
      ParsedNode<?> parsed = NodeTypes.parse(node);
      Object config = parsed.config();
      if (config instanceof WaitNode.Config wait) {
        wait(wait, step);
      } else if (config instanceof DecisionNode.Config d) {
        String[] decided = decide(d.condition());
        step.put("branch", decided[0]);
        step.put("note", decided[1]);
        return decided[0];
      } else if (config instanceof AiGenerateNode.Config ai) {
        generate(ai, step);
      } else if (config instanceof SendEmailNode.Config send) {
        sendEmail(send, step);
      } else if (config instanceof SendSmsNode.Config sms) {
        sendSms(sms, step);
      } else if (!node.type().equals("start") && !node.type().equals("end")) {
        step.put("note", "Not simulated: the " + node.type() + " step is passed over.");
      }
      return null;
    }

    void wait(WaitNode.Config wait, Map<String, Object> step) {
      if (wait.until() == null) {
        clock = clock.plus(wait.duration());
        step.put("note", "Waits " + wait.duration() + " (passes instantly).");
        return;
      }
      Instant deadline = clock.plus(wait.timeout());
      Instant woken = null;
      if (wait.until().equals("reply")) {
        woken =
            replies.stream()
                .filter(ScriptedReply::answers)
                .map(this::at)
                .filter(t -> t.isAfter(clock) && !t.isAfter(deadline))
                .min(Instant::compareTo)
                .orElse(null);
      }
      clock = woken == null ? deadline : woken;
      step.put(
          "note",
          woken == null
              ? "No " + wait.until() + " within " + wait.timeout() + "; goes on."
              : "Woken by the scripted reply.");
    }

    /** The branch and why, as {@link DecisionNode} decides, with scripted events for the real. */
    String[] decide(DecisionNode.Condition cond) {
      boolean yes;
      String why;
      switch (cond.kind()) {
        case "replied" -> {
          ScriptedReply r = latest(ScriptedReply::answers, null);
          yes = r != null;
          why = yes ? "Scripted reply on day " + r.onDay() + "." : "No reply so far.";
        }
        case "meeting_booked" -> {
          ScriptedReply r = latest(x -> x.kind().equals("meeting_booked"), null);
          yes = r != null;
          why = yes ? "Meeting booked on day " + r.onDay() + "." : "No meeting booked.";
        }
        case "opened", "clicked", "call" -> {
          yes = false;
          why = "A simulation has no " + cond.kind() + " events.";
        }
        case "score" -> {
          yes = DecisionNode.compare(Integer.toString(lead.score()), cond.op(), cond.value());
          why = "Score " + lead.score() + " " + cond.op() + " " + cond.value() + ": " + yes + ".";
        }
        case "relationship" -> {
          int s = lead.relationshipScore();
          yes = DecisionNode.compare(Integer.toString(s), cond.op(), cond.value());
          why = "Relationship score " + s + " " + cond.op() + " " + cond.value() + ": " + yes;
        }
        case "field" -> {
          String value = MergeFields.render("{{lead." + cond.field() + "}}", lead);
          yes = DecisionNode.compare(value, cond.op(), cond.value());
          why = "Lead " + cond.field() + " is \"" + value + "\": " + yes + ".";
        }
        case "no_reply" -> {
          String channel = cond.channel();
          Instant sent = lastSendOn.get(channel);
          if (sent == null) {
            yes = false;
            why = "Nothing was sent by " + channel + " in this simulation.";
          } else {
            Instant deadline = sent.plus(Duration.ofDays(cond.days()));
            ScriptedReply r =
                replies.stream()
                    .filter(ScriptedReply::answers)
                    .filter(x -> !at(x).isBefore(sent) && !at(x).isAfter(deadline))
                    .findFirst()
                    .orElse(null);
            if (r != null) {
              yes = false;
              why = "Scripted reply on day " + r.onDay() + ".";
            } else {
              if (clock.isBefore(deadline)) {
                clock = deadline; // the engine waits for the days to pass
              }
              yes = true;
              why = "No reply within " + cond.days() + " days of the send at " + sent + ".";
            }
          }
        }
        default -> throw new IllegalStateException("unknown condition " + cond.kind());
      }
      return new String[] {yes ? "yes" : "no", why};
    }

    ScriptedReply latest(java.util.function.Predicate<ScriptedReply> which, Object unused) {
      return replies.stream()
          .filter(which)
          .filter(r -> !at(r).isAfter(clock))
          .reduce((a, b) -> b)
          .orElse(null);
    }

    void generate(AiGenerateNode.Config ai, Map<String, Object> step) {
      if (ai.personaId() == null) {
        throw new IllegalStateException("the AI Generate step has no persona");
      }
      Draft d;
      if (env.ai() != null && tally.providerCalls < MAX_PROVIDER_CALLS) {
        d = env.ai().draft(env.tenant(), lead.id(), ai.personaId(), ai.prompt(), env.workflowId());
        tally.providerCalls++;
        tally.providerTokens += d.promptTokens() + d.completionTokens();
        tally.providerCost = tally.providerCost.add(env.ai().cost(env.tenant(), d));
      } else {
        d =
            env.generator()
                .generate(env.tenant(), lead.id(), ai.personaId(), ai.prompt(), AiCall.SIMULATION);
        if (env.ai() != null) {
          step.put(
              "note",
              "Offline writer: this simulation's "
                  + MAX_PROVIDER_CALLS
                  + " AI provider calls are used up.");
        }
      }
      tally.aiCalls++;
      tally.aiTokens += d.promptTokens() + d.completionTokens();
      generated = d;
      generatedPersona = ai.personaId();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("subject", d.subject());
      m.put("body", d.body());
      m.put("generator", d.generator());
      step.put("draft", m);
    }

    void sendEmail(SendEmailNode.Config send, Map<String, Object> step) {
      String subject = send.subject();
      String body = send.body();
      // a simulated run has no id: the lead id picks the variant, spread as the weights
      SendEmailNode.Variant variant = SendEmailNode.variant(send.variants(), lead.id());
      if (variant != null) {
        subject = blank(variant.subject()) ? subject : variant.subject();
        body = blank(variant.body()) ? body : variant.body();
        step.put("variant", variant.name());
      }
      if (blank(subject) && blank(body)) {
        if (generated == null) {
          throw new IllegalStateException("no AI Generate output before this send");
        }
        subject = generated.subject();
        body = generated.body();
      }
      subject = MergeFields.render(subject, lead);
      body = MergeFields.render(body, lead);
      Mailbox box = mailbox(send.mailboxId());
      deliver(
          "email",
          ChannelCapabilities.EMAIL,
          "mailbox:" + (box == null ? "?" : box.id()),
          box == null ? null : box.window(),
          box == null ? Integer.MAX_VALUE : box.dailyCap(),
          consent(Consent.Channel.EMAIL),
          subject,
          body,
          step);
    }

    void sendSms(SendSmsNode.Config sms, Map<String, Object> step) {
      String body = sms.body();
      if (blank(body)) {
        if (generated == null) {
          throw new IllegalStateException("no AI Generate output before this send");
        }
        body = generated.body();
      }
      deliver(
          "sms",
          ChannelCapabilities.SMS,
          "sms",
          env.smsWindow(),
          env.smsDailyCap(),
          consent(Consent.Channel.SMS),
          null,
          MergeFields.render(body, lead),
          step);
    }

    /**
     * When it would go out ({@link SendPolicy}, looped over its deferrals) and the policy verdict
     * at that time; a block of either kind means the step would not send.
     */
    void deliver(
        String channel,
        ChannelCapabilities caps,
        String sender,
        SendWindow window,
        int cap,
        String consent,
        String subject,
        String body,
        Map<String, Object> step) {
      Map<String, Object> message = new LinkedHashMap<>();
      message.put("channel", channel);
      if (subject != null) {
        message.put("subject", subject);
      }
      message.put("body", body);
      step.put("message", message);
      ZoneId zone = SendWindow.zoneOrNull(lead.timezone());
      Instant at = clock;
      String deferred = null;
      String blocked = null;
      for (int i = 0; i < 400; i++) {
        SendPolicy.Facts facts =
            new SendPolicy.Facts(
                caps,
                true,
                lead.doNotContact(),
                consent,
                null,
                null,
                window,
                zone,
                env.holidays(),
                tally.sent(sender, at),
                cap,
                0,
                null);
        SendPolicy.Decision d = SendPolicy.decide(facts, at);
        if (d instanceof SendPolicy.Defer defer) {
          deferred = defer.reason();
          at = defer.until();
        } else if (d instanceof SendPolicy.Block b) {
          blocked = b.reason();
          break;
        } else {
          break;
        }
      }
      step.put("at", at.toString());
      if (deferred != null) {
        step.put("deferred", deferred);
      }
      int touches =
          (int) sends.stream().filter(t -> t.isAfter(clock.minus(Duration.ofDays(7)))).count();
      PolicyContext ctx =
          new PolicyContext(
              lead.email(),
              lead.phone(),
              lead.country(),
              consent,
              touches,
              at.atZone(zone == null ? ZoneOffset.UTC : zone));
      Verdict verdict =
          PolicyEngine.evaluate(env.policies(), new OutboundText(channel, subject, body), ctx);
      step.put("verdict", verdict.outcome().wire());
      step.put("violations", verdict.violations().stream().map(Simulator::violation).toList());
      if (blocked != null) {
        step.put("blockedBy", blocked);
        step.put("sends", false);
      } else if (verdict.outcome() == Verdict.Outcome.BLOCK) {
        step.put("blockedBy", "POLICY");
        step.put("sends", false);
      } else {
        step.put("sends", true);
        clock = at;
        sends.add(at);
        lastSendOn.put(channel, at);
        tally.count(sender, at);
      }
    }

    String consent(Consent.Channel channel) {
      Consent c = lead.consent() == null ? null : lead.consent().get(channel);
      return c == null ? "none" : c.status().name().toLowerCase(java.util.Locale.ROOT);
    }

    Mailbox mailbox(Long id) {
      if (id != null) {
        return env.mailboxes().stream()
            .filter(m -> m.id() == id)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("mailbox " + id + " does not exist"));
      }
      return env.mailboxes().stream().findFirst().orElse(null); // rotation: the first one
    }

    Instant at(ScriptedReply r) {
      return env.start().plus(Duration.ofDays(r.onDay()));
    }
  }

  static Map<String, Object> violation(Violation v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("policyId", v.policyId());
    m.put("policyName", v.policyName());
    m.put("kind", v.kind().wire());
    m.put("severity", v.severity().wire());
    m.put("explanation", v.explanation());
    m.put("excerpt", v.excerpt());
    m.put("field", v.field());
    m.put("start", v.start());
    m.put("end", v.end());
    return m;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  static String str(Object o) {
    return Objects.toString(o, null);
  }
}
