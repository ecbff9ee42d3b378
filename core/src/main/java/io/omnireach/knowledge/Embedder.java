package io.omnireach.knowledge;

import java.util.List;

/**
 * Turns text into vectors of {@link #dimensions()} floats. The stored vectors' column has the
 * dimension of the tenant's active model (384 for the in-process one); another model's vectors are
 * made by {@link Reembedding}, which changes the column.
 */
public interface Embedder {

  int dimensions();

  List<float[]> embedAll(List<String> texts);

  default float[] embed(String text) {
    return embedAll(List.of(text)).get(0);
  }
}
