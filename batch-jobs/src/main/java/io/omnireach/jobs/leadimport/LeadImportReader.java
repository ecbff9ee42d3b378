package io.omnireach.jobs.leadimport;

import io.omnireach.lead.CsvLayout;
import io.omnireach.lead.ImportStore;
import io.omnireach.lead.LeadCsvReader;
import io.omnireach.lead.LeadImport;
import io.omnireach.lead.PrefetchedRows;
import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * Streams its part of the import file ({@link LeadImportPartitions}) and hands out checked rows;
 * restarts after the part's last checkpoint. Rows are read and checked on a thread of their own
 * ({@link PrefetchedRows}, up to two chunks ahead) while the writer stores the current chunk; the
 * checkpoint is the last row handed to the chunk.
 */
@Named("leadImportReader")
@Dependent
public class LeadImportReader extends AbstractItemReader {

  private static final Logger LOG = Logger.getLogger(LeadImportReader.class.getName());

  @Inject @BatchProperty String tenantId;
  @Inject @BatchProperty String tenantSlug;
  @Inject @BatchProperty String importId;
  @Inject @BatchProperty String startChar;
  @Inject @BatchProperty String firstRow;
  @Inject @BatchProperty String lastRow;
  @Inject ImportStore store;
  @Inject StepContext step;
  @Resource ManagedThreadFactory threads;

  private PrefetchedRows rows;

  @Override
  public void open(Serializable checkpoint) throws Exception {
    ImportJobParameters job = ImportJobParameters.of(tenantId, tenantSlug, importId);
    LeadImport imp = store.getJoined(job.tenant(), job.importId());
    Path file = Path.of(imp.filePath());
    LeadCsvReader.Part part =
        new LeadCsvReader.Part(
            Long.parseLong(startChar), Long.parseLong(firstRow), Long.parseLong(lastRow));
    long after = checkpoint == null ? 1 : ((ImportCheckpoint) checkpoint).row();
    if (!part.equals(LeadCsvReader.Part.WHOLE) || checkpoint != null) {
      LOG.info(
          "Lead import "
              + job.importId()
              + " of "
              + job.tenant().slug()
              + ": rows "
              + part.firstRow()
              + (part.lastRow() == Long.MAX_VALUE ? " to the end" : " to " + part.lastRow())
              + (checkpoint == null ? "" : ", resuming after row " + after));
    }
    LeadCsvReader reader = new LeadCsvReader(file, CsvLayout.detect(file), part, after);
    rows =
        new PrefetchedRows(
            reader, store.mappingJoined(job.tenant(), job.importId()), 250, 8, threads);
  }

  @Override
  public Object readItem() {
    PrefetchedRows.Item item = rows.next();
    if (item == null) {
      return null;
    }
    step.setTransientUserData(item.bytesRead());
    return item.row();
  }

  @Override
  public Serializable checkpointInfo() {
    return new ImportCheckpoint(rows.rowNumber());
  }

  @Override
  public void close() throws Exception {
    if (rows != null) {
      rows.close();
    }
  }
}
