package io.omnireach.billing.jpa;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Entities keep {@code timestamptz} columns as {@link OffsetDateTime} in UTC: EclipseLink binds an
 * {@link Instant} query parameter as bytes, an {@code OffsetDateTime} as a timestamp.
 */
public final class Times {

  private Times() {}

  public static OffsetDateTime utc(Instant at) {
    return at == null ? null : at.atOffset(ZoneOffset.UTC);
  }

  public static Instant instant(OffsetDateTime at) {
    return at == null ? null : at.toInstant();
  }
}
