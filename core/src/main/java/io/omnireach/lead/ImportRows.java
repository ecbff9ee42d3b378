package io.omnireach.lead;

import java.util.List;

/** Turns a CSV row into a checked {@link ImportRow}. */
public final class ImportRows {

  private ImportRows() {}

  public static ImportRow check(
      LeadCsvReader.Row row, List<String> headers, ImportMapping mapping) {
    if (row.problem() != null) {
      return failed(row.number(), null, row.problem());
    }
    if (row.cells().size() != headers.size()) {
      return failed(
          row.number(),
          null,
          "Expected "
              + headers.size()
              + " columns, found "
              + row.cells().size()
              + " (a stray delimiter or quote?).");
    }
    LeadRules.Result result = LeadRules.check(mapping.draft(headers, row.cells()), true);
    return new ImportRow(row.number(), result.valid(), result.errors());
  }

  private static ImportRow failed(long number, String field, String reason) {
    return new ImportRow(number, null, List.of(new LeadRules.FieldError(field, reason)));
  }
}
