package io.omnireach.jobs.leadimport;

import io.omnireach.lead.CsvLayout;
import io.omnireach.lead.ImportMapping;
import io.omnireach.lead.ImportRows;
import io.omnireach.lead.ImportStore;
import io.omnireach.lead.LeadCsvReader;
import io.omnireach.lead.LeadImport;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.nio.file.Path;

/** Streams the import file and hands out checked rows; restarts after the last checkpoint. */
@Named("leadImportReader")
@Dependent
public class LeadImportReader extends AbstractItemReader {

  @Inject @BatchProperty String tenantId;
  @Inject @BatchProperty String tenantSlug;
  @Inject @BatchProperty String importId;
  @Inject ImportStore store;
  @Inject StepContext step;

  private LeadCsvReader reader;
  private ImportMapping mapping;

  @Override
  public void open(Serializable checkpoint) throws Exception {
    ImportJobParameters job = ImportJobParameters.of(tenantId, tenantSlug, importId);
    LeadImport imp = store.getJoined(job.tenant(), job.importId());
    Path file = Path.of(imp.filePath());
    long after = checkpoint == null ? 1 : ((ImportCheckpoint) checkpoint).row();
    reader = new LeadCsvReader(file, CsvLayout.detect(file), after);
    mapping = store.mappingJoined(job.tenant(), job.importId());
  }

  @Override
  public Object readItem() {
    LeadCsvReader.Row row = reader.next();
    if (row == null) {
      return null;
    }
    step.setTransientUserData(reader.bytesRead());
    return ImportRows.check(row, reader.headers(), mapping);
  }

  @Override
  public Serializable checkpointInfo() {
    return new ImportCheckpoint(reader.rowNumber());
  }

  @Override
  public void close() throws Exception {
    if (reader != null) {
      reader.close();
    }
  }
}
