package io.omnireach.ui.sections;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Div;
import io.omnireach.channel.inbound.ReplyClass;
import io.omnireach.channel.inbound.ReplyView;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Each inbox row says who classified the reply: the model with its certainty, or the rules. */
class InboxViewTest {

  static ReplyView reply(String classifier, BigDecimal confidence, String fallback) {
    return new ReplyView(
        4,
        7L,
        42L,
        "Maria Garcia",
        "maria@northwind.example",
        "Abwesenheitsnotiz",
        "Ich bin bis 2. Dezember nicht im Büro.",
        Instant.parse("2026-11-25T09:12:03Z"),
        ReplyClass.OUT_OF_OFFICE,
        LocalDate.of(2026, 12, 3),
        classifier,
        confidence,
        "neutral",
        "Automatic absence note, back on 3 December.",
        fallback);
  }

  @Test
  void a_model_classification_names_the_model_and_its_confidence() {
    ReplyView r = reply("openrouter/openai/gpt-4o-mini", new BigDecimal("0.970"), null);
    assertThat(InboxView.classifierLabel(r)).isEqualTo("AI · openrouter/openai/gpt-4o-mini · 97%");
    Div row = InboxView.row(r);
    assertThat(row.getElement().getTextRecursively())
        .contains("Maria Garcia", "Out of office", "AI · openrouter", "Back on 2026-12-03");
    assertThat(InboxView.classifier(r).getElement().getAttribute("title"))
        .isEqualTo("Automatic absence note, back on 3 December.");
  }

  @Test
  void the_offline_rules_say_so_and_why_the_model_did_not_decide() {
    assertThat(InboxView.classifierLabel(reply("offline", null, null))).isEqualTo("Offline rules");
    assertThat(
            InboxView.classifierLabel(
                reply("offline", null, "openrouter/openai/gpt-4o-mini: TIMEOUT")))
        .isEqualTo("Offline rules (AI unavailable: TIMEOUT)");
  }
}
