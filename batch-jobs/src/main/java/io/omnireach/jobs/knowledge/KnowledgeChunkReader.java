package io.omnireach.jobs.knowledge;

import io.omnireach.knowledge.KnowledgeBase;
import io.omnireach.knowledge.TextExtractor;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Extracts and splits the document (deterministic, so a restart gets the same chunks) and hands out
 * the chunks after the last checkpoint, which is the next ordinal.
 */
@Named("knowledgeChunkReader")
@Dependent
public class KnowledgeChunkReader extends AbstractItemReader {

  @Inject @BatchProperty String tenantId;
  @Inject @BatchProperty String tenantSlug;
  @Inject @BatchProperty String documentId;
  @Inject KnowledgeBase knowledge;
  @Inject JobContext jobContext;

  private List<String> chunks;
  private int next;

  @Override
  public void open(Serializable checkpoint) {
    KnowledgeJobParameters job = KnowledgeJobParameters.of(tenantId, tenantSlug, documentId);
    try {
      chunks = knowledge.prepareJoined(job.tenant(), job.documentId());
    } catch (TextExtractor.UnreadableDocument e) {
      // this transaction rolls back with the failure: the listener records the reason
      jobContext.setTransientUserData(e.getMessage());
      throw e;
    }
    next = checkpoint == null ? 0 : (Integer) checkpoint;
  }

  @Override
  public Object readItem() {
    if (next >= chunks.size()) {
      return null;
    }
    KnowledgeChunk c = new KnowledgeChunk(next, chunks.get(next));
    next++;
    return c;
  }

  @Override
  public Serializable checkpointInfo() {
    return next;
  }
}
