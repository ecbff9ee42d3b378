package io.omnireach.ui.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulationViewTest {

  @Test
  void the_ai_cost_line_reads_calls_tokens_and_dollars() {
    assertThat(
            SimulationView.aiCostLine(
                Map.of("calls", 12, "tokens", 9800, "costUsd", new BigDecimal("0.004000"))))
        .isEqualTo("AI: 12 calls · 9,800 tokens · $0.004 — simulation cost, not billed");
    // as read back from the stored JSON: a double
    assertThat(SimulationView.aiCostLine(Map.of("calls", 1, "tokens", 160, "costUsd", 2.4E-5)))
        .isEqualTo("AI: 1 call · 160 tokens · $0.000024 — simulation cost, not billed");
    assertThat(SimulationView.aiCostLine(Map.of("calls", 3, "tokens", 0, "costUsd", 0)))
        .isEqualTo("AI: 3 calls · 0 tokens · $0.00 — simulation cost, not billed");
  }
}
