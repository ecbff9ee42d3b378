package io.omnireach.common;

import java.util.Set;

/** CSV cells that are safe to open in a spreadsheet. */
public final class CsvCells {

  private static final Set<Character> FORMULA_STARTS = Set.of('=', '+', '-', '@', '\t', '\r');

  private CsvCells() {}

  /**
   * Formula injection: a cell starting with = + - @ (or tab/CR) would run as a formula in Excel or
   * Sheets, so it gets a leading apostrophe, which spreadsheets show as text. The same holds for
   * every piece after a ";" (leading spaces skipped): a spreadsheet whose list separator is ";"
   * splits the cell there, e.g. a tag list {@code a;=HYPERLINK(…)}.
   */
  public static String defuse(String cell) {
    if (cell == null || cell.isEmpty()) {
      return cell;
    }
    StringBuilder b = new StringBuilder(cell.length() + 2);
    boolean pieceStart = true;
    for (int i = 0; i < cell.length(); i++) {
      char ch = cell.charAt(i);
      if (pieceStart && FORMULA_STARTS.contains(ch)) {
        b.append('\'');
      }
      b.append(ch);
      pieceStart = ch == ';' || (pieceStart && ch == ' ');
    }
    return b.toString();
  }
}
