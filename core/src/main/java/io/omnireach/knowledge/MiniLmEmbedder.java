package io.omnireach.knowledge;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;

/**
 * all-MiniLM-L6-v2 (quantised) in this JVM: the model ships inside its Maven artifact, so nothing
 * is downloaded at run time. Loaded on first use (about a second), then thread-safe.
 */
public final class MiniLmEmbedder implements Embedder {

  public static final int DIMENSIONS = 384;

  private volatile EmbeddingModel model;

  @Override
  public int dimensions() {
    return DIMENSIONS;
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
    return model().embedAll(segments).content().stream().map(e -> e.vector()).toList();
  }

  private EmbeddingModel model() {
    EmbeddingModel m = model;
    if (m == null) {
      synchronized (this) {
        if (model == null) {
          model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        }
        m = model;
      }
    }
    return m;
  }
}
