package io.omnireach.lead;

import io.omnireach.common.CsvCells;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes leads as CSV, safe to open in a spreadsheet. */
public final class LeadCsv implements AutoCloseable {

  /** Export columns: the import's headers, so an export can be imported again. */
  public static final List<String> HEADERS =
      List.of(
          "first_name",
          "last_name",
          "email",
          "phone",
          "company",
          "title",
          "industry",
          "company_size",
          "country",
          "timezone",
          "linkedin_url",
          "website",
          "tags",
          "stage",
          "score",
          "owner_id",
          "do_not_contact",
          "created_at",
          "updated_at");

  private final CSVPrinter printer;

  public LeadCsv(Writer out) {
    try {
      this.printer =
          CSVFormat.RFC4180.builder().setHeader(HEADERS.toArray(String[]::new)).get().print(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void write(Lead l) {
    List<String> row = new ArrayList<>(HEADERS.size());
    row.add(l.firstName());
    row.add(l.lastName());
    row.add(l.email());
    row.add(l.phone());
    row.add(l.company());
    row.add(l.title());
    row.add(l.industry());
    row.add(l.companySize());
    row.add(l.country());
    row.add(l.timezone());
    row.add(l.linkedinUrl());
    row.add(l.website());
    row.add(String.join(";", l.tags()));
    row.add(l.stage().value());
    row.add(Integer.toString(l.score()));
    row.add(l.ownerId() == null ? null : l.ownerId().toString());
    row.add(Boolean.toString(l.doNotContact()));
    row.add(l.createdAt().toString());
    row.add(l.updatedAt().toString());
    try {
      printer.printRecord(row.stream().map(LeadCsv::defuse).toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** See {@link CsvCells#defuse}. */
  public static String defuse(String cell) {
    return CsvCells.defuse(cell);
  }

  @Override
  public void close() {
    try {
      printer.close(true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
