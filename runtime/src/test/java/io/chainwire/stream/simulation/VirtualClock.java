package io.chainwire.stream.simulation;

import io.chainwire.stream.internal.EngineClock;
import java.time.Duration;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Virtual time for a simulation, and the events scheduled on it (mine a block, reorganise, move the
 * finalized block, toggle a fault, crash or stop the stream). Time moves only when someone waits:
 * {@link #await} runs the next event if it is due by the deadline, or jumps to the deadline; {@link
 * #advance} (a node's latency, a request timing out) runs every event due meanwhile. Events due at
 * the same time run in the order they were scheduled. Events run on the thread that moved time,
 * which in a run is the stream's delivery thread, and the harness's thread between runs.
 */
public final class VirtualClock implements EngineClock {
  private final PriorityQueue<Event> events = new PriorityQueue<>();
  private final Runnable beforeWait;
  private long now;
  private long scheduled;

  /**
   * Creates a clock at time zero.
   *
   * @param beforeWait runs before every wait and advance: where a crashed process keeps crashing
   */
  public VirtualClock(Runnable beforeWait) {
    this.beforeWait = Objects.requireNonNull(beforeWait, "beforeWait");
  }

  private record Event(long time, long order, String name, Runnable action) implements Comparable<Event> {
    @Override
    public int compareTo(Event other) {
      int byTime = Long.compare(time, other.time);
      return byTime != 0 ? byTime : Long.compare(order, other.order);
    }
  }

  @Override
  public synchronized long nanoTime() {
    return now;
  }

  /** Returns the virtual time elapsed since the start. */
  public Duration elapsed() {
    return Duration.ofNanos(nanoTime());
  }

  /**
   * Runs the next event if it is due by {@code deadline}, moving time to it, else moves time to the
   * deadline. The caller's monitor stays held: everything runs on this thread.
   */
  @Override
  public void await(Object monitor, long deadline) {
    beforeWait.run();
    Event next = nextDueBy(deadline);
    if (next != null) {
      next.action.run();
    }
  }

  /** Moves time on by {@code duration}, running every event due meanwhile. */
  public void advance(Duration duration) {
    beforeWait.run();
    runUntil(nanoTime() + duration.toNanos());
  }

  /** Runs every event due by {@code time} and moves time to it. */
  public void runUntil(long time) {
    Event next;
    while ((next = nextDueBy(time)) != null) {
      next.action.run();
    }
  }

  private synchronized Event nextDueBy(long deadline) {
    Event next = events.peek();
    if (next != null && next.time - deadline <= 0) {
      events.poll();
      now = Math.max(now, next.time);
      return next;
    }
    now = Math.max(now, deadline);
    return null;
  }

  /** Schedules {@code action} at {@code delay} from now. */
  public void schedule(Duration delay, String name, Runnable action) {
    scheduleAt(nanoTime() + delay.toNanos(), name, action);
  }

  /** Schedules {@code action} at time {@code time}, or now if that has passed. */
  public synchronized void scheduleAt(long time, String name, Runnable action) {
    events.add(new Event(Math.max(time, now), scheduled++, name, action));
  }

  /** Runs {@code task} every {@code period}, as events on this clock, until cancelled. */
  @Override
  public Cancellable every(Duration period, Runnable task) {
    boolean[] cancelled = {false};
    Runnable[] repeat = new Runnable[1];
    repeat[0] = () -> {
      if (!cancelled[0]) {
        task.run();
        schedule(period, "every " + period, repeat[0]);
      }
    };
    schedule(period, "every " + period, repeat[0]);
    return () -> cancelled[0] = true;
  }

  /** Returns how many events are waiting. */
  public synchronized int pending() {
    return events.size();
  }

  @Override
  public String toString() {
    return "VirtualClock[" + elapsed() + ", " + pending() + " events]";
  }
}
