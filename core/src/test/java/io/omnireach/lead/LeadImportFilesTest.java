package io.omnireach.lead;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnireach.db.Migrations;
import io.omnireach.tenant.TenantRef;
import io.omnireach.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploaded CSV files live only as long as they are needed: deleted when their import finishes
 * (completed or failed), when the upload is abandoned before it starts, and with their tenant.
 */
class LeadImportFilesTest {

  static TestDatabase db;
  static final TenantRef T = new TenantRef(1, "uploads");
  static final TenantRef OTHER = new TenantRef(2, "neighbour");
  static final byte[] CSV =
      "email,first_name\nada@example.com,Ada\n".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  @BeforeAll
  static void database() {
    db = TestDatabase.migrated();
    Migrations.migrateTenant(db.dataSource(), T.schema());
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  private final ImportStore store = new ImportStore(db.transactions(), Clock.systemUTC());

  private LeadImports imports() {
    // the batch job is not run here: the launcher only hands out an execution id
    return new LeadImports(store, (tenant, id) -> 1L, dir, 1_000_000);
  }

  private long start(LeadImports imports, Path file) {
    return imports.start(T, file, "leads.csv", Map.of(), DuplicatePolicy.SKIP, "admin");
  }

  @Test
  void the_file_is_deleted_when_its_import_completes_or_fails() {
    LeadImports imports = imports();
    Path completed = imports.receive(T, new ByteArrayInputStream(CSV));
    Path failed = imports.receive(T, new ByteArrayInputStream(CSV));
    long first = start(imports, completed);
    long second = start(imports, failed);
    assertThat(completed).exists();
    assertThat(failed).exists();

    store.finished(T, first, true, null);
    store.finished(T, second, false, "Step import ended FAILED");

    assertThat(completed).doesNotExist();
    assertThat(failed).doesNotExist();
    assertThat(store.get(T, first).status()).isEqualTo("COMPLETED");
    assertThat(store.get(T, second).status()).isEqualTo("FAILED");
  }

  @Test
  void an_upload_abandoned_before_its_import_starts_is_deleted() throws Exception {
    LeadImports imports = imports();
    Path temp = Files.write(dir.resolve("upload-temp.csv"), CSV);
    Path waiting = imports.adopt(T, temp);
    assertThat(waiting).exists();

    imports.discard(T, waiting);
    assertThat(waiting).doesNotExist();

    Path elsewhere = Files.write(dir.resolve("not-an-upload.csv"), CSV);
    imports.discard(T, elsewhere); // only files in the tenant's upload folder are touched
    assertThat(elsewhere).exists();
  }

  @Test
  void deleting_a_tenant_deletes_its_waiting_uploads_and_nobody_elses() {
    LeadImports imports = imports();
    Path mine = imports.receive(T, new ByteArrayInputStream(CSV));
    Path theirs = imports.receive(OTHER, new ByteArrayInputStream(CSV));

    imports.deleteTenantFiles(T.slug());

    assertThat(mine).doesNotExist();
    assertThat(mine.getParent()).doesNotExist();
    assertThat(theirs).exists();
    imports.deleteTenantFiles("no-uploads-yet"); // nothing to delete is fine
  }
}
