package io.omnireach.ui.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import elemental.json.Json;
import elemental.json.JsonObject;
import io.omnireach.channel.Mailbox;
import io.omnireach.channel.SendWindow;
import io.omnireach.persona.Channel;
import io.omnireach.persona.Persona;
import io.omnireach.persona.Tone;
import io.omnireach.ui.workflow.WorkflowGraphJson.Node;
import io.omnireach.user.Member;
import io.omnireach.user.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Each node type's form: invalid input stays on the form, valid input becomes the node config. */
class WorkflowNodePanelTest {

  final List<String> applied = new ArrayList<>();
  final WorkflowNodePanel panel =
      new WorkflowNodePanel(
          choices(), true, (id, c) -> applied.add(id + "=" + c.toJson()), () -> {});

  static NodeChoices choices() {
    Persona ava = persona(7, "Ava");
    Mailbox sales =
        new Mailbox(
            3,
            "Sales",
            "smtp.example",
            587,
            "u",
            true,
            true,
            "s@acme.example",
            "S",
            100,
            Instant.EPOCH,
            "smtp",
            null,
            false,
            SendWindow.ALWAYS,
            0,
            null,
            null,
            null,
            false,
            false,
            1);
    Member bob = new Member(42, "bob@acme.example", "Bob", Role.SALES, Instant.EPOCH, null);
    return new NodeChoices(List.of(ava), List.of(sales), List.of(bob));
  }

  static Persona persona(long id, String name) {
    return new Persona(
        id,
        name,
        null,
        new Tone(50, 50, 50),
        List.of(),
        List.of(),
        List.of(),
        null,
        Channel.EMAIL,
        "en",
        Instant.EPOCH,
        Instant.EPOCH);
  }

  static Node node(String id, String type, String config) {
    return new Node(id, type, (JsonObject) Json.parse(config));
  }

  @SuppressWarnings("unchecked")
  <T extends Component> T field(String id) {
    Optional<Component> found =
        find(panel).filter(c -> c.getId().orElse("").equals(id)).findFirst();
    return (T) found.orElseThrow(() -> new AssertionError("no field " + id));
  }

