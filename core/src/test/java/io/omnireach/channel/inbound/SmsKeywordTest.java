package io.omnireach.channel.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SmsKeywordTest {

  @Test
  void every_english_opt_out_opt_in_and_help_keyword_twilio_documents() {
    for (String w :
        new String[] {
          "STOP", "STOPALL", "STOP ALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE"
        }) {
      assertThat(SmsKeyword.match(w)).as(w).contains(SmsKeyword.OPT_OUT);
    }
    for (String w : new String[] {"START", "YES", "UNSTOP"}) {
      assertThat(SmsKeyword.match(w)).as(w).contains(SmsKeyword.OPT_IN);
    }
    for (String w : new String[] {"HELP", "INFO"}) {
      assertThat(SmsKeyword.match(w)).as(w).contains(SmsKeyword.HELP);
    }
  }

  @Test
  void french_opt_outs_match_with_or_without_accents_in_any_case() {
    for (String w : new String[] {"ARRET", "ARRÊT", "arrêt", "Arrête", "ARRETE", "arrett"}) {
      assertThat(SmsKeyword.match(w)).as(w).contains(SmsKeyword.OPT_OUT);
    }
    // a decomposed ê (e + combining circumflex), as some phones send it
    assertThat(SmsKeyword.match("arre\u0302t")).contains(SmsKeyword.OPT_OUT);
  }

  @Test
  void mixed_case_surrounding_spaces_and_trailing_punctuation_still_match() {
    assertThat(SmsKeyword.match("  sToP ")).contains(SmsKeyword.OPT_OUT);
    assertThat(SmsKeyword.match("Stop.")).contains(SmsKeyword.OPT_OUT);
    assertThat(SmsKeyword.match("STOP!!")).contains(SmsKeyword.OPT_OUT);
    assertThat(SmsKeyword.match("stop  \n all")).contains(SmsKeyword.OPT_OUT);
    assertThat(SmsKeyword.match("Unstop ?")).contains(SmsKeyword.OPT_IN);
    assertThat(SmsKeyword.match("help?")).contains(SmsKeyword.HELP);
    assertThat(SmsKeyword.normalize("  arrêt ! ")).isEqualTo("ARRET");
  }

  @Test
  void a_keyword_inside_a_sentence_or_with_more_words_is_no_keyword() {
    for (String body :
        new String[] {
          "Please stop texting me",
          "STOP PLEASE",
          "please cancel",
          "Don't stop",
          "stopp",
          "Yes, Thursday works",
          "start.me",
          ".stop",
          "STOP 12345",
          "",
          "  ",
          "?!"
        }) {
      assertThat(SmsKeyword.match(body)).as(body).isEqualTo(Optional.empty());
    }
    assertThat(SmsKeyword.match(null)).isEmpty();
  }

  @Test
  void languages_twilio_does_not_document_are_not_guessed() {
    // Twilio's defaults list no Spanish or German keywords: those are a tenant's own Advanced
    // Opt-Out configuration at Twilio, so they stay ordinary replies here
    for (String w : new String[] {"PARAR", "BAJA", "STOPP", "AIDE"}) {
      assertThat(SmsKeyword.match(w)).as(w).isEmpty();
    }
  }
}
