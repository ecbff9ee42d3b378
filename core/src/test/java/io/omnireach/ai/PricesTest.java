package io.omnireach.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The price table reads provider:model=input/output per million tokens. */
class PricesTest {

  @Test
  void costs_come_from_the_table_and_unknown_models_have_none() {
    Prices prices =
        Prices.parse(
            "openrouter:openai/gpt-4o-mini=0.15/0.60,\n"
                + " openrouter:meta-llama/llama-3.1-8b-instruct:free=0/0\n"
                + "mistral:mistral-small-latest=0.1/0.3");
    assertThat(prices.cost(Provider.OPENROUTER, "openai/gpt-4o-mini", 1_000_000, 500_000))
        .contains(new BigDecimal("0.45000000"));
    assertThat(prices.cost(Provider.MISTRAL, "mistral-small-latest", 1000, 1000))
        .contains(new BigDecimal("0.00040000"));
    assertThat(prices.price(Provider.OPENROUTER, "meta-llama/llama-3.1-8b-instruct:free"))
        .isPresent();
    assertThat(prices.cost(Provider.MISTRAL, "openai/gpt-4o-mini", 10, 10)).isEmpty();
  }

  @Test
  void a_malformed_entry_is_named() {
    assertThatThrownBy(() -> Prices.parse("openrouter:gpt=cheap"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("openrouter:gpt=cheap");
    assertThatThrownBy(() -> Prices.parse("acme:gpt=1/2")).hasMessageContaining("acme:gpt=1/2");
  }
}
