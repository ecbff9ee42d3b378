package io.omnireach.lead;

import io.omnireach.common.DomainException;
import io.omnireach.common.Json;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The {@code lead_imports} rows of a tenant: creation, progress, errors, outcome. */
public final class ImportStore {

  private final Transactions tx;
  private final Clock clock;

  public ImportStore(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  public long create(
      TenantRef tenant,
      String fileName,
      String filePath,
      long fileBytes,
      ImportMapping mapping,
      DuplicatePolicy policy,
      CsvLayout layout,
      String actor) {
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into lead_imports (file_name, file_path, file_bytes, mapping,"
                      + " duplicate_policy, encoding, delimiter, created_by, created_at)"
                      + " values (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?) returning id")) {
            ps.setString(1, fileName);
            ps.setString(2, filePath);
            ps.setLong(3, fileBytes);
            ps.setString(4, Json.object(mapping.targets(), false));
            ps.setString(5, policy.name());
            ps.setString(6, layout.encodingName());
            ps.setString(7, String.valueOf(layout.delimiter()));
            ps.setString(8, actor);
            ps.setTimestamp(9, Timestamp.from(clock.instant()));
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  public LeadImport get(TenantRef tenant, long id) {
    return tx.tenant(tenant, c -> get(c, id));
  }

  /** Inside a container transaction (batch reader open). */
  public LeadImport getJoined(TenantRef tenant, long id) {
    return tx.joined(tenant, c -> get(c, id));
  }

  public List<LeadImport> recent(TenantRef tenant, int limit) {
    return tx.tenant(
        tenant,
        c -> {
          List<LeadImport> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement("select * from lead_imports order by id desc limit ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(map(rs));
              }
            }
          }
          return out;
        });
  }

  /** Imports not finished, e.g. cut off by a crash. */
  public List<LeadImport> unfinished(TenantRef tenant) {
    return recent(tenant, 1000).stream().filter(i -> !i.isFinished()).toList();
  }

  /** The column mapping, in file order. */
  public ImportMapping mappingJoined(TenantRef tenant, long id) {
    return tx.joined(
        tenant,
        c -> {
          Map<String, String> targets = new LinkedHashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select key, value from lead_imports, jsonb_each_text(mapping) with ordinality"
                      + " where id = ? order by ordinality")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                targets.put(rs.getString(1), rs.getString(2));
              }
            }
          }
          return new ImportMapping(targets);
        });
  }

  public void started(TenantRef tenant, long id, long executionId) {
    update(
        tenant,
        "update lead_imports set status = 'STARTED', execution_id = ?, error = null where id = ?",
        executionId,
        id);
  }

  /**
   * Records the outcome and deletes the uploaded file: a finished import (completed, failed or
   * given up) never reads it again, and the file holds personal data.
   */
  public void finished(TenantRef tenant, long id, boolean completed, String error) {
    String file =
        tx.tenant(
            tenant,
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "update lead_imports set status = ?, error = ?, finished_at = ?"
                          + " where id = ? returning file_path")) {
                ps.setString(1, completed ? "COMPLETED" : "FAILED");
                ps.setString(2, error);
                ps.setTimestamp(3, Timestamp.from(clock.instant()));
                ps.setLong(4, id);
                try (ResultSet rs = ps.executeQuery()) {
                  return rs.next() ? rs.getString(1) : null;
                }
              }
            });
    if (file != null) {
      LeadImports.deleteQuietly(Path.of(file));
    }
  }

  /** Adds a chunk's counts and errors in the caller's (chunk) transaction. */
  public static void recordChunk(
      Connection c, long id, LeadImportWriter.Outcome outcome, long bytes) throws SQLException {
    ImportCounts n = outcome.counts();
    try (PreparedStatement ps =
        c.prepareStatement(
            "update lead_imports set processed = processed + ?, imported = imported + ?,"
                + " updated = updated + ?, skipped = skipped + ?, failed = failed + ?,"
                + " bytes_read = least(bytes_read + ?, file_bytes) where id = ?")) {
      ps.setInt(1, n.processed());
      ps.setInt(2, n.imported());
      ps.setInt(3, n.updated());
      ps.setInt(4, n.skipped());
      ps.setInt(5, n.failed());
      ps.setLong(6, bytes);
      ps.setLong(7, id);
      ps.executeUpdate();
    }
    if (outcome.errors().isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into lead_import_errors (import_id, row_number, column_name, reason)"
                + " select ?, * from unnest(?::bigint[], ?::text[], ?::text[])")) {
      List<LeadImportWriter.RowError> errors = outcome.errors();
      ps.setLong(1, id);
      ps.setArray(
          2,
          c.createArrayOf(
              "int8", errors.stream().map(LeadImportWriter.RowError::rowNumber).toArray()));
      ps.setArray(
          3,
          c.createArrayOf(
              "text", errors.stream().map(LeadImportWriter.RowError::column).toArray()));
      ps.setArray(
          4,
          c.createArrayOf(
              "text", errors.stream().map(LeadImportWriter.RowError::reason).toArray()));
      ps.executeUpdate();
    }
  }

  /** The error report as CSV (row, column, reason), streamed. */
  public void writeErrors(TenantRef tenant, long id, Writer out) {
    get(tenant, id); // 404 for another tenant's or a missing import
    tx.tenant(
        tenant,
        c -> {
          try (CSVPrinter csv =
                  CSVFormat.RFC4180
                      .builder()
                      .setHeader("row", "column", "reason")
                      .get()
                      .print(out);
              PreparedStatement ps =
                  c.prepareStatement(
                      "select row_number, column_name, reason from lead_import_errors"
                          + " where import_id = ? order by row_number")) {
            ps.setFetchSize(1000);
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                csv.printRecord(
                    rs.getLong(1),
                    LeadCsv.defuse(rs.getString(2)),
                    LeadCsv.defuse(rs.getString(3)));
              }
            }
            csv.flush();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return null;
        });
  }

  private void update(TenantRef tenant, String sql, Object... params) {
    tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
              ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
          }
        });
  }

  private static LeadImport get(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select * from lead_imports where id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw DomainException.notFound("No import " + id + ".");
        }
        return map(rs);
      }
    }
  }

  private static LeadImport map(ResultSet rs) throws SQLException {
    Timestamp finished = rs.getTimestamp("finished_at");
    return new LeadImport(
        rs.getLong("id"),
        rs.getString("status"),
        rs.getString("file_name"),
        rs.getString("file_path"),
        rs.getLong("file_bytes"),
        rs.getLong("bytes_read"),
        DuplicatePolicy.valueOf(rs.getString("duplicate_policy")),
        rs.getString("encoding"),
        rs.getString("delimiter"),
        rs.getInt("processed"),
        rs.getInt("imported"),
        rs.getInt("updated"),
        rs.getInt("skipped"),
        rs.getInt("failed"),
        rs.getObject("execution_id", Long.class),
        rs.getString("error"),
        rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant(),
        finished == null ? null : finished.toInstant());
  }
}
