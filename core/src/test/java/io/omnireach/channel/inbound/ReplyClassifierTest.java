package io.omnireach.channel.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplyClassifierTest {

  static final LocalDate RECEIVED = LocalDate.of(2026, 11, 25);
  final ReplyClassifier classifier = new ReplyClassifier();

  Classification classify(String subject, String body) {
    return classifier.classify(
        new ReplyClassifier.Input("maria@leads.example", subject, body, false, false), RECEIVED);
  }

  @ParameterizedTest(name = "{0}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          INTERESTED     | Re: Hello | Sounds interesting. Can we schedule a call next week?
          INTERESTED     | Re: Hello | Yes, I'm interested - tell me more about pricing.
          INTERESTED     | AW: Hallo | Klingt spannend, gerne einen Termin nächste Woche.
          INTERESTED     | RE: Bonjour | Très intéressé, pouvons-nous fixer un rendez-vous ?
          INTERESTED     | RE: Hola | Me interesa, ¿hablemos el jueves?
          NOT_INTERESTED | Re: Hello | Thanks, but we are not interested at this time.
          NOT_INTERESTED | AW: Hallo | Danke, aber wir haben kein Interesse.
          NOT_INTERESTED | RE: Bonjour | Merci, mais nous ne sommes pas intéressés.
          NOT_INTERESTED | RE: Hola | Gracias, pero no nos interesa.
          UNSUBSCRIBE    | Re: Hello | Please remove me from your list.
          UNSUBSCRIBE    | AW: Hallo | Bitte tragen Sie mich aus, ich möchte mich abmelden.
          UNSUBSCRIBE    | RE: Bonjour | Merci de me désinscrire, je ne veux plus recevoir vos messages.
          UNSUBSCRIBE    | RE: Hola | Por favor, darme de baja de esta lista.
          WRONG_PERSON   | Re: Hello | I'm not the right person for this, try our CTO.
          WRONG_PERSON   | AW: Hallo | Ich bin dafür nicht zuständig, bitte wenden Sie sich an Herrn Maier.
          WRONG_PERSON   | RE: Bonjour | Je ne suis pas la bonne personne pour ce sujet.
          WRONG_PERSON   | RE: Hola | Ya no trabaja en la empresa, lo siento.
          OTHER          | Re: Hello | Who gave you my address?
          NEGOTIATION    | Re: Offer | Looks good, but we need 40% off to sign.
          NEGOTIATION    | Re: Offer | Forty percent discount and we sign today.
          NEGOTIATION    | Re: Offer | Too expensive for us - can you do a better price on 24 months?
          NEGOTIATION    | AW: Angebot | Mit 20 % Rabatt wären wir dabei.
          NEGOTIATION    | RE: Offre | C'est trop cher, une remise de 15 % serait possible ?
          NEGOTIATION    | RE: Oferta | ¿Nos pueden hacer un descuento del 10 %?
          """)
  void classifies_replies_in_four_languages(ReplyClass expected, String subject, String body) {
    assertThat(classify(subject, body).type()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          2026-12-03 | Out of Office: Hello | I am out of the office and will be back on 3 December.
          2026-12-03 | Automatic reply: Hello | I'm on vacation, returning December 3rd, with limited access to email.
          2026-12-03 | Abwesenheitsnotiz: Hallo | Ich bin bis einschließlich 02.12. nicht im Büro und ab 03.12. wieder erreichbar. Zurück am 03.12.
          2026-12-03 | Automatische Antwort | Ich bin im Urlaub, zurück am 3. Dezember 2026.
          2026-12-03 | Réponse automatique : Bonjour | Je suis absent du bureau, de retour le 3 décembre.
          2026-12-01 | Réponse automatique | Je suis en congés, de retour le 1er décembre.
          2026-12-03 | Respuesta automática: Hola | Estoy fuera de la oficina, de vuelta el 3 de diciembre.
          2027-01-07 | Out of office | Out of office until 2027-01-07. Back on 2027-01-07.
          2027-01-05 | Out of Office | I'm on holiday and back on 5 January.
          """)
  void out_of_office_with_the_return_date(LocalDate until, String subject, String body) {
    Classification c = classify(subject, body);
    assertThat(c.type()).isEqualTo(ReplyClass.OUT_OF_OFFICE);
    assertThat(c.oooUntil()).isEqualTo(until);
  }

  @Test
  void out_of_office_without_a_date() {
    Classification c = classify("Automatic reply", "I am currently out of the office.");
    assertThat(c.type()).isEqualTo(ReplyClass.OUT_OF_OFFICE);
    assertThat(c.oooUntil()).isNull();
  }

  @Test
  void quoted_history_and_our_footer_do_not_count() {
    String body =
        "Sounds good, let's talk on Monday.\n\nOn Tue, 24 Nov 2026 Elena wrote:\n"
            + "> Hi Maria,\n> not interested? Unsubscribe: https://reach.example/unsubscribe/x\n";
    assertThat(classify("Re: Hello", body).type()).isEqualTo(ReplyClass.INTERESTED);
    String german =
        "Kein Interesse.\n\nAm 24.11.2026 um 10:00 schrieb Elena:\n> Unsubscribe: https://x\n";
    assertThat(classify("AW: Hallo", german).type()).isEqualTo(ReplyClass.NOT_INTERESTED);
  }

  @Test
  void bounces_by_report_or_mailer_daemon_text() {
    assertThat(
            classifier
                .classify(
                    new ReplyClassifier.Input("postmaster@x", "Report", "", true, false), RECEIVED)
                .type())
        .isEqualTo(ReplyClass.BOUNCE);
    assertThat(
            classifier
                .classify(
                    new ReplyClassifier.Input(
                        "MAILER-DAEMON@mx.leads.example (Mail Delivery System)",
                        "Undelivered Mail Returned to Sender",
                        "This is the mail system at host mx.leads.example.\n\n"
                            + "I'm sorry to have to inform you that your message could not\n"
                            + "be delivered. <maria@leads.example>: 550 5.1.1 User unknown",
                        false,
                        false),
                    RECEIVED)
                .type())
        .isEqualTo(ReplyClass.BOUNCE);
    assertThat(
            classifier
                .classify(
                    new ReplyClassifier.Input(
                        "Mail Delivery System <mailer-daemon@gmx.net>",
                        "Unzustellbar: Hallo",
                        "Die Nachricht konnte nicht zugestellt werden.",
                        false,
                        false),
                    RECEIVED)
                .type())
        .isEqualTo(ReplyClass.BOUNCE);
  }
}
