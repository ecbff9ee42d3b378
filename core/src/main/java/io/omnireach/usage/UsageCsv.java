package io.omnireach.usage;

import io.omnireach.lead.LeadCsv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes usage export rows as CSV (RFC 4180), safe to open in a spreadsheet: workflow names and
 * emails are defused the same way lead exports are ({@link LeadCsv#defuse}).
 */
public final class UsageCsv {

  private UsageCsv() {}

  /** The header of an export broken down {@code by}. */
  public static List<String> headers(UsageExport.By by) {
    return switch (by) {
      case DAY -> List.of("day", "meter", "unit", "quantity");
      case WORKFLOW -> List.of("day", "meter", "unit", "workflow_id", "workflow", "quantity");
      case USER -> List.of("day", "meter", "unit", "user_id", "user", "quantity");
    };
  }

  public static void write(Writer out, UsageExport.By by, List<UsageExport.Row> rows) {
    try {
      CSVPrinter printer =
          CSVFormat.RFC4180
              .builder()
              .setHeader(headers(by).toArray(String[]::new))
              .get()
              .print(out);
      for (UsageExport.Row r : rows) {
        List<String> cells = new ArrayList<>(6);
        cells.add(r.day().toString());
        cells.add(r.meter().key());
        cells.add(r.meter().unit());
        if (by != UsageExport.By.DAY) {
          cells.add(r.refId() == null ? "" : r.refId().toString());
          cells.add(r.refName() == null ? "" : LeadCsv.defuse(r.refName()));
        }
        cells.add(Long.toString(r.quantity()));
        printer.printRecord(cells);
      }
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
