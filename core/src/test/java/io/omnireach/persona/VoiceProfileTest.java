package io.omnireach.persona;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The offline voice profile: plain statistics of the writing samples, always the same answer. */
class VoiceProfileTest {

  static final List<String> CASUAL =
      List.of(
          "Hey {{first_name}},\n\nsaw your team is hiring again! Worth a chat about onboarding?"
              + "\n\nCheers,\nSam",
          "Hey Jo,\n\nquick one: we'd love to show you the onboarding board. It's tiny!\n\nCheers",
          "Hi Alex,\n\nthanks for the call. Onboarding notes attached.\n\nThanks");

  static final List<String> FORMAL =
      List.of(
          "Dear Ms Smith,\n\nI would appreciate the opportunity to present our solution to your"
              + " procurement team. Please let me know a convenient time.\n\nKind regards,\n"
              + "Elena Marsh",
          "Dear Mr Jones,\n\nThank you for your time on Tuesday. Please find the proposal"
              + " attached; I would be glad to schedule a meeting.\n\nKind regards,\nElena");

  @Test
  void a_casual_writer_is_measured_by_its_samples() {
    VoiceProfile v = VoiceProfile.offline(CASUAL);
    assertThat(v.source()).isEqualTo("offline");
    assertThat(v.samples()).isEqualTo(3);
    assertThat(v.formality()).isLessThan(0.35);
    assertThat(v.formalityLabel()).isEqualTo("casual");
    assertThat(v.greetings()).containsExactly("Hey", "Hi");
    assertThat(v.signOffs()).containsExactly("Cheers", "Thanks");
    assertThat(v.favouriteWords()).startsWith("onboarding");
    assertThat(v.avoidedWords()).contains("reach out", "synergy").doesNotContain("quick");
    assertThat(v.avgSentenceWords()).isBetween(3.0, 8.0);
    assertThat(VoiceProfile.offline(CASUAL)).as("deterministic").isEqualTo(v);
    assertThat(v.summary())
        .startsWith("about ")
        .contains("casual (0.0 on 0 casual … 1 formal)", "greets with Hey, Hi")
        .contains("signs off with Cheers, Thanks", "never uses: reach out");
  }

  @Test
  void a_formal_writer_reads_formal_with_longer_sentences() {
    VoiceProfile v = VoiceProfile.offline(FORMAL);
    assertThat(v.formality()).isGreaterThanOrEqualTo(0.65);
    assertThat(v.formalityLabel()).isEqualTo("formal");
    assertThat(v.greetings()).containsExactly("Dear");
    assertThat(v.signOffs()).containsExactly("Kind regards");
    assertThat(v.avoidedWords()).doesNotContain("opportunity", "solution", "schedule", "meeting");
    assertThat(v.avgSentenceWords()).isGreaterThan(VoiceProfile.offline(CASUAL).avgSentenceWords());
  }

  @Test
  void without_samples_the_profile_is_empty_and_neutral() {
    VoiceProfile v = VoiceProfile.offline(List.of());
    assertThat(v.samples()).isZero();
    assertThat(v.formality()).isEqualTo(0.5);
    assertThat(v.formalityLabel()).isEqualTo("neutral");
    assertThat(v.greetings()).isEmpty();
    assertThat(v.signOffs()).isEmpty();
    assertThat(v.favouriteWords()).isEmpty();
    assertThat(v.avoidedWords()).isEmpty();
    assertThat(v.avgSentenceWords()).isZero();
  }
}
