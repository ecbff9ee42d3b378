package io.omnireach.account;

import io.omnireach.common.DomainException;
import java.util.Arrays;
import java.util.Locale;

/** Search text (name or domain, optional) and sort order for listing accounts. */
public record AccountQuery(String text, Sort sort, boolean ascending) {

  /** Sortable columns; each sorts by (value, id) so pages never skip or repeat a row. */
  public enum Sort {
    SCORE("score", "s.score"),
    NAME("name", "lower(a.name)"),
    LEADS("leads", "s.leads");

    final String json;
    final String expression;

    Sort(String json, String expression) {
      this.json = json;
      this.expression = expression;
    }

    public String json() {
      return json;
    }
  }

  public AccountQuery {
    text = text == null || text.isBlank() ? null : text.strip();
    sort = sort == null ? Sort.SCORE : sort;
  }

  /** Warmest first. */
  public static AccountQuery all() {
    return new AccountQuery(null, Sort.SCORE, false);
  }

  /** Parses the API's "field" (ascending) or "-field" (descending); default -score. */
  public static AccountQuery of(String text, String sort) {
    String spec = sort == null || sort.isBlank() ? "-score" : sort.strip();
    boolean ascending = !spec.startsWith("-");
    String name = spec.replaceFirst("^[-+]", "").toLowerCase(Locale.ROOT);
    return new AccountQuery(
        text,
        Arrays.stream(Sort.values())
            .filter(s -> s.json.equals(name))
            .findFirst()
            .orElseThrow(
                () ->
                    DomainException.invalid(
                        "sort",
                        "Sort must be one of score, name, leads (prefix - for descending), got '"
                            + spec
                            + "'.")),
        ascending);
  }
}
