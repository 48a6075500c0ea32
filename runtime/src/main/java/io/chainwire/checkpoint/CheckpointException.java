package io.chainwire.checkpoint;

/**
 * A checkpoint store could not do what was asked: the database failed or holds something this
 * version cannot use, or a write would break the checkpoint's rules (a block not above the last
 * handled one, a parent hash that does not match). The message says what was being done, for
 * which stream and in which store.
 */
public final class CheckpointException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message saying what failed and where. */
  public CheckpointException(String message) {
    super(message);
  }

  /** Creates an exception with a message saying what failed and where, and the cause. */
  public CheckpointException(String message, Throwable cause) {
    super(message, cause);
  }
}
