package io.omnireach.policy;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks one outbound text against a tenant's policies. Pure: no database, no clock (the context
 * carries the send time), so the dry-run sandbox and the UI's "check a text" box call it as the
 * outbox does. Subject and body are folded by {@link NormalizedText} first, so upper case, accents,
 * look-alike letters and zero-width characters do not hide a phrase or a discount.
 */
public final class PolicyEngine {

  private static final Pattern EMAIL =
      Pattern.compile("[a-z0-9._%+-]+@[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,}");
  private static final Pattern PHONE = Pattern.compile("\\+?\\(?\\d[\\d ().-]{6,}\\d");

  private PolicyEngine() {}

  public static Verdict evaluate(List<Policy> policies, OutboundText text, PolicyContext ctx) {
    PolicyContext context = ctx == null ? PolicyContext.NONE : ctx;
    String channel = channel(text.channel());
    List<Field> fields = new ArrayList<>();
    if (text.subject() != null && !text.subject().isBlank()) {
      fields.add(new Field("subject", NormalizedText.of(text.subject())));
    }
    fields.add(new Field("body", NormalizedText.of(text.body())));
    List<Violation> out = new ArrayList<>();
    for (Policy p : policies) {
      if (p.enabled()) {
        check(p, fields, channel, context, out);
      }
    }
    return Verdict.of(out);
  }

  private record Field(String name, NormalizedText text) {}

  private static void check(
      Policy p, List<Field> fields, String channel, PolicyContext ctx, List<Violation> out) {
    Rule r = p.rule();
    switch (p.kind()) {
      case MAX_DISCOUNT -> {
        for (Field f : fields) {
          for (Discounts.Found d : Discounts.find(f.text().text)) {
            if (d.percent() > r.percent() + 1e-9) {
              out.add(at(p, f, d.start(), d.end()));
            }
          }
        }
      }
      case FORBIDDEN_PHRASE, COMPETITOR_MENTION -> {
        for (Field f : fields) {
          for (String phrase : r.phrases()) {
            phrase(p, f, phrase, out);
          }
          for (String regex : r.patterns()) {
            Matcher m = compiled(regex).matcher(f.text().text);
            while (m.find()) {
              if (m.end() > m.start()) {
                out.add(at(p, f, m.start(), m.end()));
              }
            }
          }
        }
      }
      case REQUIRED_TEXT -> {
        if (!applies(r.channels(), channel)
            || (!r.countries().isEmpty()
                && (ctx.leadCountry() == null
                    || r.countries().stream()
                        .noneMatch(c -> c.equalsIgnoreCase(ctx.leadCountry()))))) {
          return;
        }
        String needed = squash(NormalizedText.of(r.text()).text);
        boolean found = fields.stream().anyMatch(f -> squash(f.text().text).contains(needed));
        if (!found) {
          out.add(missing(p, "missing: " + r.text()));
        }
      }
      case CHANNEL_CONSENT -> {
        boolean needsConsent = channel.equals("sms") || channel.equals("voice");
        if (needsConsent
            && applies(r.channels(), channel)
            && ctx.consent() != null
            && !"granted".equalsIgnoreCase(ctx.consent())) {
          out.add(missing(p, channel + " consent: " + ctx.consent()));
        }
      }
      case CONTACT_FREQUENCY -> {
        if (ctx.touchesLastWeek() != null && ctx.touchesLastWeek() + 1 > r.maxPerWeek()) {
          out.add(
              missing(
                  p,
                  "touch "
                      + (ctx.touchesLastWeek() + 1)
                      + " in 7 days (max "
                      + r.maxPerWeek()
                      + ")"));
        }
      }
      case SEND_HOURS -> {
        if (ctx.sendAt() != null) {
          LocalTime t = ctx.sendAt().toLocalTime();
          boolean inside =
              r.from().isBefore(r.to())
                  ? !t.isBefore(r.from()) && t.isBefore(r.to())
                  : !t.isBefore(r.from()) || t.isBefore(r.to()); // a window over midnight
          if (!inside) {
            out.add(
                missing(
                    p,
                    "sent at "
                        + t.withSecond(0).withNano(0)
                        + " (allowed "
                        + r.from()
                        + "–"
                        + r.to()
                        + ")"));
          }
        }
      }
      case OTHER_PERSONAL_DATA -> {
        for (Field f : fields) {
          String s = f.text().text;
          Matcher m = EMAIL.matcher(s);
          while (m.find()) {
            if (!ownEmail(m.group(), ctx, r)) {
              out.add(at(p, f, m.start(), m.end()));
            }
          }
          m = PHONE.matcher(s);
          while (m.find()) {
            String digits = m.group().replaceAll("\\D", "");
            if (digits.length() >= 8 && !ownPhone(digits, ctx, r)) {
              out.add(at(p, f, m.start(), m.end()));
            }
          }
        }
      }
      default -> throw new IllegalStateException("unknown kind " + p.kind());
    }
  }

