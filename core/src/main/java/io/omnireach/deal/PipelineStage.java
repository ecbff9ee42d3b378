package io.omnireach.deal;

import java.math.BigDecimal;
import java.util.Map;

/** Deals in one stage: how many, and their value per currency (never added across currencies). */
public record PipelineStage(DealStage stage, int deals, Map<String, BigDecimal> value) {}
