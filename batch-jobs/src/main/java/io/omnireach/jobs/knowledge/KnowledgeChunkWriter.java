package io.omnireach.jobs.knowledge;

import io.omnireach.db.Transactions;
import io.omnireach.knowledge.KnowledgeBase;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Embeds a chunk of passages and stores them with the progress in the chunk's transaction. */
@Named("knowledgeChunkWriter")
@Dependent
public class KnowledgeChunkWriter extends AbstractItemWriter {

  @Inject @BatchProperty String tenantId;
  @Inject @BatchProperty String tenantSlug;
  @Inject @BatchProperty String documentId;
  @Inject KnowledgeBase knowledge;
  @Inject Transactions tx;

  @Override
  public void writeItems(List<Object> items) {
    KnowledgeJobParameters job = KnowledgeJobParameters.of(tenantId, tenantSlug, documentId);
    List<KnowledgeChunk> chunks = items.stream().map(KnowledgeChunk.class::cast).toList();
    tx.joined(
        job.tenant(),
        c -> {
          knowledge.embedAndWrite(
              job.tenant(),
              c,
              job.documentId(),
              chunks.get(0).ordinal(),
              chunks.stream().map(KnowledgeChunk::text).toList());
          return null;
        });
  }
}
