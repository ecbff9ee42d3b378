package io.omnireach.block;

/** A block file that cannot be read: the message says which field is wrong and why. */
public class BlockFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BlockFormatException(String message) {
    super(message);
  }

  public BlockFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