  static Stream<Component> find(Component c) {
    return Stream.concat(Stream.of(c), c.getChildren().flatMap(WorkflowNodePanelTest::find));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  void set(String id, Object value) {
    ((HasValue) field(id)).setValue(value);
  }

  @Test
  void ai_generate_needs_a_persona_and_a_prompt() {
    panel.show(
        node("ai_1", "ai_generate", "{\"personaId\":null,\"prompt\":\"\",\"maxAttempts\":5}"),
        t -> false);
    assertThat(panel.apply()).isFalse();
    assertThat(((HasValidation) field("node-persona")).isInvalid()).isTrue();
    assertThat(((HasValidation) field("node-prompt")).getErrorMessage())
        .isEqualTo("Say what the email should do.");
    assertThat(applied).isEmpty();
    set("node-persona", choices().personas().get(0));
    set("node-prompt", "Intro with a case study");
    assertThat(panel.apply()).isTrue();
    assertThat(applied)
        .containsExactly(
            "ai_1={\"maxAttempts\":5,\"personaId\":7,\"prompt\":\"Intro with a case study\"}");
  }

  @Test
  void send_uses_the_ai_draft_or_a_written_email_with_ab_variants() {
    panel.show(
        node("send_email_1", "send_email", "{\"mailboxId\":3,\"subject\":\"\",\"body\":\"\"}"),
        t -> true);
    assertThat(((HasValue<?, ?>) field("node-content")).getValue()).isEqualTo("ai");
    set("node-label", "Intro");
    assertThat(panel.apply()).isTrue();
    assertThat(applied.get(0))
        .isEqualTo(
            "send_email_1={\"label\":\"Intro\",\"mailboxId\":3,\"subject\":\"\",\"body\":\"\"}");

    set("node-content", "write");
    assertThat(panel.apply()).isFalse(); // subject and body are needed now
    set("node-subject", "Hi {{lead.firstName}}");
    set("node-body", "Short note.");
    ((Checkbox) field("node-ab")).setValue(true);
    set("variant-1-subject", "Quick question");
    set("variant-1-body", "Other note.");
    set("variant-1-weight", 30);
    assertThat(panel.apply()).isTrue();
    JsonObject config = (JsonObject) Json.parse(applied.get(1).substring("send_email_1=".length()));
    assertThat(config.getString("subject")).isEqualTo("Hi {{lead.firstName}}");
    assertThat(config.getArray("variants").length()).isEqualTo(2);
    assertThat(config.getArray("variants").getObject(1).toJson())
        .isEqualTo(
            "{\"name\":\"B\",\"subject\":\"Quick question\",\"body\":\"Other note.\",\"weight\":30}");
  }

  @Test
  void send_needs_a_mailbox() {
    panel.show(node("s", "send_email", "{}"), t -> true);
    assertThat(panel.apply()).isFalse();
    assertThat(((HasValidation) field("node-mailbox")).getErrorMessage())
        .isEqualTo("Choose a mailbox.");
  }

  @Test
  void wait_is_a_duration_or_a_reply_with_a_timeout() {
    panel.show(node("w", "wait", "{\"duration\":\"PT4H\"}"), t -> false);
    assertThat(((HasValue<?, ?>) field("node-wait-amount")).getValue()).isEqualTo(4);
    set("node-wait-amount", 3);
    set("node-wait-unit", Durations.Unit.DAYS);
    assertThat(panel.apply()).isTrue();
    set("node-wait-mode", "reply");
    assertThat(panel.apply()).isTrue();
    set("node-wait-amount", null);
    assertThat(panel.apply()).isFalse();
    assertThat(applied)
        .containsExactly("w={\"duration\":\"P3D\"}", "w={\"until\":\"reply\",\"timeout\":\"P3D\"}");
  }

  @Test
  void selecting_the_open_step_again_keeps_unapplied_edits_and_a_changed_step_is_shown_afresh() {
    panel.show(node("w", "wait", "{\"duration\":\"PT4H\"}"), t -> false);
    set("node-wait-amount", 1);
    set("node-wait-unit", Durations.Unit.MINUTES);
    panel.show(node("w", "wait", "{\"duration\":\"PT4H\"}"), t -> false);
    assertThat(((HasValue<?, ?>) field("node-wait-amount")).getValue()).isEqualTo(1);
    assertThat(panel.apply()).isTrue();
    assertThat(applied).containsExactly("w={\"duration\":\"PT1M\"}");

    panel.show(node("w", "wait", "{\"duration\":\"PT1M\"}"), t -> false);
    assertThat(((HasValue<?, ?>) field("node-wait-amount")).getValue()).isEqualTo(1);
    panel.show(node("w", "wait", "{\"duration\":\"P2D\"}"), t -> false);
    assertThat(((HasValue<?, ?>) field("node-wait-amount")).getValue()).isEqualTo(2);
  }

  @Test
  void decisions_hold_a_condition() {
    panel.show(node("d", "decision", "{\"condition\":{\"kind\":\"opened\"}}"), t -> false);
    assertThat(panel.apply()).isTrue();
    set("node-condition", "score");
    set("node-condition-op", "gte");
    set("node-condition-value", "fifty");
    assertThat(panel.apply()).isFalse();
    set("node-condition-value", "50");
    assertThat(panel.apply()).isTrue();
    set("node-condition", "field");
    set("node-condition-field", "industry");
    set("node-condition-op", "eq");
    set("node-condition-value", "SaaS");
    assertThat(panel.apply()).isTrue();
    assertThat(applied)
        .containsExactly(
            "d={\"condition\":{\"kind\":\"opened\"}}",
            "d={\"condition\":{\"kind\":\"score\",\"op\":\"gte\",\"value\":50}}",
            "d={\"condition\":{\"kind\":\"field\",\"field\":\"industry\",\"op\":\"eq\",\"value\":\"SaaS\"}}");
  }

  @Test
  void update_lead_and_task() {
    panel.show(node("u", "update_lead", "{}"), t -> false);
    set("node-stage", "");
    assertThat(panel.apply()).isFalse();
    set("node-stage", "meeting");
    set("node-tag", "Hot");
    assertThat(panel.apply()).isTrue();
    panel.show(node("t", "task", "{\"title\":\"Call\",\"assignee\":\"owner\"}"), t -> false);
    set("node-assignee", "bob@acme.example");
    assertThat(panel.apply()).isTrue();
    set("node-task-title", " ");
    assertThat(panel.apply()).isFalse();
    assertThat(applied)
        .containsExactly(
            "u={\"stage\":\"meeting\",\"addTag\":\"hot\"}",
            "t={\"title\":\"Call\",\"assignee\":\"bob@acme.example\"}");
  }

  @Test
  void linkedin_task_and_call_write_their_action_persona_owner_and_due_days() {
    panel.show(node("li", "linkedin_task", "{\"action\":\"connect\"}"), t -> false);
    set("node-linkedin-action", "message");
    set("node-persona", choices().personas().get(0));
    set("node-prompt", "Mention the webinar");
    set("node-due-days", -1);
    assertThat(panel.apply()).isFalse();
    set("node-due-days", 2);
    assertThat(panel.apply()).isTrue();
    panel.show(node("c", "call", "{}"), t -> false);
    set("node-call-script", "Hi {{lead.firstName}}");
    set("node-assignee", "bob@acme.example");
    assertThat(panel.apply()).isTrue();
    assertThat(applied).hasSize(2);
    assertThat(applied.get(0))
        .startsWith("li=")
        .contains(
            "\"action\":\"message\"",
            "\"personaId\":7",
            "\"prompt\":\"Mention the webinar\"",
            "\"assignee\":\"owner\"",
            "\"dueInDays\":2");
    assertThat(applied.get(1))
        .startsWith("c=")
        .contains(
            "\"script\":\"Hi {{lead.firstName}}\"",
            "\"personaId\":null",
            "\"assignee\":\"bob@acme.example\"",
            "\"dueInDays\":0");
  }

  @Test
  void send_with_fallback_orders_the_channels_and_edits_each_with_its_own_form() {
    panel.show(
        node(
            "fb",
            "send_fallback",
            "{\"channels\":[\"email\",\"linkedin\",\"sms\"],"
                + "\"email\":{\"mailboxId\":3,\"subject\":\"\",\"body\":\"\"},"
                + "\"linkedin\":{\"action\":\"message\",\"keep\":1},\"sms\":{\"body\":\"\"}}"),
        t -> false);
    // without an AI step before it each channel's own form wants written content
    assertThat(panel.apply()).isFalse();
    assertThat(((HasValidation) field("node-sms-body")).getErrorMessage())
        .isEqualTo("Write the text.");
    set("node-subject", "Hi {{lead.firstName}}");
    set("node-body", "Hello there");
    set("node-sms-body", "Hi {{lead.firstName}}!");
    // the same channel twice is refused
    set("node-fallback-2", "email");
    assertThat(panel.apply()).isFalse();
    assertThat(((HasValidation) field("node-fallback-2")).getErrorMessage())
        .isEqualTo("Already tried before.");
    // SMS first, then email; LinkedIn off (its section hides, its content stays)
    set("node-fallback-1", "sms");
    set("node-fallback-2", "email");
    set("node-fallback-3", "");
    assertThat(field("node-fallback-linkedin").isVisible()).isFalse();
    assertThat(panel.apply()).isTrue();
    assertThat(applied).hasSize(1);
    assertThat(applied.get(0))
        .startsWith("fb=")
        .contains(
            "\"channels\":[\"sms\",\"email\"]",
            "\"sms\":{\"body\":\"Hi {{lead.firstName}}!\"}",
            "\"subject\":\"Hi {{lead.firstName}}\"",
            "\"mailboxId\":3",
            "\"linkedin\":{\"action\":\"message\",\"keep\":1}");
  }

  @Test
  void a_decision_on_no_reply_names_the_channel_and_the_days() {
    panel.show(node("d", "decision", "{\"condition\":{\"kind\":\"replied\"}}"), t -> false);
    set("node-condition", "no_reply");
    assertThat(field("node-condition-channel").isVisible()).isTrue();
    set("node-condition-channel", "sms");
    set("node-condition-days", 0);
    assertThat(panel.apply()).isFalse();
    set("node-condition-days", 4);
    assertThat(panel.apply()).isTrue();
    assertThat(applied)
        .containsExactly(
            "d={\"condition\":{\"kind\":\"no_reply\",\"channel\":\"sms\",\"days\":4}}");
  }

  @Test
  void an_automated_call_needs_its_script_and_says_what_happens_without_consent() {
    panel.show(node("c", "call", "{}"), t -> false);
    assertThat(field("node-call-no-consent").isVisible()).isFalse();
    set("node-call-mode", "automated");
    assertThat(field("node-call-no-consent").isVisible()).isTrue();
    assertThat(panel.apply()).isFalse();
    assertThat(((HasValidation) field("node-call-script")).getErrorMessage())
        .isEqualTo("Write what the call should say.");
    set("node-call-script", "Hi {{lead.firstName}}, this is Acme.");
    set("node-call-no-consent", "skip");
    assertThat(panel.apply()).isTrue();
    panel.show(node("d", "decision", "{\"condition\":{\"kind\":\"replied\"}}"), t -> false);
    set("node-condition", "call");
    set("node-condition-call", "no-answer");
    assertThat(panel.apply()).isTrue();
    assertThat(applied.get(0))
        .startsWith("c=")
        .contains(
            "\"mode\":\"automated\"",
            "\"script\":\"Hi {{lead.firstName}}, this is Acme.\"",
            "\"noConsent\":\"skip\"");
    assertThat(applied.get(1))
        .isEqualTo("d={\"condition\":{\"kind\":\"call\",\"value\":\"no-answer\"}}");
  }
}
