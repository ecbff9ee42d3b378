package io.omnireach.deal;

import io.omnireach.common.DomainException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The strict renderer of transaction templates: {@code {{deal.title}}} is replaced by the value of
 * that merge field; an unknown field, an unclosed {@code {{} or a stray {@code }}} is an error that
 * names it (templates are checked when saved, so a document never prints a blank where a value was
 * meant). No logic, loops or escapes: the line-item table, totals, clauses and signatures are laid
 * out by {@link DealPdf}, not by the template text.
 */
public final class MergeFields {

  /** Every merge field with what it prints, in the order the editor lists them. */
  public static final Map<String, String> FIELDS = fields();

  private static final Pattern FIELD = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.]*)\\s*}}");

  private MergeFields() {}

  private static Map<String, String> fields() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("deal.title", "the deal's title");
    f.put("deal.number", "the deal's number");
    f.put("deal.products", "the products, e.g. \"10 × Growth seat\"");
    f.put("deal.closeDate", "the expected close date (offer valid until)");
    f.put("lead.name", "the contact's full name");
    f.put("lead.firstName", "the contact's first name");
    f.put("lead.email", "the contact's email address");
    f.put("account.name", "the contact's company (or the contact's name without one)");
    f.put("terms.total", "the total after discount, with currency");
    f.put("terms.discount", "the discount, e.g. \"10 %\"");
    f.put("terms.months", "the contract length in months");
    f.put("terms.payment", "the payment terms, e.g. net30");
    f.put("terms.currency", "the currency code");
    f.put("owner.email", "the deal owner");
    f.put("tenant.name", "your company's name");
    f.put("date.today", "the date the document is generated");
    f.put("document.version", "the document's version number");
    return java.util.Collections.unmodifiableMap(f);
  }

  /**
   * Checks a template text: every {@code {{…}}} names a known field and every brace pair is closed.
   *
   * @throws DomainException UNPROCESSABLE naming {@code field} and the first fault
   */
  public static void check(String field, String text) {
    if (text == null) {
      return;
    }
    Matcher m = FIELD.matcher(text);
    StringBuilder rest = new StringBuilder();
    int at = 0;
    while (m.find()) {
      if (!FIELDS.containsKey(m.group(1))) {
        throw DomainException.unprocessable(
            field,
            "Unknown merge field {{"
                + m.group(1)
                + "}} in "
                + field
                + ". Known fields: "
                + String.join(", ", FIELDS.keySet())
                + ".");
      }
      rest.append(text, at, m.start());
      at = m.end();
    }
    rest.append(text.substring(at));
    int open = rest.indexOf("{{");
    int close = rest.indexOf("}}");
    if (open >= 0 || close >= 0) {
      int pos = open >= 0 ? open : close;
      throw DomainException.unprocessable(
          field,
          "Unbalanced braces in "
              + field
              + " near \""
              + rest.substring(pos, Math.min(rest.length(), pos + 24))
              + "\": a merge field is written {{deal.title}}.");
    }
  }

  /**
   * The text with every field replaced; {@code values} must hold every field (see {@link #FIELDS}).
   */
  public static String render(String field, String text, Map<String, String> values) {
    check(field, text);
    Matcher m = FIELD.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String v = values.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(v == null || v.isBlank() ? "—" : v));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The fields a text uses, in order of first use. */
  public static List<String> used(String text) {
    Matcher m = FIELD.matcher(text == null ? "" : text);
    java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return List.copyOf(out);
  }
}
