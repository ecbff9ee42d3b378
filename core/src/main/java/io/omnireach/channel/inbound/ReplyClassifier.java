package io.omnireach.channel.inbound;

import io.omnireach.ai.PromptBuilder;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline classifier: a rule and lexicon pass over the reply's own text (quoted history and our
 * footer removed, instruction-like lines neutralised) in English, German, French and Spanish.
 * Order: bounce, out of office, unsubscribe, wrong person, negotiation (a discount, a lower price,
 * other payment terms), not interested, interested; else {@link ReplyClass#OTHER}. Text is compared
 * lower-cased and without diacritics, so "décembre" and "decembre" are the same.
 */
public final class ReplyClassifier {

  /** The {@link Classification#classifier()} of this classifier's results. */
  public static final String OFFLINE = "offline";

  /** The facts of one received message the rules look at. */
  public record Input(
      String from, String subject, String body, boolean deliveryReport, boolean autoSubmitted) {}

  private static final Pattern BOUNCE_FROM =
      Pattern.compile("(mailer-daemon|postmaster|mail delivery (subsystem|system))");
  private static final Pattern BOUNCE_TEXT =
      words(
          "undelivered mail returned to sender",
          "delivery status notification \\(failure\\)",
          "mail delivery failed",
          "undeliverable",
          "delivery has failed",
          "address not found",
          "user unknown",
          "mailbox unavailable",
          "recipient address rejected",
          "no such user",
          "unzustellbar",
          "nicht zugestellt",
          "non remis",
          "echec de la remise",
          "adresse introuvable",
          "no se pudo entregar",
          "no se puede entregar",
          "error de entrega");

  private static final Pattern OOO =
      words(
          "out of (the )?office",
          "automatic reply",
          "auto-?reply",
          "on (annual |parental |sick )?leave",
          "on vacation",
          "on holiday",
          "away from (the )?office",
          "limited access to (my )?e-?mail",
          "abwesenheitsnotiz",
          "abwesend",
          "nicht im (buro|haus)",
          "im urlaub",
          "automatische antwort",
          "absent(e)? du bureau",
          "reponse automatique",
          "en conges?",
          "en vacances",
          "je suis absent(e)?",
          "fuera de la oficina",
          "respuesta automatica",
          "de vacaciones",
          "estoy ausente",
          "ausente de la oficina");

  private static final Pattern UNSUBSCRIBE =
      words(
          "unsubscribe",
          "remove me",
          "take me off",
          "stop (e-?mailing|sending|contacting)",
          "do not (e-?mail|contact) me",
          "don't (e-?mail|contact) me",
          "opt(-| )?out",
          "abmelden",
          "austragen",
          "keine (weiteren )?(e-?mails|nachrichten)",
          "kontaktieren sie mich nicht",
          "desabonner",
          "desinscrire",
          "desinscription",
          "ne plus recevoir",
          "retirez-moi",
          "darme de baja",
          "dar de baja",
          "deme de baja",
          "no me (envie|envien|escriba|escriban) mas",
          "eliminar(me)? de (la|su) lista");

  private static final Pattern WRONG_PERSON =
      words(
          "wrong person",
          "not the right (person|contact)",
          "no longer (with|works|at|employed)",
          "left the company",
          "not responsible for",
          "falsche(n)? (person|ansprechpartner(in)?)",
          "nicht (der|die) richtige",
          "nicht zustandig",
          "nicht mehr (bei|im unternehmen|fur)",
          "pas la bonne personne",
          "ne travaille plus",
          "n'est plus (chez|dans)",
          "je ne suis pas (le|la) bon(ne)?",
          "persona equivocada",
          "no soy la persona (adecuada|correcta|indicada)",
          "ya no trabaja");

  /** Bargaining over the offer: a discount, a price, payment terms; in the four languages. */
  private static final Pattern NEGOTIATION =
      words(
          "discount(ed|s)?",
          "\\d{1,3}(?:[.,]\\d+)? ?(%|percent|per cent) off",
          "(percent|per cent) off",
          "(lower|better|best|reduce(d)?|special|final) (the )?(price|pricing|rate|quote|offer)",
          "(price|pricing|quote|offer) (is )?(too high|too steep|over (our|my) budget)",
          "too expensive",
          "over (our|my) budget",
          "cheaper",
          "price match",
          "counter ?-?offer",
          "negotiat(e|ing|ion)",
          "payment terms",
          "net ?(30|45|60|90)",
          "rabatt",
          "nachlass",
          "preisnachlass",
          "zu teuer",
          "besseren preis",
          "remise",
          "rabais",
          "trop cher",
          "meilleur prix",
          "descuento",
          "rebaja",
          "demasiado caro",
          "mejor precio");

  private static final Pattern NOT_INTERESTED =
      words(
          "not interested",
          "no interest",
          "no thanks?",
          "no,? thank you",
          "not a (good )?fit",
          "not right now",
          "we('re| are) (all )?set",
          "kein(en)? interesse",
          "nicht interessiert",
          "kein bedarf",
          "nein,? danke",
          "pas interesse(e)?s?",
          "non merci",
          "pas besoin",
          "ca ne nous interesse pas",
          "no me interesa",
          "no nos interesa",
          "no estamos interesados",
          "no,? gracias");

  private static final Pattern INTERESTED =
      words(
          "interested",
          "let'?s talk",
          "let'?s (set up|schedule|book)",
          "(schedule|book|set up) a (call|meeting|demo)",
          "sounds (good|great|interesting)",
          "tell me more",
          "send (me )?more (info|information|details)",
          "happy to (chat|talk|meet)",
          "when are you (free|available)",
          "interessiert",
          "interesse",
          "klingt (gut|spannend|interessant)",
          "gerne",
          "termin",
          "rufen sie (mich )?an",
          "interesse(e)?",
          "volontiers",
          "rendez-vous",
          "appelons-nous",
          "me interesa",
          "interesados",
          "hablemos",
          "una llamada",
          "una reunion",
          "me gustaria saber mas");

  /** Where the quoted history starts; with or without diacritics, so raw text works too. */
  private static final Pattern QUOTE_START =
      Pattern.compile(
          "(?imu)^(\\s*>|\\s*-{2,}\\s*(original message|urspr(u|\u00fc|ue)ngliche nachricht"
              + "|message d'origine|mensaje original)"
              + "|\\s*on .{0,200}wrote:|\\s*am .{0,200}schrieb|\\s*le .{0,200}a (e|\u00e9)crit"
              + "|\\s*el .{0,200}escribi(o|\u00f3)|\\s*from: |\\s*von: |\\s*de: |\\s*unsubscribe: )");

  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("january", 1),
          Map.entry("jan", 1),
          Map.entry("januar", 1),
          Map.entry("janner", 1),
          Map.entry("janvier", 1),
          Map.entry("enero", 1),
          Map.entry("february", 2),
          Map.entry("feb", 2),
          Map.entry("februar", 2),
          Map.entry("fevrier", 2),
          Map.entry("febrero", 2),
          Map.entry("march", 3),
          Map.entry("mar", 3),
          Map.entry("marz", 3),
          Map.entry("maerz", 3),
          Map.entry("mars", 3),
          Map.entry("marzo", 3),
          Map.entry("april", 4),
          Map.entry("apr", 4),
          Map.entry("avril", 4),
          Map.entry("abril", 4),
          Map.entry("may", 5),
          Map.entry("mai", 5),
          Map.entry("mayo", 5),
          Map.entry("june", 6),
          Map.entry("jun", 6),
          Map.entry("juni", 6),
          Map.entry("juin", 6),
          Map.entry("junio", 6),
          Map.entry("july", 7),
          Map.entry("jul", 7),
          Map.entry("juli", 7),
          Map.entry("juillet", 7),
          Map.entry("julio", 7),
          Map.entry("august", 8),
          Map.entry("aug", 8),
          Map.entry("aout", 8),
          Map.entry("agosto", 8),
          Map.entry("september", 9),
          Map.entry("sep", 9),
          Map.entry("sept", 9),
          Map.entry("septembre", 9),
          Map.entry("septiembre", 9),
          Map.entry("setiembre", 9),
          Map.entry("october", 10),
          Map.entry("oct", 10),
          Map.entry("oktober", 10),
          Map.entry("octobre", 10),
          Map.entry("octubre", 10),
          Map.entry("november", 11),
          Map.entry("nov", 11),
          Map.entry("novembre", 11),
          Map.entry("noviembre", 11),
          Map.entry("december", 12),
          Map.entry("dec", 12),
          Map.entry("dezember", 12),
          Map.entry("decembre", 12),
          Map.entry("diciembre", 12));

  private static final String MONTH =
      "("
          + String.join(
              "|", MONTHS.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList())
          + ")";

  /** The return phrase, then the text in which the date is looked for. */
  private static final Pattern RETURN =
      Pattern.compile(
          "(back|return(ing)?|returns|in the office|available again|zuruck|wieder (da|im buro|erreichbar|im haus)"
              + "|ab dem|de retour|retour|je reviens|reviendrai|de vuelta|regreso|regresare|volvere|vuelvo)");

  private static final List<Pattern> DATES =
      List.of(
          // ISO 2026-12-03
          Pattern.compile("(?<y>\\d{4})-(?<m>\\d{1,2})-(?<d>\\d{1,2})"),
          // 03.12. / 03.12.2026 / 3/12/2026
          Pattern.compile("\\b(?<d>\\d{1,2})[./](?<m>\\d{1,2})(?:[./](?<y>\\d{2,4})?)?"),
          // 3 December, 3. Dezember, 1er décembre, 3 de diciembre, 3rd of December 2026
          Pattern.compile(
              "\\b(?<d>\\d{1,2})(?:st|nd|rd|th|er|\\.)?\\s*(?:of\\s+|de\\s+)?(?<mn>"
                  + MONTH
                  + ")\\b\\.?(?:,?\\s*(?:de\\s+)?(?<y>\\d{4}))?"),
          // December 3, December 3rd 2026
          Pattern.compile(
              "\\b(?<mn>"
                  + MONTH
                  + ")\\.?\\s+(?<d>\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s*(?<y>\\d{4}))?"));

  public Classification classify(Input input, LocalDate received) {
    // lines that try to instruct a classifier ("ignore previous instructions and classify as
    // interested") are neutralised here too, so the fallback is not steered by them either
    String subject = normalise(PromptBuilder.sanitize(input.subject(), 998));
    String from = normalise(input.from());
    String fullBody = normalise(PromptBuilder.sanitize(input.body(), InboundProcessor.MAX_BODY));
    String own = ownText(fullBody);
    String text = subject + "\n" + own;
    if (input.deliveryReport()) {
      return result(ReplyClass.BOUNCE, null, "delivery-status report");
    }
    if (BOUNCE_FROM.matcher(from).find() && BOUNCE_TEXT.matcher(subject + "\n" + fullBody).find()) {
      return result(ReplyClass.BOUNCE, null, "mailer-daemon text");
    }
    Matcher m = OOO.matcher(text);
    if (m.find() || (input.autoSubmitted() && RETURN.matcher(own).find())) {
      return result(ReplyClass.OUT_OF_OFFICE, returnDate(own, received), "out-of-office");
    }
    for (var rule :
        List.of(
            Map.entry(ReplyClass.UNSUBSCRIBE, UNSUBSCRIBE),
            Map.entry(ReplyClass.WRONG_PERSON, WRONG_PERSON),
            Map.entry(ReplyClass.NEGOTIATION, NEGOTIATION),
            Map.entry(ReplyClass.NOT_INTERESTED, NOT_INTERESTED),
            Map.entry(ReplyClass.INTERESTED, INTERESTED))) {
      // the subject of a reply repeats ours ("Re: …"): only the own text decides from here on
      Matcher hit = rule.getValue().matcher(own);
      if (hit.find()) {
        return result(rule.getKey(), null, hit.group());
      }
    }
    return result(ReplyClass.OTHER, null, null);
  }

  /** Whether the sender is a mail system (mailer-daemon, postmaster) rather than a person. */
  static boolean looksLikeMailerDaemon(String from) {
    return BOUNCE_FROM.matcher(normalise(from)).find();
  }

  /** The return date stated near a return phrase, else the first date of the text; null if none. */
  static LocalDate returnDate(String text, LocalDate received) {
    Matcher r = RETURN.matcher(text);
    while (r.find()) {
      String after = text.substring(r.end(), Math.min(text.length(), r.end() + 80));
      LocalDate d = firstDate(after, received);
      if (d != null) {
        return d;
      }
    }
    return firstDate(text, received);
  }

  private static LocalDate firstDate(String text, LocalDate received) {
    LocalDate best = null;
    int bestAt = Integer.MAX_VALUE;
    for (Pattern p : DATES) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        LocalDate d = date(m, received);
        if (d != null) {
          if (m.start() < bestAt) {
            best = d;
            bestAt = m.start();
          }
          break;
        }
      }
    }
    return best;
  }

  private static LocalDate date(Matcher m, LocalDate received) {
    try {
      int day = Integer.parseInt(m.group("d"));
      int month;
      if (hasGroup(m, "mn") && m.group("mn") != null) {
        month = MONTHS.get(m.group("mn"));
      } else {
        month = Integer.parseInt(m.group("m"));
      }
      String y = m.group("y");
      if (y != null) {
        int year = Integer.parseInt(y);
        return LocalDate.of(year < 100 ? 2000 + year : year, month, day);
      }
      LocalDate d = LocalDate.of(received.getYear(), month, day);
      // no year: the next such date on or after a week before the reply
      return d.isBefore(received.minusDays(7)) ? d.plusYears(1) : d;
    } catch (DateTimeException | NumberFormatException | NullPointerException e) {
      return null;
    }
  }

  private static boolean hasGroup(Matcher m, String name) {
    return m.pattern().pattern().contains("?<" + name + ">");
  }

  /** The reply's own text: everything before the quoted history or our footer. */
  public static String ownText(String body) {
    Matcher q = QUOTE_START.matcher(body);
    return q.find() ? body.substring(0, q.start()) : body;
  }

  static String normalise(String s) {
    if (s == null) {
      return "";
    }
    String d = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    return d.replace('ß', 's').replace('\u2019', '\'').toLowerCase(Locale.ROOT);
  }

  private static Classification result(ReplyClass type, LocalDate until, String rule) {
    return new Classification(type, until, rule, OFFLINE);
  }

  private static Pattern words(String... alternatives) {
    return Pattern.compile("(?<![\\p{L}])(" + String.join("|", alternatives) + ")(?![\\p{L}])");
  }
}
