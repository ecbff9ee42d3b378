package io.omnireach.jobs.leadimport;

import io.omnireach.db.DataAccessException;

/**
 * A chunk that lost a deadlock (or a serialization conflict) to another partition writing the same
 * leads — two parts of one file naming the same people in opposite orders. Retryable in {@code
 * lead-import.xml}: the batch runtime rolls the chunk back and writes it again.
 */
public class ChunkConflict extends RuntimeException {

  ChunkConflict(DataAccessException cause) {
    super(cause.getMessage(), cause);
  }

  /** Deadlock detected (40P01) or serialization failure (40001). */
  static boolean is(DataAccessException e) {
    return "40P01".equals(e.sqlState()) || "40001".equals(e.sqlState());
  }
}
