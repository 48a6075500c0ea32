package io.chainwire.stream.internal;

import java.util.concurrent.TimeUnit;

/**
 * The time a stream's engine reads and waits on: the system's monotonic clock for a running
 * stream, a virtual one in a simulation, where a wait moves time on at once.
 */
public interface EngineClock {
  /** The system's monotonic clock; waits block on the monitor. */
  EngineClock SYSTEM = new EngineClock() {
    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public void await(Object monitor, long deadline) throws InterruptedException {
      long left = deadline - System.nanoTime();
      if (left > 0) {
        TimeUnit.NANOSECONDS.timedWait(monitor, left);
      }
    }
  };

  /** Returns the current time in nanoseconds, comparable only with other values of this clock. */
  long nanoTime();

  /**
   * Waits on {@code monitor}, which the caller holds, until it is notified or the clock reaches
   * {@code deadline}; may return earlier, so callers check their condition in a loop as with
   * {@link Object#wait()}.
   *
   * @throws InterruptedException if the thread is interrupted
   */
  void await(Object monitor, long deadline) throws InterruptedException;
}
