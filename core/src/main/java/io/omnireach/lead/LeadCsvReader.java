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
 * spreadsheet shows them (the header is row 1). Can start after a checkpoint row.
 */
public final class LeadCsvReader implements Closeable {

  /** One data row; {@code problem} is set when the file cannot be read past this point. */
  public record Row(long number, List<String> cells, String problem) {}

  private final CountingStream counting;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final List<String> headers;
  private long row = 1;
  private boolean broken;

  public LeadCsvReader(Path file, CsvLayout layout, long afterRow) throws IOException {
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
    parser =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(layout.delimiter())
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get()
            .parse(reader);
    records = parser.iterator();
    if (!records.hasNext()) {
      throw new IOException("The file has no header row.");
    }
    List<String> h = new ArrayList<>();
    records.next().forEach(cell -> h.add(cell.trim()));
    headers = List.copyOf(h);
    while (row < afterRow && next() != null) {
      // skip rows already imported before a restart
    }
  }

  public List<String> headers() {
    return headers;
  }

  /** The next row, or null at the end of the file. */
  public Row next() {
    if (broken) {
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

  /** Bytes consumed from the file so far (read-ahead included), for progress. */
  public long bytesRead() {
    return counting.count;
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
