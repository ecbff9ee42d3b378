package io.omnireach.lead;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;

/**
 * Reads and checks the rows of an import file on a thread of its own, at most a bounded number of
 * rows ahead of the one consumer, so the next chunk is read and checked while the current one is
 * written. Rows come out in file order, each with the bytes read up to it; the consumer alone
 * decides what is committed, so restarting after its last checkpoint row stays exact. Memory is
 * bounded by {@code blocks × blockRows} rows whatever the file size.
 */
public final class PrefetchedRows implements AutoCloseable {

  /** A checked row and the file bytes consumed up to it (read-ahead included), for progress. */
  public record Item(ImportRow row, long bytesRead) {}

  private static final List<Item> END = List.of();

  private final LeadCsvReader reader;
  private final ImportMapping mapping;
  private final int blockRows;
  private final BlockingQueue<List<Item>> queue;
  private final Thread thread;
  private volatile boolean closed;
  private volatile RuntimeException failure;
  private List<Item> block = List.of();
  private int next;
  private boolean ended;
  private long handedOut;

  /**
   * Starts reading at once. The reader is owned from here on ({@link #close} closes it); {@code
   * blocks} blocks of {@code blockRows} rows may wait, checked, in memory.
   */
  public PrefetchedRows(
      LeadCsvReader reader,
      ImportMapping mapping,
      int blockRows,
      int blocks,
      ThreadFactory threads) {
    this.reader = reader;
    this.mapping = mapping;
    this.blockRows = blockRows;
    this.handedOut = reader.rowNumber();
    this.queue = new ArrayBlockingQueue<>(blocks);
    this.thread = threads.newThread(this::run);
    thread.setName("lead-import-reader");
    thread.start();
  }

  private void run() {
    try {
      List<String> headers = reader.headers();
      List<Item> items = new ArrayList<>(blockRows);
      for (LeadCsvReader.Row row = reader.next(); row != null && !closed; row = reader.next()) {
        items.add(new Item(ImportRows.check(row, headers, mapping), reader.bytesRead()));
        if (items.size() == blockRows) {
          queue.put(items);
          items = new ArrayList<>(blockRows);
        }
      }
      if (!items.isEmpty()) {
        queue.put(items);
      }
      queue.put(END);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failure = e;
      try {
        queue.put(END);
      } catch (InterruptedException stop) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The next checked row in file order, or null at the end of the file. */
  public Item next() {
    if (ended) {
      return null;
    }
    if (next == block.size()) {
      try {
        block = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for import rows", e);
      }
      next = 0;
      if (block == END) {
        ended = true;
        if (failure != null) {
          throw failure;
        }
        return null;
      }
    }
    Item item = block.get(next++);
    handedOut = item.row().rowNumber();
    return item;
  }

  /** The file row number of the last row handed out (1 = header): the checkpoint. */
  public long rowNumber() {
    return handedOut;
  }

  /** Stops the reading thread and closes the file. */
  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
