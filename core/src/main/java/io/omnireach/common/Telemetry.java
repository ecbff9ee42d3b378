package io.omnireach.common;

import java.math.BigDecimal;

/**
 * Where core reports business events for operators' metrics (the app implements it with
 * Micrometer). Arguments are bounded values only: channel, outcome, node type, provider and the
 * tenant slug — never ids or addresses. Sends and AI calls are reported once recorded (committed);
 * steps and import chunks as they end, inside a transaction that may still roll back and be
 * retried. Implementations must be cheap and must not throw.
 */
public interface Telemetry {

  /** Reports nothing: tests, benchmarks, tools. */
  Telemetry NONE = new Telemetry() {};

  /** The outbox recorded a channel's answer: {@code outcome} is sent, retry or failed. */
  default void sendRecorded(String channel, String outcome) {}

  /** A workflow step ran: {@code outcome} is done, waiting or failed. */
  default void stepExecuted(String nodeType, String outcome, long nanos) {}

  /** An AI generation was recorded in the tenant's ledger (a cache hit included). */
  default void aiCall(
      String tenant,
      String provider,
      String outcome,
      int promptTokens,
      int completionTokens,
      BigDecimal costUsd,
      long latencyMs) {}

  /**
   * A lead import chunk wrote (inserted or updated) this many rows; reported as the chunk is
   * written, so a chunk that rolls back and is retried counts twice.
   */
  default void rowsImported(long rows) {}
}
