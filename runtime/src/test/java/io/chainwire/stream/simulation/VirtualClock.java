package io.chainwire.stream.simulation;

import io.chainwire.stream.internal.EngineClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Virtual time for a simulation, and the events scheduled on it (mine a block, reorganise, move the finalized block,
 * toggle a fault, crash or stop the stream). Time moves only when someone waits: {@link #await} runs the next event if
 * it is due by the deadline, or jumps to the deadline; {@link #advance} (a node's latency, a request timing out) runs
 * every event due meanwhile. Events due at the same time run in the order they were scheduled. Events run on the thread
 * that moved time, which in a run is the stream's delivery thread, and the harness's thread between runs.
 *
 * <p>With several copies of a stream, each with its own delivery thread, the clock is also their scheduler: every
 * thread that runs simulation code {@linkplain #join joins} as an {@link Actor}, and exactly one actor runs at a time,
 * the one holding the baton. An actor that waits ({@link #await}, {@link #advance}, a {@linkplain #pauseHere pause})
 * runs the events due first, then hands the baton to the actor that is ready earliest (ties: the lower slot, then the
 * older incarnation) and parks until it is handed back; a thread parked in {@link #await} releases the caller's
 * monitor, as {@link Object#wait} does, so an event may notify it. Events run on the thread that holds the baton when
 * they are due, on behalf of their owner (the actor that scheduled a periodic task, such as a lease renewal): a paused
 * owner's events wait for the pause to end, a killed or departed owner's are dropped. After an event of the world (not
 * a task of one actor), every actor waiting in {@link #await} is woken, as a spurious wake-up: it checks its condition
 * again. A run with the same seed therefore interleaves the threads the same way. Without actors (a single copy) the
 * clock behaves as described first, on whichever thread calls it.
 */
public final class VirtualClock implements EngineClock {
    private static final long REAL_TIME_SLICE_MILLIS = 1_000;

    private final PriorityQueue<Event> events = new PriorityQueue<>();
    private final Runnable beforeWait;
    private long now;
    private long scheduled;

    // The scheduler of several copies.
    private final List<Actor> actors = new ArrayList<>();
    private final ThreadLocal<Actor> self = new ThreadLocal<>();
    private final ThreadLocal<Event> inEvent = new ThreadLocal<>();
    private volatile Actor baton;
    private Actor context;
    private Runnable resumed = () -> {};
    private volatile boolean aborted;
    private boolean scheduling;
    private long guardStart;
    private long guardNanos = -1;

    /**
     * Creates a clock at time zero.
     *
     * @param beforeWait runs before every wait and advance: where a crashed process keeps crashing
     */
    public VirtualClock(Runnable beforeWait) {
        this.beforeWait = Objects.requireNonNull(beforeWait, "beforeWait");
    }

    private record Event(long time, long order, String name, Runnable action, Actor owner)
            implements Comparable<Event> {
        @Override
        public int compareTo(Event other) {
            int byTime = Long.compare(time, other.time);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }

    /**
     * A thread that runs simulation code under the clock's scheduler: a copy's delivery thread, or the harness's. Its
     * fields are the scheduler's and change only while the scheduler's lock is held.
     */
    public static final class Actor {
        private static final Comparator<Actor> ORDER =
                Comparator.comparingInt((Actor actor) -> actor.slot).thenComparingInt(actor -> actor.incarnation);

        private final int slot;
        private final int incarnation;
        private final String name;
        private final Object lock = new Object();
        private Object parkedOn;
        private long readyAt = Long.MAX_VALUE;
        private boolean wakeable;
        private long pausedUntil = Long.MIN_VALUE;
        private boolean killed;
        private boolean left;

        private Actor(int slot, int incarnation, String name) {
            this.slot = slot;
            this.incarnation = incarnation;
            this.name = name;
        }

        /** Returns the actor's slot: the copy's number, the same for every incarnation. */
        public int slot() {
            return slot;
        }

        /** Returns the actor's name, for the trace. */
        public String name() {
            return name;
        }

        private long runnableAt() {
            return Math.max(readyAt, pausedUntil);
        }

        @Override
        public String toString() {
            return name;
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
     * Runs the next event if it is due by {@code deadline}, moving time to it, else moves time to the deadline. The
     * caller's monitor stays held: everything runs on this thread. Under the scheduler of copies: waits for the
     * deadline or a wake-up, letting the other actors run meanwhile.
     */
    @Override
    public void await(Object monitor, long deadline) {
        beforeWait.run();
        Actor actor = actorOrNone();
        if (actor != null) {
            waitTurn(actor, deadline, true, monitor);
            return;
        }
        Event next = nextDueBy(deadline);
        if (next != null) {
            next.action.run();
        }
    }

    /** Moves time on by {@code duration}, running every event due meanwhile. */
    public void advance(Duration duration) {
        beforeWait.run();
        Actor actor = actorOrNone();
        if (actor != null) {
            waitTurn(actor, nanoTime() + duration.toNanos(), false, actor.lock);
            return;
        }
        runUntil(nanoTime() + duration.toNanos());
    }

    /** Returns the calling thread's actor; null without a scheduler; fails on a thread the scheduler does not know. */
    private Actor actorOrNone() {
        Actor actor = self.get();
        if (actor == null && isScheduling()) {
            throw new IllegalStateException(
                    Thread.currentThread() + " waits on the clock without having joined its scheduler");
        }
        return actor;
    }

    private synchronized boolean isScheduling() {
        return scheduling;
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
        schedule(time, name, action, null);
    }

    private synchronized void schedule(long time, String name, Runnable action, Actor owner) {
        events.add(new Event(Math.max(time, now), scheduled++, name, action, owner));
    }

    /**
     * Runs {@code task} every {@code period}, as events on this clock, until cancelled. Under the scheduler of copies
     * the task belongs to the actor on whose behalf it was scheduled.
     */
    @Override
    public Cancellable every(Duration period, Runnable task) {
        Actor owner = current();
        boolean[] cancelled = {false};
        Runnable[] repeat = new Runnable[1];
        repeat[0] = () -> {
            if (!cancelled[0]) {
                task.run();
                schedule(nanoTime() + period.toNanos(), "every " + period, repeat[0], owner);
            }
        };
        schedule(nanoTime() + period.toNanos(), "every " + period, repeat[0], owner);
        return () -> cancelled[0] = true;
    }

    /** Returns how many events are waiting. */
    public synchronized int pending() {
        return events.size();
    }

    // The scheduler of copies.

    /**
     * Runs {@code resumed} on an actor's own thread each time it returns from a wait: where a killed copy dies and a
     * copy asked to stop stops.
     */
    public synchronized void onResume(Runnable resumed) {
        this.resumed = Objects.requireNonNull(resumed, "resumed");
    }

    /**
     * Makes the calling thread the actor that drives the simulation, holding the baton: the harness, which starts the
     * copies and runs the events when no copy is waiting for them.
     */
    public Actor drive(String name) {
        Actor actor = new Actor(Integer.MAX_VALUE, 0, name);
        synchronized (this) {
            if (baton != null) {
                throw new IllegalStateException("the simulation already has a driver: " + baton);
            }
            actors.add(actor);
            baton = actor;
            context = actor;
            scheduling = true;
        }
        self.set(actor);
        return actor;
    }

    /**
     * Makes the calling thread an actor, ready to run now, and parks it until it is handed the baton;
     * {@code registered} runs once the actor is known to the scheduler, before it parks. The actor that starts a thread
     * must wait (in real time) until the thread has joined, so that only one thread runs simulation code at a time.
     */
    public Actor join(int slot, int incarnation, String name, Consumer<Actor> registered) {
        Actor actor = new Actor(slot, incarnation, name);
        synchronized (this) {
            actor.readyAt = now;
            actor.wakeable = true;
            actor.parkedOn = actor.lock;
            actors.add(actor);
            actors.sort(Actor.ORDER);
        }
        self.set(actor);
        synchronized (actor.lock) {
            registered.accept(actor);
            park(actor, actor.lock);
        }
        running(actor);
        return actor;
    }

    /** Removes the calling thread's actor, which runs nothing more, and hands the baton on. */
    public void leave() {
        Actor actor = requireBaton();
        synchronized (this) {
            actor.left = true;
            actors.remove(actor);
            wakeAll();
        }
        // The events due run on this thread first, on behalf of their owners, as on any other.
        Actor next = pick(null);
        self.remove();
        if (next != null) {
            handTo(next);
        }
    }

    /** Returns the actor on whose behalf code runs now (an event's owner, or the running thread's), or null. */
    public synchronized Actor current() {
        return context;
    }

    /** Returns the calling thread's actor, or null if it is not one. */
    public Actor self() {
        return self.get();
    }

    /** Returns true while an event runs on the calling thread, which then must not wait. */
    public boolean inEvent() {
        return inEvent.get() != null;
    }

    /** Pauses {@code actor} until {@code until}: it is not scheduled, nor are its tasks run, before then. */
    public synchronized void pause(Actor actor, long until) {
        actor.pausedUntil = Math.max(actor.pausedUntil, until);
    }

    /** Pauses the calling thread's actor, which holds the baton, until {@code until}, letting time move on. */
    public void pauseHere(long until) {
        Actor actor = requireBaton();
        synchronized (this) {
            actor.pausedUntil = Math.max(actor.pausedUntil, until);
        }
        waitTurn(actor, until, false, actor.lock);
    }

    /** Kills {@code actor}: its pause ends, it runs as soon as it is its turn (to die), and its tasks are dropped. */
    public synchronized void kill(Actor actor) {
        actor.killed = true;
        actor.pausedUntil = Long.MIN_VALUE;
        actor.readyAt = Math.min(actor.readyAt, now);
    }

    /** Wakes {@code actor} if it waits in {@link #await}, as a notification would. */
    public synchronized void wake(Actor actor) {
        if (actor.wakeable) {
            actor.readyAt = Math.min(actor.readyAt, now);
        }
    }

    /** Returns true if {@code actor} is paused now. */
    public synchronized boolean isPaused(Actor actor) {
        return actor.pausedUntil > now;
    }

    /**
     * Gives up on the simulation from its driver: after {@code realTime} more of real time parked, it stops waiting for
     * its turn and every other actor unwinds with a {@link SimulatedCrash} when it next parks or is woken.
     */
    public synchronized void abortAfter(Duration realTime) {
        guardStart = System.nanoTime();
        guardNanos = realTime.toNanos();
    }

    /** Returns true once the simulation was given up. */
    public boolean aborted() {
        return aborted;
    }

    private Actor requireBaton() {
        Actor actor = self.get();
        if (actor == null || baton != actor) {
            throw new IllegalStateException(Thread.currentThread() + " does not hold the simulation's baton");
        }
        return actor;
    }

    /**
     * Waits as {@code actor} until {@code until} (or, if {@code wakeable}, a wake-up): runs the events due first, and
     * hands the baton to each actor due before it.
     */
    private void waitTurn(Actor actor, long until, boolean wakeable, Object monitor) {
        if (baton != actor) {
            throw new IllegalStateException(actor + " waits without holding the baton");
        }
        if (inEvent()) {
            throw new IllegalStateException(
                    actor + " waits inside an event, which must not wait: " + inEvent.get().name);
        }
        synchronized (this) {
            actor.readyAt = until;
            actor.wakeable = wakeable;
            actor.parkedOn = monitor;
        }
        Actor next = pick(actor);
        if (next != actor) {
            synchronized (monitor) {
                handTo(next);
                park(actor, monitor);
            }
        }
        running(actor);
    }

    /** Makes {@code actor}, which holds the baton again, the running one, and runs the resume hook on its thread. */
    private void running(Actor actor) {
        Runnable hook;
        synchronized (this) {
            actor.readyAt = Long.MAX_VALUE;
            actor.wakeable = false;
            context = actor;
            hook = resumed;
        }
        hook.run();
    }

    /**
     * Runs the events due before any actor is ready, on this thread, then returns the actor to run next, with time
     * moved to when it is ready; {@code waiting}, the calling actor, if it is first.
     */
    private Actor pick(Actor waiting) {
        while (true) {
            Event event;
            synchronized (this) {
                event = nextRunnableEvent();
                Actor first = firstReady();
                if (event == null || first != null && Long.compare(first.runnableAt(), event.time) < 0) {
                    if (first != null && first.runnableAt() != Long.MAX_VALUE) {
                        now = Math.max(now, first.runnableAt());
                    }
                    return first != null ? first : waiting;
                }
                events.poll();
                now = Math.max(now, event.time);
                context = event.owner != null ? event.owner : self.get();
            }
            inEvent.set(event);
            try {
                event.action.run();
            } finally {
                inEvent.remove();
                synchronized (this) {
                    context = self.get();
                    if (event.owner == null) {
                        wakeAll();
                    }
                }
            }
        }
    }

    /** Returns the next event to run, dropping the tasks of dead owners and holding back those of paused ones. */
    private Event nextRunnableEvent() {
        while (true) {
            Event next = events.peek();
            if (next == null || next.owner == null) {
                return next;
            }
            Actor owner = next.owner;
            if (owner.left || owner.killed) {
                events.poll();
            } else if (Long.compare(owner.pausedUntil, next.time) > 0) {
                events.poll();
                events.add(new Event(owner.pausedUntil, scheduled++, next.name, next.action, owner));
            } else {
                return next;
            }
        }
    }

    private Actor firstReady() {
        Actor first = null;
        for (Actor actor : actors) {
            if (first == null || Long.compare(actor.runnableAt(), first.runnableAt()) < 0) {
                first = actor;
            }
        }
        return first;
    }

    private void wakeAll() {
        for (Actor actor : actors) {
            if (actor.wakeable && actor.readyAt > now) {
                actor.readyAt = now;
            }
        }
    }

    private void handTo(Actor next) {
        Object monitor;
        synchronized (this) {
            monitor = next.parkedOn;
        }
        synchronized (monitor) {
            baton = next;
            monitor.notifyAll();
        }
    }

    /** Parks the calling thread, which holds {@code monitor}, until {@code actor} holds the baton. */
    private void park(Actor actor, Object monitor) {
        boolean driver = actor.slot == Integer.MAX_VALUE;
        while (baton != actor) {
            if (aborted) {
                throw new SimulatedCrash("(the simulation was given up)");
            }
            try {
                monitor.wait(REAL_TIME_SLICE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SimulatedCrash("(interrupted while parked)");
            }
            if (driver && baton != actor && pastGuard()) {
                abort();
                throw new IllegalStateException("the simulation ran past its real-time guard with " + baton
                        + " holding the baton: the engine spins without waiting on the clock, or blocks outside it");
            }
        }
    }

    private synchronized boolean pastGuard() {
        return guardNanos >= 0 && System.nanoTime() - guardStart > guardNanos;
    }

    private void abort() {
        List<Object> monitors = new ArrayList<>();
        synchronized (this) {
            aborted = true;
            for (Actor actor : actors) {
                if (actor.parkedOn != null) {
                    monitors.add(actor.parkedOn);
                }
            }
        }
        for (Object monitor : monitors) {
            synchronized (monitor) {
                monitor.notifyAll();
            }
        }
    }

    @Override
    public String toString() {
        return "VirtualClock[" + elapsed() + ", " + pending() + " events]";
    }
}
