package io.omnireach.jobs.leadimport;

import io.omnireach.lead.CsvLayout;
import io.omnireach.lead.ImportStore;
import io.omnireach.lead.LeadCsvReader;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Cuts a large import file into parts of whole rows ({@link LeadCsvReader#parts}), each imported by
 * a partition of its own, side by side: one writing connection cannot keep up with what the
 * database can take (docs/benchmarks.md). Each partition checkpoints on its own; a restart keeps
 * the plan (the cut is the same for the same file) and resumes only the unfinished partitions.
 */
@Named("leadImportPartitions")
@Dependent
public class LeadImportPartitions implements PartitionMapper {

  @Inject @BatchProperty String tenantId;
  @Inject @BatchProperty String tenantSlug;
  @Inject @BatchProperty String importId;
  @Inject ImportStore store;

  /** Partitions writing at once for one large file (each holds a connection while it writes). */
  @Inject
  @ConfigProperty(name = "omnireach.import.partitions", defaultValue = "2")
  int partitions;

  @Override
  public PartitionPlan mapPartitions() throws Exception {
    ImportJobParameters job = ImportJobParameters.of(tenantId, tenantSlug, importId);
    // the mapper runs outside the chunks' transactions: a read of its own
    Path file = Path.of(store.get(job.tenant(), job.importId()).filePath());
    List<LeadCsvReader.Part> parts =
        LeadCsvReader.parts(file, CsvLayout.detect(file), Math.max(1, partitions));
    Properties[] properties = new Properties[parts.size()];
    for (int i = 0; i < parts.size(); i++) {
      LeadCsvReader.Part part = parts.get(i);
      properties[i] = new Properties();
      properties[i].setProperty("startChar", Long.toString(part.startChar()));
      properties[i].setProperty("firstRow", Long.toString(part.firstRow()));
      properties[i].setProperty("lastRow", Long.toString(part.lastRow()));
    }
    PartitionPlanImpl plan = new PartitionPlanImpl();
    plan.setPartitions(parts.size());
    plan.setThreads(parts.size());
    plan.setPartitionsOverride(false);
    plan.setPartitionProperties(properties);
    return plan;
  }
}
