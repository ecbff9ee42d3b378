package io.omnireach.lead;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the rows of an import file: constant memory whatever its size. Row numbers are as a
 * spreadsheet shows them (the header is row 1). Reads the whole file or one {@link Part} of it (a
 * large file is imported by several partitions side by side), and can start after a checkpoint row.
 */
public final class LeadCsvReader implements Closeable {

  /** One data row; {@code problem} is set when the file cannot be read past this point. */
  public record Row(long number, List<String> cells, String problem) {}

  /**
   * A run of whole rows: from the character {@code startChar} (after the byte-order mark) on, rows
   * {@code firstRow} to {@code lastRow}. The first part starts with the header.
   */
  public record Part(long startChar, long firstRow, long lastRow) {
    public static final Part WHOLE = new Part(0, 2, Long.MAX_VALUE);
  }

  /** A part is at least this big: smaller files are read by one reader. */
  static final long MIN_PART_BYTES = 1 << 20;

  private final CountingStream counting;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final List<String> headers;
  private final long lastRow;
  private final long startBytes;
  private long row;
  private boolean broken;

  public LeadCsvReader(Path file, CsvLayout layout, long afterRow) throws IOException {
    this(file, layout, Part.WHOLE, afterRow);
  }

  public LeadCsvReader(Path file, CsvLayout layout, Part part, long afterRow) throws IOException {
    InputStream raw = Files.newInputStream(file);
    raw.skipNBytes(layout.bomBytes());
    counting = new CountingStream(raw, layout.bomBytes());
    BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                counting,
                layout
                    .charset()
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)),
            64 * 1024);
    if (part.startChar() > 0) {
      try (LeadCsvReader whole = new LeadCsvReader(file, layout, 1)) {
        headers = whole.headers();
      }
      for (long left = part.startChar(); left > 0; ) {
        long skipped = reader.skip(left);
        if (skipped <= 0) {
          throw new IOException("The file ended before the part at character " + part.startChar());
        }
        left -= skipped;
      }
      parser = format(layout).parse(reader);
      records = parser.iterator();
    } else {
      parser = format(layout).parse(reader);
      records = parser.iterator();
      if (!records.hasNext()) {
        throw new IOException("The file has no header row.");
      }
      List<String> h = new ArrayList<>();
      records.next().forEach(cell -> h.add(cell.trim()));
      headers = List.copyOf(h);
    }
    row = part.firstRow() - 1;
    lastRow = part.lastRow();
    while (row < afterRow && next() != null) {
      // skip rows already imported before a restart
    }
    // progress: a fresh read of the whole file counts from its first byte; a later part or a
    // restart from where its rows begin (less what the buffers read ahead, at most 72 kB)
    startBytes = part.startChar() == 0 && afterRow <= 1 ? 0 : counting.count;
  }

  /**
   * Cuts the file into at most {@code max} parts of whole rows, each at least {@link
   * #MIN_PART_BYTES}: parses up to the last cut with the same parser as the readers, so a quoted
   * line break never splits a row. One part (the whole file) when it is small or cannot be read to
   * the last cut (an unclosed quote: its single reader reports the row).
   */
  public static List<Part> parts(Path file, CsvLayout layout, int max) throws IOException {
    long size = Files.size(file);
    int n = (int) Math.max(1, Math.min(max, size / MIN_PART_BYTES));
    if (n == 1) {
      return List.of(Part.WHOLE);
    }
    List<long[]> cuts = new ArrayList<>(); // start character and row of parts 2..n
    try (LeadCsvReader whole = new LeadCsvReader(file, layout, 1)) {
      while (cuts.size() < n - 1) {
        long target = size * (cuts.size() + 1) / n;
        while (whole.counting.count < target && whole.records.hasNext()) {
          whole.records.next();
          whole.row++;
        }
        if (!whole.records.hasNext()) {
          break;
        }
        CSVRecord record = whole.records.next();
        whole.row++;
        cuts.add(new long[] {record.getCharacterPosition(), whole.row});
      }
    } catch (UncheckedIOException | IllegalStateException e) {
      return List.of(Part.WHOLE);
    }
    List<Part> parts = new ArrayList<>();
    long start = 0;
    long first = 2;
    for (long[] cut : cuts) {
      parts.add(new Part(start, first, cut[1] - 1));
      start = cut[0];
      first = cut[1];
    }
    parts.add(new Part(start, first, Long.MAX_VALUE));
    return List.copyOf(parts);
  }

  private static CSVFormat format(CsvLayout layout) {
    return CSVFormat.RFC4180
        .builder()
        .setDelimiter(layout.delimiter())
        .setIgnoreEmptyLines(true)
        .setTrim(true)
        .get();
  }

  public List<String> headers() {
    return headers;
  }

  /** The next row, or null at the end of the file. */
  public Row next() {
    if (broken || row >= lastRow) {
      return null;
    }
    try {
      if (!records.hasNext()) {
        return null;
      }
      CSVRecord record = records.next();
      row++;
      return new Row(row, record.toList(), null);
    } catch (UncheckedIOException | IllegalStateException e) {
      broken = true;
      row++;
      return new Row(
          row,
          List.of(),
          "The file cannot be read from here on (an unclosed quote?): " + rootMessage(e));
    }
  }

  /** The row number of the last row returned (1 = header). */
  public long rowNumber() {
    return row;
  }

  /** Bytes of the file this reader consumed (read-ahead included), for progress. */
  public long bytesRead() {
    return counting.count - startBytes;
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  private static final class CountingStream extends FilterInputStream {
    long count;

    CountingStream(InputStream in, long already) {
      super(in);
      this.count = already;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
      int n = super.read(buffer, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
