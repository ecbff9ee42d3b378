package io.omnireach.account;

import java.net.IDN;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which company a lead works at, from its email address and company name. Pure: the one place that
 * knows the free-mail providers and the legal-form suffixes. A work email's registrable domain
 * decides the account ({@code jane@eu.globex.com} → {@code globex.com}); a lead with a free-mail
 * address (gmail.com, …) or none is matched by its normalised company name instead.
 */
public final class Companies {

  /** Providers whose addresses say nothing about the employer: never an account's domain. */
  public static final Set<String> FREE_MAIL =
      Set.of(
          "gmail.com",
          "googlemail.com",
          "yahoo.com",
          "yahoo.co.uk",
          "yahoo.fr",
          "yahoo.de",
          "ymail.com",
          "hotmail.com",
          "hotmail.co.uk",
          "hotmail.fr",
          "hotmail.de",
          "outlook.com",
          "live.com",
          "msn.com",
          "aol.com",
          "icloud.com",
          "me.com",
          "mac.com",
          "proton.me",
          "protonmail.com",
          "pm.me",
          "gmx.com",
          "gmx.de",
          "gmx.net",
          "web.de",
          "mail.com",
          "mail.ru",
          "yandex.com",
          "yandex.ru",
          "zoho.com",
          "fastmail.com",
          "hey.com",
          "tutanota.com",
          "qq.com",
          "163.com",
          "126.com",
          "naver.com",
          "orange.fr",
          "free.fr",
          "laposte.net",
          "libero.it",
          "t-online.de");

  /**
   * Second-level labels under which companies register (co.uk, com.au, …): the registrable domain
   * then has three labels. A short list instead of the public-suffix list, enough for work email.
   */
  private static final Set<String> SECOND_LEVEL =
      Set.of("co", "com", "net", "org", "ac", "gov", "edu", "ltd", "plc", "ne", "or", "gv");

  /** Legal forms dropped from the end of a company name ("Globex Corporation" = "Globex"). */
  private static final Set<String> LEGAL_FORMS =
      Set.of(
          "inc",
          "incorporated",
          "llc",
          "llp",
          "lp",
          "ltd",
          "limited",
          "plc",
          "corp",
          "corporation",
          "co",
          "company",
          "gmbh",
          "ag",
          "kg",
          "se",
          "sa",
          "sas",
          "sarl",
          "srl",
          "spa",
          "bv",
          "nv",
          "oy",
          "ab",
          "as",
          "asa",
          "aps",
          "pty",
          "pte",
          "kk",
          "group",
          "holding",
          "holdings");

  /**
   * The account a lead belongs to: by domain when it has a work domain, else by name. {@code named}
   * is false when the name was made from the domain (the lead has no company name).
   */
  public record Key(String domain, String name, String nameKey, boolean named) {}

  private Companies() {}

  /**
   * The account key of a lead, or null when neither a work domain nor a usable company name says
   * where it works.
   */
  public static Key of(String email, String company) {
    String domain = workDomain(email);
    String nameKey = nameKey(company);
    String name = company == null || company.isBlank() ? null : company.strip();
    if (domain != null) {
      String fromDomain = domainLabel(domain);
      return nameKey != null
          ? new Key(domain, name, nameKey, true)
          : new Key(domain, capitalise(fromDomain), nameKey(fromDomain), false);
    }
    return nameKey == null ? null : new Key(null, name, nameKey, true);
  }

  /** The registrable domain of a work email address; null for free mail or no usable domain. */
  public static String workDomain(String email) {
    if (email == null) {
      return null;
    }
    int at = email.lastIndexOf('@');
    if (at < 0) {
      return null;
    }
    String domain = registrable(email.substring(at + 1));
    return domain == null || FREE_MAIL.contains(domain) ? null : domain;
  }

  /**
   * Lower-case ASCII (IDN) host without "www." and trailing dot, cut to its registrable part
   * (eu.globex.com → globex.com, shop.acme.co.uk → acme.co.uk); null unless it has a dot.
   */
  public static String registrable(String host) {
    if (host == null) {
      return null;
    }
    String h = host.strip().toLowerCase(Locale.ROOT);
    while (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    if (!isAscii(h)) { // an IDN; plain hosts skip the conversion (it runs for every imported row)
      try {
        h = IDN.toASCII(h, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    if (!HOST.matcher(h).matches()) {
      return null;
    }
    String[] labels = h.split("\\.");
    int keep = 2;
    if (labels.length >= 3
        && labels[labels.length - 1].length() == 2
        && SECOND_LEVEL.contains(labels[labels.length - 2])) {
      keep = 3;
    }
    if (labels.length <= keep) {
      return h;
    }
    return String.join(".", Arrays.copyOfRange(labels, labels.length - keep, labels.length));
  }

  // compiled once: registrable and nameKey run for every imported row; labels of 1-63 characters
  // as IDN.toASCII allows them
  private static final Pattern HOST = Pattern.compile("[a-z0-9-]{1,63}(\\.[a-z0-9-]{1,63})+");
  private static final Pattern MARKS = Pattern.compile("\\p{M}");
  private static final Pattern INITIAL_DOTS = Pattern.compile("\\b(\\p{L})\\.(?=\\p{L}\\b)");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  /**
   * The company name as a matching key: accents and punctuation gone, "&" as "and", lower case,
   * legal forms at the end dropped ("Globex, Inc." and "GLOBEX Corporation" are both "globex");
   * null when nothing is left.
   */
  public static String nameKey(String company) {
    if (company == null) {
      return null;
    }
    String s =
        isAscii(company) // nothing to decompose
            ? company
            : MARKS.matcher(Normalizer.normalize(company, Normalizer.Form.NFKD)).replaceAll("");
    s = s.toLowerCase(Locale.ROOT).replace("&", " and ");
    s = INITIAL_DOTS.matcher(s).replaceAll("$1"); // S.A. = SA
    s = NON_WORD.matcher(s).replaceAll(" ").strip();
    if (s.isEmpty()) {
      return null;
    }
    List<String> words = Arrays.asList(s.split(" "));
    int end = words.size();
    while (end > 1
        && (LEGAL_FORMS.contains(words.get(end - 1)) || words.get(end - 1).equals("and"))) {
      end--;
    }
    return String.join(" ", words.subList(0, end));
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** The label before the public suffix: globex.com → globex, acme.co.uk → acme. */
  private static String domainLabel(String domain) {
    return domain.split("\\.")[0];
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
