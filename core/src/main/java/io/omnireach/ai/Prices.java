package io.omnireach.ai;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * USD per million tokens (input/output) by provider and model, from {@code omnireach.ai.prices}:
 * entries separated by commas or new lines, each {@code provider:model=input/output}, for example
 * {@code openrouter:openai/gpt-4o-mini=0.15/0.60}. Model names may contain ':' themselves.
 */
public final class Prices {

  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  /** One model's price, USD per million tokens. */
  public record Price(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {}

  private final Map<String, Price> table;

  private Prices(Map<String, Price> table) {
    this.table = Map.copyOf(table);
  }

  public static Prices none() {
    return new Prices(Map.of());
  }

  /** Parses the table; a malformed entry is an {@link IllegalArgumentException} naming it. */
  public static Prices parse(String spec) {
    Map<String, Price> table = new HashMap<>();
    if (spec != null) {
      for (String raw : spec.split("[,\\n]")) {
        String entry = raw.strip();
        if (entry.isEmpty() || entry.startsWith("#")) {
          continue;
        }
        int eq = entry.lastIndexOf('=');
        int colon = entry.indexOf(':');
        int slash = eq < 0 ? -1 : entry.indexOf('/', eq);
        if (colon < 1 || eq < colon + 2 || slash < 0) {
          throw new IllegalArgumentException(
              "omnireach.ai.prices: expected provider:model=input/output, got \"" + entry + "\"");
        }
        try {
          Price price =
              new Price(
                  new BigDecimal(entry.substring(eq + 1, slash).strip()),
                  new BigDecimal(entry.substring(slash + 1).strip()));
          Provider provider = Provider.parse(entry.substring(0, colon), "prices");
          table.put(key(provider, entry.substring(colon + 1, eq).strip()), price);
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(
              "omnireach.ai.prices: cannot read \"" + entry + "\": " + e.getMessage(), e);
        }
      }
    }
    return new Prices(table);
  }

  public Optional<Price> price(Provider provider, String model) {
    return Optional.ofNullable(table.get(key(provider, model)));
  }

  /** The cost of a call in USD, empty when the model has no price. */
  public Optional<BigDecimal> cost(
      Provider provider, String model, int promptTokens, int completionTokens) {
    return price(provider, model)
        .map(
            p ->
                p.inputPerMillion()
                    .multiply(BigDecimal.valueOf(promptTokens))
                    .add(p.outputPerMillion().multiply(BigDecimal.valueOf(completionTokens)))
                    .divide(MILLION, 8, RoundingMode.HALF_UP));
  }

  private static String key(Provider provider, String model) {
    return provider.id() + ":" + model.toLowerCase(Locale.ROOT);
  }
}
