package io.omnireach.knowledge;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.List;

/**
 * A provider's embedding model through langchain4j (Mistral, or an OpenAI-compatible endpoint). Its
 * dimension is whatever the model returns: learnt from the first vector.
 */
final class ProviderEmbedder implements Embedder {

  private final EmbeddingModel model;
  private volatile int dimensions;

  ProviderEmbedder(EmbeddingModel model) {
    this.model = model;
  }

  @Override
  public int dimensions() {
    if (dimensions == 0) {
      embed("dimension probe");
    }
    return dimensions;
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
    List<float[]> out = model.embedAll(segments).content().stream().map(e -> e.vector()).toList();
    if (out.size() != texts.size()) {
      throw new IllegalStateException(
          "The embedding model returned "
              + out.size()
              + " vectors for "
              + texts.size()
              + " texts.");
    }
    if (!out.isEmpty()) {
      dimensions = out.get(0).length;
    }
    return out;
  }
}
