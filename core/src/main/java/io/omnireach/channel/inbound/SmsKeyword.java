package io.omnireach.channel.inbound;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The SMS keywords Twilio acts on, by what they do — the one list of them. Only what Twilio
 * documents for its default handling (no language is added that Twilio does not list):
 *
 * <ul>
 *   <li>English opt-out, opt-in and help keywords: "Twilio support for opt-out keywords (SMS STOP
 *       filtering)",
 *       https://help.twilio.com/articles/223134027-Twilio-support-for-opt-out-keywords-SMS-STOP-filtering-
 *       and the default opt-outs in
 *       https://www.twilio.com/docs/messaging/tutorials/advanced-opt-out (which adds REVOKE and
 *       OPTOUT). "STOP ALL" (STOPALL sent as two words) was recognised here before and stays: an
 *       opt-out honoured once too often costs nothing.
 *   <li>French opt-outs ARRET, ARRETE, ARRETT (so ARRÊT and ARRÊTE, accents being ignored):
 *       https://www.twilio.com/docs/proxy/opt-out-keywords. Twilio documents no other language for
 *       its defaults; further languages are a tenant's own Advanced Opt-Out configuration at
 *       Twilio.
 * </ul>
 *
 * <p>Twilio acts only when the keyword is the whole message ("STOP PLEASE" and "PLEASE CANCEL" are
 * not opt-outs), in any case. We match the same way on the trimmed message, ignoring case, accents,
 * runs of spaces and trailing punctuation ("Stop." as typed by a phone's double-space), so an
 * opt-out Twilio honours is never missed here.
 */
public enum SmsKeyword {
  /** Denies the sender's SMS consent. */
  OPT_OUT(
      "STOP",
      "STOPALL",
      "STOP ALL",
      "UNSUBSCRIBE",
      "CANCEL",
      "END",
      "QUIT",
      "OPTOUT",
      "REVOKE",
      "ARRET",
      "ARRETE",
      "ARRETT"),
  /** Grants the sender's SMS consent again. */
  OPT_IN("START", "YES", "UNSTOP"),
  /**
   * Changes no consent and gets no answer from us: Twilio answers HELP itself (its default or the
   * tenant's Advanced Opt-Out text); the message is stored as an ordinary reply.
   */
  HELP("HELP", "INFO");

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\p{P}\\s]+$");

  private final Set<String> words;

  SmsKeyword(String... words) {
    this.words = Set.of(words);
  }

  /** The keyword {@code body} is, if the whole message is one. */
  public static Optional<SmsKeyword> match(String body) {
    String word = normalize(body);
    return Arrays.stream(values()).filter(k -> k.words.contains(word)).findFirst();
  }

  /**
   * The message as it is compared: without accents, spaces around it, repeated spaces and trailing
   * punctuation, in upper case (" arrêt ! " → "ARRET").
   */
  public static String normalize(String body) {
    if (body == null) {
      return "";
    }
    String s = MARKS.matcher(Normalizer.normalize(body, Normalizer.Form.NFKD)).replaceAll("");
    s = TRAILING_PUNCTUATION.matcher(SPACES.matcher(s.strip()).replaceAll(" ")).replaceAll("");
    return s.toUpperCase(Locale.ROOT);
  }
}