  /** A phrase as whole words; for longer ones also spelled out with gaps ("g.u.a.r.a.n.t.e.e"). */
  private static void phrase(Policy p, Field f, String phrase, List<Violation> out) {
    String needle = NormalizedText.of(phrase).text.strip();
    if (needle.isEmpty()) {
      return;
    }
    String words = Pattern.quote(needle).replace(" ", "\\E\\s+\\Q");
    Pattern whole = Pattern.compile("(?<![\\p{L}\\p{N}])" + words + "(?![\\p{L}\\p{N}])");
    String s = f.text().text;
    List<int[]> hits = new ArrayList<>();
    Matcher m = whole.matcher(s);
    while (m.find()) {
      hits.add(new int[] {m.start(), m.end()});
    }
    m = whole.matcher(leet(s));
    while (m.find()) {
      addNew(hits, m.start(), m.end());
    }
    String letters = needle.replaceAll("[^\\p{L}\\p{N}]", "");
    if (letters.length() >= 6) {
      // drop the separators between letters, keeping where each letter was
      StringBuilder compact = new StringBuilder();
      List<Integer> at = new ArrayList<>();
      String ls = leet(s);
      for (int i = 0; i < ls.length(); i++) {
        char c = ls.charAt(i);
        if (Character.isLetterOrDigit(c)) {
          compact.append(c);
          at.add(i);
        }
      }
      int from = 0;
      int idx;
      while ((idx = compact.indexOf(letters, from)) >= 0) {
        int start = at.get(idx);
        int end = at.get(idx + letters.length() - 1) + 1;
        boolean wordStart = start == 0 || !Character.isLetterOrDigit(ls.charAt(start - 1));
        if (wordStart) {
          addNew(hits, start, end);
        }
        from = idx + 1;
      }
    }
    for (int[] h : hits) {
      out.add(at(p, f, h[0], h[1]));
    }
  }

  private static void addNew(List<int[]> hits, int start, int end) {
    for (int[] h : hits) {
      if (start < h[1] && end > h[0]) {
        return;
      }
    }
    hits.add(new int[] {start, end});
  }

  /** Digits and symbols written for letters (gu4r4nt33, fr€€); same length, same offsets. */
  private static String leet(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(
          switch (c) {
            case '0' -> 'o';
            case '1', '!', '|' -> 'i';
            case '3', '€' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '7' -> 't';
            default -> c;
          });
    }
    return b.toString();
  }

  private static Pattern compiled(String regex) {
    return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  private static String squash(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  private static boolean applies(List<String> channels, String channel) {
    return channels.isEmpty() || channels.stream().anyMatch(c -> channel(c).equals(channel));
  }

  /** email, sms or voice ("call" is voice). */
  static String channel(String c) {
    String s = c == null ? "email" : c.strip().toLowerCase(Locale.ROOT);
    return s.equals("call") || s.equals("calls") ? "voice" : s.isEmpty() ? "email" : s;
  }

  private static boolean ownEmail(String email, PolicyContext ctx, Rule r) {
    if (ctx.leadEmail() != null && ctx.leadEmail().equalsIgnoreCase(email)) {
      return true;
    }
    String domain = email.substring(email.indexOf('@') + 1);
    return r.allowed().stream()
        .map(a -> a.strip().toLowerCase(Locale.ROOT))
        .anyMatch(a -> a.equals(email) || a.equals(domain) || a.equals("@" + domain));
  }

  private static boolean ownPhone(String digits, PolicyContext ctx, Rule r) {
    if (ctx.leadPhone() != null && sameNumber(digits, ctx.leadPhone().replaceAll("\\D", ""))) {
      return true;
    }
    return r.allowed().stream()
        .map(a -> a.replaceAll("\\D", ""))
        .anyMatch(a -> a.length() >= 8 && sameNumber(digits, a));
  }

  /** The last 9 digits decide: "+44 20 7946 0958" and "020 7946 0958" are one number. */
  private static boolean sameNumber(String a, String b) {
    int n = Math.min(9, Math.min(a.length(), b.length()));
    return n >= 7 && a.substring(a.length() - n).equals(b.substring(b.length() - n));
  }

  private static Violation at(Policy p, Field f, int start, int end) {
    NormalizedText t = f.text();
    return new Violation(
        p.id(),
        p.name(),
        p.kind(),
        p.severity(),
        p.explanation(),
        t.excerpt(start, end),
        f.name(),
        t.start(start),
        t.end(end));
  }

  private static Violation missing(Policy p, String what) {
    return new Violation(
        p.id(), p.name(), p.kind(), p.severity(), p.explanation(), what, null, -1, -1);
  }
}
