package io.omnireach.jobs.leadimport;

import io.omnireach.db.DataAccessException;
import io.omnireach.db.Transactions;
import io.omnireach.lead.ImportRow;
import io.omnireach.lead.ImportStore;
import io.omnireach.lead.LeadImport;
import io.omnireach.lead.LeadImportWriter;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.util.List;

/**
 * Writes a chunk of rows and the import's counters in the chunk's transaction, so the rows, the
 * progress and the checkpoint commit or roll back together ({@link LeadImportWriter#writeChunk},
 * the same code the import benchmark runs).
 */
@Named("leadImportChunkWriter")
@Dependent
public class LeadImportChunkWriter extends AbstractItemWriter {

  @Inject @BatchProperty String tenantId;
  @Inject @BatchProperty String tenantSlug;
  @Inject @BatchProperty String importId;
  @Inject ImportStore store;
  @Inject Transactions tx;
  @Inject Clock clock;
  @Inject StepContext step;
  @Inject io.omnireach.common.Telemetry telemetry;

  private ImportJobParameters job;
  private LeadImport settings;
  private long bytesCounted;

  @Override
  public void open(Serializable checkpoint) {
    job = ImportJobParameters.of(tenantId, tenantSlug, importId);
    settings = store.getJoined(job.tenant(), job.importId());
    bytesCounted = 0; // the reader (re)opened too: it counts from its checkpoint
  }

  @Override
  public void writeItems(List<Object> items) {
    @SuppressWarnings("unchecked")
    List<ImportRow> rows = (List<ImportRow>) (List<?>) items;
    // the reader's bytes so far; the import's progress adds this chunk's share
    Object read = step.getTransientUserData();
    long bytesRead = read instanceof Long b ? b : bytesCounted;
    // (less than before: the runtime reopened the reader to retry a chunk, it counts afresh)
    long bytes = bytesRead >= bytesCounted ? bytesRead - bytesCounted : bytesRead;
    try {
      write(rows, bytes);
    } catch (DataAccessException e) {
      if (ChunkConflict.is(e)) {
        throw new ChunkConflict(e);
      }
      throw e;
    }
    bytesCounted = bytesRead;
  }

  private void write(List<ImportRow> rows, long bytes) {
    tx.joined(
        job.tenant(),
        c -> {
          LeadImportWriter.Outcome outcome =
              LeadImportWriter.writeChunk(
                  c,
                  job.tenant().id(),
                  job.importId(),
                  rows,
                  settings.duplicatePolicy(),
                  settings.createdBy(),
                  clock.instant(),
                  bytes);
          telemetry.rowsImported(outcome.counts().imported() + outcome.counts().updated());
          return null;
        });
  }
}
