package io.omnireach.workflow;

import io.omnireach.lead.LeadField;
import io.omnireach.lead.Stage;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The typed config of a node, read from the canvas's free-form {@code config} object. Every type
 * takes {@code maxAttempts} (default {@value #DEFAULT_MAX_ATTEMPTS}), the retry budget of its step.
 * Reading never throws: problems go to the error sink and a usable (possibly partial) config comes
 * back, so the validator can report every error at once.
 */
public sealed interface NodeConfig {

  int DEFAULT_MAX_ATTEMPTS = 3;
  int MAX_ATTEMPTS_LIMIT = 10;

  int maxAttempts();

  record Start(int maxAttempts) implements NodeConfig {}

  /** Writes a draft for the lead in the persona's voice; the prompt is the author's brief. */
  record AiGenerate(Long personaId, String prompt, int maxAttempts) implements NodeConfig {}

  /**
   * Queues an email through the outbox. {@code mailboxId} null means rotate across the tenant's
   * mailboxes. Empty subject and body mean: use the output of the preceding AI Generate step.
   */
  record SendEmail(
      Long mailboxId, String subject, String body, List<Variant> variants, int maxAttempts)
      implements NodeConfig {

    public boolean rotates() {
      return mailboxId == null;
    }

    public boolean usesGenerated() {
      return isBlank(subject) && isBlank(body);
    }
  }

  /** An A/B variant of a send; weights split the runs (equal weights = even split). */
  record Variant(String name, String subject, String body, int weight) {}

  /**
   * Waits for {@code duration}, or until the lead replies or opens ({@code until} = reply|open)
   * with {@code timeout} as the longest wait.
   */
  record Wait(Duration duration, String until, Duration timeout, int maxAttempts)
      implements NodeConfig {

    /** How long at most the step waits. */
    public Duration longest() {
      return until == null ? duration : timeout;
    }
  }

  record Decision(Condition condition, int maxAttempts) implements NodeConfig {}

  /**
   * What a decision tests: {@code replied}, {@code opened}, {@code clicked} (this run's messages),
   * {@code field} (a lead field compared with {@code op} and {@code value}) or {@code score} (the
   * lead's score with {@code op}, default gte).
   */
  record Condition(String kind, String field, String op, String value) {
    public static final Set<String> KINDS =
        Set.of("replied", "opened", "clicked", "field", "score");
    public static final Set<String> OPS =
        Set.of("eq", "neq", "contains", "empty", "not_empty", "gt", "gte", "lt", "lte");
  }

  record UpdateLead(Stage stage, String addTag, int maxAttempts) implements NodeConfig {}

  /** A manual step: a task for {@code assignee} (a user email, or "owner" = the lead's owner). */
  record Task(String title, String assignee, int maxAttempts) implements NodeConfig {}

  record End(int maxAttempts) implements NodeConfig {}

  /** The typed config of a node of a known type; problems go to {@code errors}. */
  static NodeConfig read(WorkflowGraph.Node node, Consumer<ValidationError> errors) {
    Reader r = new Reader(node.id(), node.config(), errors);
    int attempts = r.maxAttempts();
    NodeType type =
        node.nodeType()
            .orElseThrow(() -> new IllegalArgumentException("Unknown node type " + node.type()));
    return switch (type) {
      case START -> new Start(attempts);
      case END -> new End(attempts);
      case AI_GENERATE -> new AiGenerate(r.id("personaId", true), r.text("prompt"), attempts);
      case SEND_EMAIL -> readSend(r, attempts);
      case WAIT -> readWait(r, attempts);
      case DECISION -> new Decision(r.condition(), attempts);
      case UPDATE_LEAD -> readUpdate(r, attempts);
      case TASK -> {
        String title = r.text("title");
        if (isBlank(title)) {
          r.error("title", "A task needs a title.");
        }
        yield new Task(title, r.text("assignee"), attempts);
      }
    };
  }

  /** Reads a config without collecting errors (the engine reads only published, valid graphs). */
  static NodeConfig of(WorkflowGraph.Node node) {
    return read(node, e -> {});
  }

  private static SendEmail readSend(Reader r, int attempts) {
    Long mailbox = null;
    Object raw = r.config.get("mailboxId");
    if (raw != null && !"rotate".equals(raw) && !"".equals(raw)) {
      mailbox = r.id("mailboxId", false);
    }
    List<Variant> variants = new ArrayList<>();
    Object rawVariants = r.config.get("variants");
    if (rawVariants instanceof List<?> list) {
      int i = 0;
      for (Object o : list) {
        String field = "variants[" + i++ + "]";
        if (!(o instanceof Map<?, ?> v)) {
          r.error(field, "A variant is an object with name, subject, body and weight.");
          continue;
        }
        String name = str(v.get("name"));
        int weight = 1;
        Object w = v.get("weight");
        if (w != null) {
          Long parsed = number(w);
          if (parsed == null || parsed < 0 || parsed > 1000) {
            r.error(field + ".weight", "A variant's weight is a whole number from 0 to 1000.");
          } else {
            weight = parsed.intValue();
          }
        }
        variants.add(
            new Variant(
                isBlank(name) ? String.valueOf((char) ('A' + variants.size())) : name.strip(),
                str(v.get("subject")),
                str(v.get("body")),
                weight));
      }
      if (!variants.isEmpty() && variants.stream().mapToInt(Variant::weight).sum() == 0) {
        r.error("variants", "At least one variant needs a weight above 0.");
      }
    } else if (rawVariants != null) {
      r.error("variants", "variants is a list of {name, subject, body, weight}.");
    }
    return new SendEmail(
        mailbox, r.text("subject"), r.text("body"), List.copyOf(variants), attempts);
  }

  private static Wait readWait(Reader r, int attempts) {
    String until = r.text("until");
    if (until != null) {
      until = until.strip().toLowerCase(Locale.ROOT);
      if (!until.equals("reply") && !until.equals("open")) {
        r.error("until", "until is \"reply\" or \"open\".");
        until = null;
      }
    }
    if (until != null) {
      Duration timeout = r.duration("timeout", true);
      return new Wait(null, until, timeout, attempts);
    }
    return new Wait(r.duration("duration", true), null, null, attempts);
  }

  private static UpdateLead readUpdate(Reader r, int attempts) {
    Stage stage = null;
    String rawStage = r.text("stage");
    if (!isBlank(rawStage)) {
      try {
        stage = Stage.parse("stage", rawStage);
      } catch (RuntimeException e) {
        r.error("stage", e.getMessage());
      }
    }
    String tag = r.text("addTag");
    if (stage == null && isBlank(tag) && isBlank(rawStage)) {
      r.error("stage", "Update Lead needs a stage or a tag to add.");
    }
    return new UpdateLead(stage, isBlank(tag) ? null : tag.strip(), attempts);
  }

  static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }

  private static Long number(Object o) {
    if (o instanceof Number n) {
      return n.doubleValue() == Math.rint(n.doubleValue()) ? n.longValue() : null;
    }
    if (o instanceof String s) {
      try {
        return Long.parseLong(s.strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** Field readers that report instead of throwing. */
  final class Reader {
    final String nodeId;
    final Map<String, Object> config;
    final Consumer<ValidationError> errors;

    Reader(String nodeId, Map<String, Object> config, Consumer<ValidationError> errors) {
      this.nodeId = nodeId;
      this.config = config;
      this.errors = errors;
    }

    void error(String field, String message) {
      errors.accept(ValidationError.field(nodeId, field, message));
    }

    String text(String field) {
      Object o = config.get(field);
      if (o == null) {
        return null;
      }
      if (o instanceof Map || o instanceof List) {
        error(field, field + " must be text.");
        return null;
      }
      return o.toString();
    }

    int maxAttempts() {
      Object o = config.get("maxAttempts");
      if (o == null) {
        return DEFAULT_MAX_ATTEMPTS;
      }
      Long n = number(o);
      if (n == null || n < 1 || n > MAX_ATTEMPTS_LIMIT) {
        error("maxAttempts", "maxAttempts is a whole number from 1 to " + MAX_ATTEMPTS_LIMIT + ".");
        return DEFAULT_MAX_ATTEMPTS;
      }
      return n.intValue();
    }

    Long id(String field, boolean required) {
      Object o = config.get(field);
      if (o == null || "".equals(o)) {
        if (required) {
          error(field, field + " is required.");
        }
        return null;
      }
      Long n = number(o);
      if (n == null || n <= 0) {
        error(field, field + " must be the id of a " + field.replace("Id", "") + ".");
        return null;
      }
      return n;
    }

    Duration duration(String field, boolean required) {
      String text = text(field);
      if (isBlank(text)) {
        if (required) {
          error(field, field + " is required (ISO-8601, e.g. P2D or PT4H).");
        }
        return null;
      }
      try {
        Duration d = Duration.parse(text.strip());
        if (d.isNegative() || d.isZero()) {
          error(field, field + " must be longer than zero.");
          return null;
        }
        if (d.compareTo(Duration.ofDays(365)) > 0) {
          error(field, field + " must be at most a year.");
          return null;
        }
        return d;
      } catch (DateTimeParseException e) {
        error(field, field + " \"" + text + "\" is not an ISO-8601 duration such as P2D or PT4H.");
        return null;
      }
    }

    Condition condition() {
      Object o = config.get("condition");
      if (o instanceof String s) {
        o = Map.of("kind", s); // shorthand: "condition": "replied"
      }
      if (!(o instanceof Map<?, ?> m)) {
        error(
            "condition",
            "A decision needs a condition {kind: replied|opened|clicked|field|score}.");
        return new Condition(null, null, null, null);
      }
      String kind = str(m.get("kind"));
      String field = str(m.get("field"));
      String op = str(m.get("op"));
      String value = str(m.get("value"));
      if (kind == null || !Condition.KINDS.contains(kind)) {
        error("condition.kind", "condition.kind is one of replied, opened, clicked, field, score.");
        return new Condition(kind, field, op, value);
      }
      if (op != null && !Condition.OPS.contains(op)) {
        error(
            "condition.op",
            "condition.op is one of " + Condition.OPS.stream().sorted().toList() + ".");
      }
      if (kind.equals("field")) {
        if (isBlank(field)
            || (LeadField.forJson(field).isEmpty() && !field.startsWith("custom."))) {
          error(
              "condition.field",
              "condition.field names a lead field (e.g. industry or custom.plan).");
        }
        if (op == null) {
          op = "eq";
        }
      }
      if (kind.equals("score")) {
        if (op == null) {
          op = "gte";
        }
        if (number(value) == null) {
          error("condition.value", "A score condition needs a whole-number value.");
        }
      }
      if ((kind.equals("field") || kind.equals("score"))
          && value == null
          && !"empty".equals(op)
          && !"not_empty".equals(op)) {
        error("condition.value", "condition.value is required for " + op + ".");
      }
      return new Condition(kind, field, op, value);
    }
  }
}
