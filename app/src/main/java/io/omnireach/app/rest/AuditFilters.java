package io.omnireach.app.rest;

import io.omnireach.audit.AuditCsv;
import io.omnireach.audit.AuditLog;
import io.omnireach.audit.AuditQuery;
import io.omnireach.common.DomainException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The audit API's query parameters and CSV, shared by the tenant and the platform view. */
final class AuditFilters {

  static final String ENTRY_EXAMPLE =
      "{\"id\":118,\"at\":\"2026-12-06T10:15:30.123456Z\",\"actor\":\"admin@acme.demo\","
          + "\"tenant\":\"acme\",\"action\":\"user.role\",\"target\":\"7\",\"before\":\"Sales\","
          + "\"after\":\"Admin\",\"ip\":\"203.0.113.7\",\"requestId\":\"4f1c2a9e-…\","
          + "\"seq\":42,\"hash\":\"9b2f…e1\"}";
  static final String BAD_DATE_EXAMPLE =
      "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"from must"
          + " be a date (2026-12-01) or an instant (2026-12-01T09:00:00Z).\",\"field\":\"from\"}";
  static final String CSV_EXAMPLE =
      "at,tenant,actor,action,target,before,after,ip,request_id,seq,hash\n"
          + "2026-12-06T10:15:30.123456Z,acme,admin@acme.demo,user.role,7,Sales,Admin,"
          + "203.0.113.7,4f1c2a9e-…,42,9b2f…e1\n";
  static final String FILTERS_DOC =
      " from and to are dates (UTC days; to includes its day) or instants; actor matches an"
          + " email exactly (any case); action is a prefix (\"policy.\" finds every policy"
          + " change). Newest first.";

  private AuditFilters() {}

  static AuditQuery query(
      String tenantSlug,
      String from,
      String to,
      String actor,
      String action,
      Integer page,
      Integer size) {
    Instant start = instant("from", from, false);
    Instant end = instant("to", to, true);
    if (start != null && end != null && !start.isBefore(end)) {
      throw DomainException.invalid("to", "to must be after from.");
    }
    int p = page == null ? 0 : page;
    if (p < 0) {
      throw DomainException.invalid("page", "page must be 0 or more.");
    }
    int s = size == null ? 50 : size;
    if (s < 1 || s > AuditQuery.MAX_SIZE) {
      throw DomainException.invalid(
          "size", "size must be a whole number from 1 to " + AuditQuery.MAX_SIZE + ".");
    }
    return new AuditQuery(tenantSlug, start, end, actor, action, p, s);
  }

  /** A date is its UTC day's start, or for the end of a range the next day's start. */
  private static Instant instant(String field, String value, boolean end) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    try {
      if (v.length() == 10) {
        LocalDate day = LocalDate.parse(v);
        return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return java.time.OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeException e) {
      throw DomainException.invalid(
          field, field + " must be a date (2026-12-01) or an instant (2026-12-01T09:00:00Z).");
    }
  }

  /** Every matching entry as CSV, written while read from the database. */
  static Response csv(AuditLog audit, AuditQuery q, String fileName) {
    StreamingOutput body =
        out -> {
          Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          AuditCsv.write(audit, q, w);
        };
    return Response.ok(body, "text/csv; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
        .build();
  }
}
