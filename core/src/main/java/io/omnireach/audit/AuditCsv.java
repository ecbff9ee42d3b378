package io.omnireach.audit;

import io.omnireach.common.CsvCells;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The audit log as CSV (REST and UI download), cells safe to open in a spreadsheet. */
public final class AuditCsv {

  public static final List<String> HEADERS =
      List.of(
          "at",
          "tenant",
          "actor",
          "action",
          "target",
          "before",
          "after",
          "ip",
          "request_id",
          "seq",
          "hash");

  private AuditCsv() {}

  /** Writes every entry matching {@code q} (page and size ignored), read with a cursor. */
  public static void write(AuditLog audit, AuditQuery q, Writer out) throws IOException {
    try (CSVPrinter printer =
        CSVFormat.RFC4180.builder().setHeader(HEADERS.toArray(String[]::new)).get().print(out)) {
      audit.forEach(q, e -> print(printer, e));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static void print(CSVPrinter printer, AuditEntry e) {
    List<String> row = new ArrayList<>(HEADERS.size());
    row.add(e.at().toString());
    row.add(e.tenantSlug());
    row.add(e.actor());
    row.add(e.action());
    row.add(e.target());
    row.add(e.before());
    row.add(e.detail());
    row.add(e.ip());
    row.add(e.requestId());
    row.add(Long.toString(e.seq()));
    row.add(e.hash());
    try {
      printer.printRecord(row.stream().map(CsvCells::defuse).toList());
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
