package io.omnireach.lead;

import io.omnireach.common.DomainException;
import io.omnireach.tenant.TenantRef;
import io.omnireach.tenant.TenantSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Starting a CSV import, the same way from the REST API and the UI: receive the file onto disk,
 * preview it, check the mapping, record the import and launch its job. Files wait in a folder per
 * tenant and are deleted when the import finishes ({@link ImportStore#finished}), when the upload
 * is abandoned ({@link #discard}) and with the tenant ({@link #deleteTenantFiles}).
 */
public final class LeadImports {

  private static final Logger LOG = Logger.getLogger(LeadImports.class.getName());

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
      deleteQuietly(target);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      deleteQuietly(target);
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
      deleteQuietly(file);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      deleteQuietly(file);
      throw e;
    }
  }

  private Path newFile(TenantRef tenant) {
    try {
      Path dir = folder(tenant.slug());
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

  /**
   * Deletes an upload whose import will not start (the user chose another file or left the page);
   * only a file in the tenant's own upload folder.
   */
  public void discard(TenantRef tenant, Path file) {
    Path folder = folder(tenant.slug()).toAbsolutePath().normalize();
    if (file != null && file.toAbsolutePath().normalize().startsWith(folder)) {
      deleteQuietly(file);
    }
  }

  /** Deletes a tenant's upload folder with every file still waiting in it (tenant deletion). */
  public void deleteTenantFiles(String slug) {
    Path folder = folder(TenantSchema.requireValidSlug(slug));
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(LeadImports::deleteQuietly);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path folder(String slug) {
    return directory.resolve(slug);
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warning("Could not delete " + file + ": " + e.getMessage());
    }
  }
}
