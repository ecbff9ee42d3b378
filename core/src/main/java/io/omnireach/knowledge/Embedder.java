package io.omnireach.knowledge;

import java.util.List;

/**
 * Turns text into vectors of {@link #dimensions()} floats. The store's column has the in-process
 * model's dimension (384); another model needs its own migration and a re-embedding.
 */
public interface Embedder {

  int dimensions();

  List<float[]> embedAll(List<String> texts);

  default float[] embed(String text) {
    return embedAll(List.of(text)).get(0);
  }
}
