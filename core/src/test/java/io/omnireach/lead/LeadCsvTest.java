package io.omnireach.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Formula injection in the export, also where a spreadsheet splits a cell: Excel in a locale whose
 * list separator is ";" opens a CSV by semicolons, so every ";"-separated piece starts a cell.
 */
class LeadCsvTest {

  private static Lead lead(String title, List<String> tags) {
    Instant now = Instant.parse("2026-12-01T10:00:00Z");
    return new Lead(
        1,
        "Ada",
        "Lovelace",
        "ada@example.com",
        null,
        "Acme",
        title,
        null,
        null,
        null,
        null,
        null,
        null,
        tags,
        null,
        Stage.NEW,
        0,
        0,
        Map.of(),
        false,
        Map.of(),
        now,
        now,
        "t",
        "t");
  }

  private static CSVRecord exported(Lead lead) throws Exception {
    StringWriter out = new StringWriter();
    try (LeadCsv csv = new LeadCsv(out)) {
      csv.write(lead);
    }
    List<CSVRecord> records =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(out.toString()))
            .getRecords();
    return records.get(0);
  }

  @Test
  void a_formula_after_a_semicolon_in_the_tag_list_is_defused() throws Exception {
    CSVRecord row = exported(lead("CEO", List.of("a", "=HYPERLINK(\"http://evil.example\")")));
    assertThat(row.get("tags")).isEqualTo("a;'=HYPERLINK(\"http://evil.example\")");
    for (String piece : row.get("tags").split(";")) {
      assertThat(piece).doesNotStartWith("=");
    }
  }

  @Test
  void a_formula_after_a_semicolon_inside_any_text_cell_is_defused() throws Exception {
    CSVRecord row = exported(lead("CEO; =cmd|' /C calc'!A0;@SUM(A1)", List.of("+x", "vip")));
    assertThat(row.get("title")).isEqualTo("CEO; '=cmd|' /C calc'!A0;'@SUM(A1)");
    assertThat(row.get("tags")).isEqualTo("'+x;vip");
  }

  @Test
  void plain_values_with_semicolons_are_unchanged() throws Exception {
    CSVRecord row = exported(lead("Head of Sales; EMEA", List.of("vip", "q4-2026")));
    assertThat(row.get("title")).isEqualTo("Head of Sales; EMEA");
    assertThat(row.get("tags")).isEqualTo("vip;q4-2026");
    assertThat(LeadCsv.defuse("=1+1")).isEqualTo("'=1+1");
    assertThat(LeadCsv.defuse(null)).isNull();
  }
}
