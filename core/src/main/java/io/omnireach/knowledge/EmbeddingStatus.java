package io.omnireach.knowledge;

/** Whether a tenant's vectors come from the model its settings ask for. */
public enum EmbeddingStatus {
  /** All vectors come from {@code model}; nothing to do. */
  CURRENT,
  /**
   * The settings ask for another model: its vectors are being made beside the old ones, which
   * searches keep using until the switch.
   */
  REINDEXING
}
