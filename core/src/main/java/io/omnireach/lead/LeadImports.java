package io.omnireach.lead;

import io.omnireach.common.DomainException;
import io.omnireach.tenant.TenantRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Starting a CSV import, the same way from the REST API and the UI: receive the file onto disk,
 * preview it, check the mapping, record the import and launch its job.
 */
public final class LeadImports {

  /** What the file looks like, for the mapping step. */
  public record Preview(
      CsvLayout layout, List<String> headers, ImportMapping mapping, List<List<String>> rows) {}

  private final ImportStore store;
  private final ImportLauncher launcher;
  private final Path directory;
  private final long maxBytes;

  public LeadImports(ImportStore store, ImportLauncher launcher, Path directory, long maxBytes) {
    this.store = store;
    this.launcher = launcher;
    this.directory = directory;
    this.maxBytes = maxBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }

  /** Streams an upload to the tenant's import folder (never into memory), up to the limit. */
  public Path receive(TenantRef tenant, InputStream in) {
    Path target = newFile(tenant);
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try (in;
        OutputStream out = Files.newOutputStream(target)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        total += n;
        if (total > maxBytes) {
          throw tooLarge();
        }
        out.write(buffer, 0, n);
      }
      return target;
    } catch (IOException e) {
      discard(target);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      discard(target);
      throw e;
    }
  }

  /** Takes over a file already on disk (e.g. the UI upload's temporary file). */
  public Path adopt(TenantRef tenant, Path file) {
    try {
      if (Files.size(file) > maxBytes) {
        throw tooLarge();
      }
      return Files.move(file, newFile(tenant), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Preview preview(Path file, int rows) {
    try {
      CsvLayout layout = CsvLayout.detect(file);
      try (LeadCsvReader reader = new LeadCsvReader(file, layout, 1)) {
        List<List<String>> sample = new ArrayList<>();
        for (LeadCsvReader.Row row = reader.next();
            row != null && sample.size() < rows;
            row = reader.next()) {
          sample.add(row.cells());
        }
        return new Preview(layout, reader.headers(), ImportMapping.auto(reader.headers()), sample);
      }
    } catch (IOException e) {
      throw DomainException.invalid("file", "The file cannot be read as CSV: " + e.getMessage());
    }
  }

  /**
   * Checks the mapping, records the import and starts its job. The file is deleted when the import
   * cannot start.
   */
  public long start(
      TenantRef tenant,
      Path file,
      String fileName,
      Map<String, String> mappingOverrides,
      DuplicatePolicy policy,
      String actor) {
    try {
      Preview preview = preview(file, 0);
      ImportMapping mapping = ImportMapping.of(preview.headers(), mappingOverrides);
      long id =
          store.create(
              tenant,
              fileName,
              file.toString(),
              Files.size(file),
              mapping,
              policy,
              preview.layout(),
              actor);
      launcher.start(tenant, id);
      return id;
    } catch (IOException e) {
      discard(file);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      discard(file);
      throw e;
    }
  }

  private Path newFile(TenantRef tenant) {
    try {
      Path dir = directory.resolve(tenant.slug());
      Files.createDirectories(dir);
      return dir.resolve(UUID.randomUUID() + ".csv");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private DomainException tooLarge() {
    return new DomainException(
        DomainException.Kind.PAYLOAD_TOO_LARGE,
        "file",
        "The file is larger than "
            + (maxBytes / (1024 * 1024))
            + " MB; split it into smaller files.");
  }

  private static void discard(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // best effort: a stray file in the import folder harms nobody
    }
  }
}
