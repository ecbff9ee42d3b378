package io.omnireach.ui.billing;

import com.vaadin.flow.component.html.Span;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Small pieces the billing components share: badges, numbers, dates. */
final class BillingUi {

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

  private BillingUi() {}

  static String count(long n) {
    return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(n);
  }

  /** A compact count: 12.3k, 2.1M. */
  static String compact(long n) {
    if (n < 10_000) {
      return count(n);
    }
    if (n < 1_000_000) {
      return String.format(Locale.ENGLISH, "%.1fk", n / 1000.0).replace(".0k", "k");
    }
    return String.format(Locale.ENGLISH, "%.1fM", n / 1_000_000.0).replace(".0M", "M");
  }

  /** A status pill: invoice statuses and meter states share the colours of the console. */
  static Span badge(String status) {
    String name = status.toLowerCase(Locale.ROOT).replace('_', ' ');
    Span pill = new Span(name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1));
    pill.addClassNames("omni-bill-badge", "omni-bill-" + status.toLowerCase(Locale.ROOT));
    return pill;
  }
}
