package io.chainwire.stream.simulation;

import io.chainwire.abi.EventKey;
import io.chainwire.stream.CheckpointStoreFailedException;
import io.chainwire.stream.ErrorPolicy;
import io.chainwire.stream.HandlerFailedException;
import io.chainwire.stream.StreamCrashedException;
import io.chainwire.stream.StreamException;
import io.chainwire.stream.StreamHandle;
import io.chainwire.stream.StreamMetrics;
import io.chainwire.stream.StreamRole;
import io.chainwire.stream.StreamState;
import io.chainwire.stream.internal.Environment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Several copies of the stream in one simulation, sharing its chain, nodes and store, as processes on several hosts
 * share a database: each copy is a real stream run (its own delivery thread, node connections, handler and jitter)
 * under the {@link VirtualClock}'s scheduler, so one runs at a time and a seed replays exactly. The harness's thread
 * drives: it starts the copies, runs the events when no copy waits for them, restarts copies that were killed or
 * stopped, and ends the simulation when the stream caught up.
 *
 * <p>Faults of copies, at random times or scripted: a pause (SIGSTOP) now, at a copy's next handler calls or before its
 * next commit, during which time moves on for the others and its lease renewals do not run; a partition from the store
 * (calls fail at once, or hang for a connection timeout first) or from the nodes (requests time out, pushed heads
 * stop); a kill (the copy dies where it is and starts again after a downtime); a clean shutdown (the copy releases its
 * lease and starts again after a downtime).
 *
 * <p>Besides the oracle's judgement of what the store committed, the harness checks what only copies can get wrong:
 * leases and commits (the store's epoch only grows, each epoch's commits come from one copy, every commit is under the
 * stream's current epoch, none of handler calls made after a takeover), handler calls after a lease lapsed by the
 * store's clock (counted; never by a copy that was not paused since its last renewal, which stops before), no takeover
 * while another copy, not paused, still says it leads, and that every copy that was not killed or stopped still runs at
 * the end.
 */
public final class Copies {
    private static final Duration SUPERVISOR_DELAY = Duration.ofSeconds(5);
    private static final Duration WATCH_INTERVAL = Duration.ofSeconds(5);
    /** How long a store call of a copy cut off from the store hangs before it fails, as a connection timeout. */
    private static final Duration HANG_LIMIT = Duration.ofSeconds(30);

    private static final int MAX_STARTS = 200;

    /** Builds and starts the stream of one copy, from its handler, metrics and environment. */
    @FunctionalInterface
    public interface Starter {
        /** Starts {@code copy}'s stream and returns its handle. */
        StreamHandle start(Copy copy);
    }

    /** Where a pause of a copy strikes. */
    public enum Where {
        /** Wherever the copy waits now. */
        NOW,
        /** Before one of its next handler calls: in the middle of a unit of work. */
        HANDLER_CALL,
        /** Before its next commit: after the last handler call of a unit of work. */
        COMMIT
    }

    /** A pause armed on a copy, striking when it reaches {@code where} for the {@code calls}-th time. */
    private record Armed(Where where, int calls, Duration length) {}

    /**
     * A pause that took effect.
     *
     * @param from when it began
     * @param until when it ended
     * @param where where it struck
     * @param leading whether the copy led then
     */
    public record Pause(long from, long until, Where where, boolean leading) {}

    /**
     * A role a copy reported.
     *
     * @param time when
     * @param role the role
     * @param epoch the lease's epoch
     */
    public record RoleChange(long time, StreamRole role, long epoch) {}

    /** One run of one copy: the slot it fills and what happened to it. */
    public final class Copy {
        private final int slot;
        private final int id;
        private final String name;
        private final SimulationHandler handler;
        private final TracingMetrics metrics;
        private final Environment environment;
        private final CountDownLatch joined = new CountDownLatch(1);
        private final long startedAt;
        private final List<Pause> pauses = new ArrayList<>();
        private final List<RoleChange> roles = new ArrayList<>();
        private volatile StreamHandle handle;
        private VirtualClock.Actor actor;
        private boolean killed;
        private boolean shutDown;
        private boolean stopAsked;
        private boolean stopping;
        private Duration restartAfter;
        private boolean restartScheduled;
        private Armed armed;
        private long lastPauseEnd = Long.MIN_VALUE;
        private long storeCutUntil;
        private boolean storeHangs;
        private long nodesCutUntil;
        private int storeCuts;
        private int nodeCuts;
        private long handlerCalls;
        private long lapsedCalls;
        private long takenOverCalls;
        private boolean ended;
        private StreamState endState;
        private long endedAt = -1;

        private Copy(int slot, int id, int incarnation) {
            this.slot = slot;
            this.id = id;
            this.name = "copy " + slot + (incarnation == 0 ? "" : "#" + (incarnation + 1));
            this.handler = new SimulationHandler(world.store, world.trace, world.scenario.handler);
            this.metrics = new TracingMetrics(world.trace, name + ": ", new TracingMetrics.Listener() {
                @Override
                public void stateChanged(StreamState state) {
                    if (state.isTerminal()) {
                        ended(Copy.this, state);
                    }
                }

                @Override
                public void roleChanged(StreamRole role, long epoch) {
                    changedRole(Copy.this, role, epoch);
                }
            });
            this.environment = world.environment(1_009L * id);
            this.startedAt = clock.nanoTime();
        }

        /** Returns the handler this copy calls. */
        public SimulationHandler handler() {
            return handler;
        }

        /** Returns the metrics this copy reports to. */
        public StreamMetrics metrics() {
            return metrics;
        }

        /** Returns the environment this copy runs in: the shared clock and nodes, its own jitter. */
        public Environment environment() {
            return environment;
        }

        /** Returns the copy's slot. */
        public int slot() {
            return slot;
        }

        /** Returns the copy's name in the trace. */
        public String name() {
            return name;
        }

        private boolean running() {
            return !ended && !killed && !stopAsked;
        }

        private Incarnation report() {
            return new Incarnation(
                    id,
                    slot,
                    name,
                    startedAt,
                    endedAt,
                    endState,
                    killed,
                    shutDown,
                    storeCuts,
                    nodeCuts,
                    handlerCalls,
                    lapsedCalls,
                    takenOverCalls,
                    List.copyOf(pauses),
                    List.copyOf(roles));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * What one run of a copy did.
     *
     * @param id its number in the store's logs ({@link SimulatedStore.Commit#copy()}): its place in start order, from 1
     * @param slot the slot it filled
     * @param name its name in the trace
     * @param startedAt when it started
     * @param endedAt when its thread ended, -1 if it ran to the end of the simulation
     * @param endState its final state
     * @param killed whether it was killed
     * @param shutDown whether it was shut down cleanly before the end
     * @param storeCuts how many times it was cut off from the store
     * @param nodeCuts how many times it was cut off from the nodes
     * @param handlerCalls how many handler calls it made
     * @param lapsedCalls handler calls made while its unit of work's lease had lapsed by the store's clock
     * @param takenOverCalls handler calls made after another copy took its lease over
     * @param pauses the pauses that struck it
     * @param roles the roles it reported
     */
    public record Incarnation(
            int id,
            int slot,
            String name,
            long startedAt,
            long endedAt,
            StreamState endState,
            boolean killed,
            boolean shutDown,
            int storeCuts,
            int nodeCuts,
            long handlerCalls,
            long lapsedCalls,
            long takenOverCalls,
            List<Pause> pauses,
            List<RoleChange> roles) {}

    /**
     * What the copies did, for the tests' own assertions and the summary.
     *
     * @param copies how many copies ran at once
     * @param incarnations every run of every copy, in start order
     * @param grants the leases the store granted
     * @param releases when leases were released
     * @param commits the commits that took effect
     * @param refusals the commits fencing refused
     * @param dualLeaders how often a copy took the lease over while another copy, not paused, still said it led (each a
     *     violation)
     */
    public record Report(
            int copies,
            List<Incarnation> incarnations,
            List<SimulatedStore.Grant> grants,
            List<Long> releases,
            List<SimulatedStore.Commit> commits,
            List<SimulatedStore.Refusal> refusals,
            int dualLeaders) {
        /** Returns the run that the store's logs number {@code id}. */
        public Incarnation incarnation(int id) {
            return incarnations.get(id - 1);
        }

        /** Returns the runs of copy {@code slot}. */
        public List<Incarnation> of(int slot) {
            return incarnations.stream().filter(run -> run.slot == slot).toList();
        }

        /** Returns how many handler calls were made after the call's lease lapsed or was taken over. */
        public long staleCalls() {
            return incarnations.stream()
                    .mapToLong(run -> run.lapsedCalls + run.takenOverCalls)
                    .sum();
        }

        /** Returns how many pauses struck {@code where}. */
        public long pauses(Where where) {
            return incarnations.stream()
                    .flatMap(run -> run.pauses.stream())
                    .filter(pause -> pause.where == where)
                    .count();
        }

        /** Returns a one-line summary. */
        public String summary() {
            long kills = incarnations.stream().filter(Incarnation::killed).count();
            long shutdowns = incarnations.stream().filter(Incarnation::shutDown).count();
            return copies + " copies, " + incarnations.size() + " starts, " + kills + " kills, " + shutdowns
                    + " clean shutdowns, pauses " + pauses(Where.NOW) + " waiting/" + pauses(Where.HANDLER_CALL)
                    + " mid-unit/"
                    + pauses(Where.COMMIT) + " before commit, "
                    + incarnations.stream().mapToInt(Incarnation::storeCuts).sum()
                    + " store and "
                    + incarnations.stream().mapToInt(Incarnation::nodeCuts).sum() + " node partitions, "
                    + grants.size() + " grants, " + commits.size() + " commits, " + refusals.size() + " fenced, "
                    + staleCalls() + " stale handler calls, " + dualLeaders + " dual leaders";
        }
    }

    private final World world;
    private final VirtualClock clock;
    private final Scenario scenario;
    private final Starter starter;
    private final Random random;
    private final List<Copy> all = new ArrayList<>();
    private final Copy[] slots;
    private final Map<VirtualClock.Actor, Copy> byActor = new HashMap<>();
    private final List<String> violations = new ArrayList<>();
    private final Object driverLock = new Object();
    private volatile Copy starting;
    private Armed leaderPause;
    private VirtualClock.Actor driver;
    private boolean finished;
    private int dualLeaders;
    private Optional<EventKey> stoppedBy = Optional.empty();
    private Optional<StreamException> endedAsExpected = Optional.empty();

    Copies(World world, Starter starter) {
        this.world = world;
        this.clock = world.clock;
        this.scenario = world.scenario;
        this.starter = starter;
        this.random = new Random(scenario.seed * 0x9E3779B97F4A7C15L + 3);
        this.slots = new Copy[scenario.copies];
    }

    // The run.

    /** Runs the copies until the stream caught up (or the catch-up time is over) and every copy ended. */
    void run() {
        driver = clock.drive("the harness");
        clock.onResume(this::resumed);
        clock.abortAfter(World.REAL_TIME_GUARD);
        try {
            for (int slot = 0; slot < slots.length && violations.isEmpty(); slot++) {
                start(slot);
            }
            synchronized (driverLock) {
                while (!done()) {
                    if (clock.pending() == 0 && running() == 0) {
                        violations.add("nothing is left to run, yet the simulation did not end");
                        break;
                    }
                    clock.await(driverLock, Long.MAX_VALUE);
                }
            }
        } catch (IllegalStateException e) {
            violations.add(e.getMessage());
        }
    }

    private boolean done() {
        // Once finished, a restart still scheduled does nothing.
        return finished && running() == 0 || clock.aborted();
    }

    /** Returns how many copies' threads are known to the scheduler. */
    private synchronized int running() {
        return byActor.size();
    }

    /** Starts a new run of copy {@code slot} and waits (in real time) until its thread joined the scheduler. */
    private void start(int slot) {
        if (all.size() >= MAX_STARTS) {
            violate("the copies were started " + MAX_STARTS + " times without finishing");
            return;
        }
        int incarnation = (int) all.stream().filter(copy -> copy.slot == slot).count();
        Copy copy = new Copy(slot, all.size() + 1, incarnation);
        all.add(copy);
        slots[slot] = copy;
        world.countRun();
        world.trace.add(copy.name + " starts");
        starting = copy;
        copy.handle = starter.start(copy);
        try {
            long deadline = System.nanoTime() + World.REAL_TIME_GUARD.toNanos();
            while (!copy.joined.await(10, TimeUnit.MILLISECONDS)) {
                if (copy.handle.state().isTerminal() || System.nanoTime() - deadline > 0) {
                    violate(copy.name + " never reached the simulation: its thread "
                            + (copy.handle.state().isTerminal()
                                    ? "ended: "
                                            + copy.handle
                                                    .failure()
                                                    .map(World::describe)
                                                    .orElse("")
                                    : "did not call the store within " + World.REAL_TIME_GUARD.toSeconds()
                                            + " s of real time"));
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            violations.add("interrupted while " + copy.name + " started");
        } finally {
            starting = null;
        }
    }

    /**
     * Joins the calling thread, a copy's delivery thread calling the simulation for the first time, to the scheduler.
     */
    private void arrive() {
        Copy copy = starting;
        if (copy == null) {
            throw new IllegalStateException(
                    Thread.currentThread() + " calls the simulation but is no copy being started");
        }
        clock.join(copy.slot, copy.id, copy.name, actor -> {
            synchronized (this) {
                copy.actor = actor;
                byActor.put(actor, copy);
            }
            copy.joined.countDown();
        });
    }

    /** On a copy's thread, each time it returns from a wait: a killed copy dies, one asked to stop stops. */
    private void resumed() {
        Copy copy = own();
        if (copy == null) {
            return;
        }
        if (copy.killed) {
            throw new SimulatedCrash("(kill -9)");
        }
        if (copy.stopAsked && !copy.stopping && copy.handle != null) {
            copy.stopping = true;
            copy.handle.close();
        }
    }

    /** On a copy's thread, as its last report: judges how it ended, restarts it if it should, and leaves. */
    private void ended(Copy copy, StreamState state) {
        if (clock.aborted() || clock.self() == null) {
            return;
        }
        copy.ended = true;
        copy.endState = state;
        copy.endedAt = clock.nanoTime();
        StreamHandle handle = copy.handle;
        Optional<StreamException> failure = handle == null ? Optional.empty() : handle.failure();
        world.trace.add(copy.name + " ends: " + state
                + failure.map(e -> ": " + e.getMessage()).orElse(""));
        boolean crashed = failure.isPresent()
                && failure.get() instanceof StreamCrashedException
                && failure.get().getCause() instanceof SimulatedCrash;
        if (finished && !crashed && failure.isEmpty()) {
            // The simulation is over.
        } else if (copy.killed || crashed) {
            restart(copy, copy.restartAfter == null ? Duration.ZERO : copy.restartAfter);
        } else if (state == StreamState.STOPPED) {
            if (copy.stopAsked && copy.restartAfter != null) {
                restart(copy, copy.restartAfter);
            } else if (!copy.stopAsked) {
                violate(copy.name + " stopped without being asked to");
            }
        } else if (failure.isPresent() && failure.get() instanceof CheckpointStoreFailedException && storeMayFail()) {
            restart(copy, SUPERVISOR_DELAY);
        } else if (failure.isPresent()
                && failure.get() instanceof HandlerFailedException handlerFailure
                && scenario.policy == ErrorPolicy.STOP
                && !handlerFailure.removal()) {
            stoppedBy = Optional.of(handlerFailure.key());
            world.freeze();
            finish();
        } else if (failure.isPresent()
                && scenario.expectedFailure != null
                && scenario.expectedFailure.isInstance(failure.get())) {
            endedAsExpected = failure;
            world.freeze();
            finish();
        } else {
            violate(copy.name + " failed: " + failure.map(World::describe).orElse("without a failure"));
        }
        synchronized (this) {
            byActor.remove(copy.actor);
        }
        clock.leave();
    }

    private boolean storeMayFail() {
        return scenario.commitFailures > 0
                || scenario.unknownOutcomes > 0
                || scenario.storeOutages > 0
                || scenario.storePartitions > 0
                || scenario.steps.stream().anyMatch(step -> step.name().contains("store"));
    }

    private void restart(Copy copy, Duration after) {
        if (finished) {
            return;
        }
        copy.restartScheduled = true;
        clock.schedule(after, "restart " + copy.name, () -> {
            if (!finished && slots[copy.slot] == copy) {
                start(copy.slot);
            }
        });
    }

    private void changedRole(Copy copy, StreamRole role, long epoch) {
        long now = clock.nanoTime();
        copy.roles.add(new RoleChange(now, role, epoch));
        if (role == StreamRole.LEADER) {
            for (Copy other : slots) {
                if (other != null
                        && other != copy
                        && other.running()
                        && other.handle.role() == StreamRole.LEADER
                        && !clock.isPaused(other.actor)) {
                    dualLeaders++;
                    violate(copy.name + " took the lease (epoch " + epoch + ") at " + clock.elapsed() + " while "
                            + other.name + ", not paused, still said it led");
                }
            }
        }
    }

    // The world's activity.

    /** Schedules the faults of copies the scenario asks for, drawing times from {@code draw}. */
    void schedule(Random draw, long activityEnd) {
        for (int i = 0; i < scenario.pauses; i++) {
            long at = 1 + draw.nextLong(Math.max(1, activityEnd));
            Where where = Where.values()[draw.nextInt(Where.values().length)];
            int calls = 1 + draw.nextInt(20);
            Duration length = Duration.ofMillis(1 + draw.nextLong(scenario.maxPause.toMillis()));
            boolean leader = draw.nextBoolean();
            int slot = draw.nextInt(slots.length);
            clock.scheduleAt(at, "pause", () -> pause(leader ? leaderSlot().orElse(slot) : slot, where, calls, length));
        }
        for (int i = 0; i < scenario.storePartitions; i++) {
            long at = 1 + draw.nextLong(Math.max(1, activityEnd));
            Duration length = Duration.ofMillis(1 + draw.nextLong(scenario.maxPartition.toMillis()));
            boolean hang = draw.nextBoolean();
            boolean leader = draw.nextBoolean();
            int slot = draw.nextInt(slots.length);
            clock.scheduleAt(
                    at,
                    "store partition",
                    () -> cutFromStore(leader ? leaderSlot().orElse(slot) : slot, length, hang));
        }
        for (int i = 0; i < scenario.nodePartitions; i++) {
            long at = 1 + draw.nextLong(Math.max(1, activityEnd));
            Duration length = Duration.ofMillis(1 + draw.nextLong(scenario.maxPartition.toMillis()));
            boolean leader = draw.nextBoolean();
            int slot = draw.nextInt(slots.length);
            clock.scheduleAt(
                    at,
                    "node partition",
                    () -> cutFromNodes(leader ? leaderSlot().orElse(slot) : slot, length));
        }
    }

    /** Kills one copy, the leader or another at random, and starts it again after {@code down}. */
    void killOne(Duration down) {
        kill(
                random.nextBoolean() ? leaderSlot().orElse(random.nextInt(slots.length)) : random.nextInt(slots.length),
                down);
    }

    /** Stops the leader cleanly (or, with no leader, a copy at random) and starts it again after {@code down}. */
    void stopLeader(Duration down) {
        stop(leaderSlot().orElse(random.nextInt(slots.length)), down);
    }

    /** Returns the slot of the copy that leads now, by what it reports, if one does. */
    public Optional<Integer> leaderSlot() {
        for (Copy copy : slots) {
            if (copy != null && copy.running() && copy.handle.role() == StreamRole.LEADER) {
                return Optional.of(copy.slot);
            }
        }
        return Optional.empty();
    }

    /** Returns the slot of the copy that leads now; a violation (and slot 0) if none does. */
    private int leader(String what) {
        Optional<Integer> leader = leaderSlot();
        if (leader.isEmpty()) {
            violate("no copy leads at " + clock.elapsed() + " to " + what);
        }
        return leader.orElse(0);
    }

    /** Cuts the copy that leads now off from the store for {@code length}: its calls fail, or hang first. */
    public void cutLeaderFromStore(Duration length, boolean hang) {
        cutFromStore(leader("cut off from the store"), length, hang);
    }

    /** Stops the copy that leads now cleanly and starts it again after {@code down}. */
    public void stopTheLeader(Duration down) {
        stop(leader("stop"), down);
    }

    /** Kills the copy that leads now and starts it again after {@code down}. */
    public void killTheLeader(Duration down) {
        kill(leader("kill"), down);
    }

    /** Returns the run of copy {@code slot} if it runs (neither killed nor stopped), or null. */
    private Copy runningIn(int slot) {
        Copy copy = slots[slot];
        return copy != null && copy.running() && copy.actor != null ? copy : null;
    }

    /** Kills copy {@code slot} where it is (kill -9) and starts it again after {@code down}. */
    public void kill(int slot, Duration down) {
        Copy copy = runningIn(slot);
        if (copy == null) {
            return;
        }
        copy.killed = true;
        copy.restartAfter = down;
        world.countCrash();
        world.trace.add(copy.name + " is killed (kill -9), down for " + down.toMillis() + " ms");
        clock.kill(copy.actor);
    }

    /** Stops copy {@code slot} cleanly (it releases its lease) and starts it again after {@code down}. */
    public void stop(int slot, Duration down) {
        Copy copy = runningIn(slot);
        if (copy == null) {
            return;
        }
        copy.stopAsked = true;
        copy.shutDown = true;
        copy.restartAfter = down;
        world.trace.add(copy.name + " is stopped, down for " + down.toMillis() + " ms");
        clock.wake(copy.actor);
    }

    /**
     * Pauses copy {@code slot} for {@code length}: at once, or when it reaches {@code where} for the {@code calls}-th
     * time.
     */
    public void pause(int slot, Where where, int calls, Duration length) {
        Copy copy = runningIn(slot);
        if (copy == null) {
            return;
        }
        if (where == Where.NOW) {
            long until = clock.nanoTime() + length.toNanos();
            clock.pause(copy.actor, until);
            paused(copy, Where.NOW, until);
        } else {
            world.trace.add(copy.name + " will pause for " + length.toMillis() + " ms at its " + calls + ". "
                    + (where == Where.COMMIT ? "commit" : "handler call") + " from now");
            copy.armed = new Armed(where, calls, length);
        }
    }

    private void paused(Copy copy, Where where, long until) {
        long now = clock.nanoTime();
        copy.lastPauseEnd = Math.max(copy.lastPauseEnd, until);
        boolean leading = copy.handle.role() == StreamRole.LEADER;
        copy.pauses.add(new Pause(now, until, where, leading));
        world.trace.add(copy.name + " is paused for " + (until - now) / 1_000_000 + " ms"
                + (where == Where.NOW ? "" : " before its " + (where == Where.COMMIT ? "commit" : "handler call"))
                + (leading ? " while it leads" : ""));
    }

    /**
     * Pauses whichever copy leads for {@code length} when it reaches {@code where} for the {@code calls}-th time from
     * now (only a leader calls handlers and commits).
     */
    public void pauseLeader(Where where, int calls, Duration length) {
        world.trace.add("the leader will pause for " + length.toMillis() + " ms at its " + calls + ". "
                + (where == Where.COMMIT ? "commit" : "handler call") + " from now");
        leaderPause = new Armed(where, calls, length);
    }

    /** Pauses the calling copy here, if a pause armed for {@code where} (on it, or on the leader) strikes now. */
    private void strike(Where where) {
        Copy copy = own();
        if (copy == null || clock.inEvent()) {
            return;
        }
        Armed armed = copy.armed != null && copy.armed.where == where ? copy.armed : null;
        boolean leader = armed == null;
        if (leader) {
            armed = leaderPause != null && leaderPause.where == where ? leaderPause : null;
        }
        if (armed == null) {
            return;
        }
        Armed left = armed.calls > 1 ? new Armed(where, armed.calls - 1, armed.length) : null;
        if (leader) {
            leaderPause = left;
        } else {
            copy.armed = left;
        }
        if (left == null) {
            long until = clock.nanoTime() + armed.length.toNanos();
            paused(copy, where, until);
            clock.pauseHere(until);
        }
    }

    /** Cuts copy {@code slot} off from the store for {@code length}: its calls fail, or hang first. */
    public void cutFromStore(int slot, Duration length, boolean hang) {
        Copy copy = runningIn(slot);
        if (copy == null) {
            return;
        }
        copy.storeCutUntil = clock.nanoTime() + length.toNanos();
        copy.storeHangs = hang;
        copy.storeCuts++;
        world.trace.add(copy.name + " is cut off from the store for " + length.toMillis() + " ms"
                + (hang ? " (its calls hang)" : "")
                + (copy.handle.role() == StreamRole.LEADER ? " while it leads" : ""));
    }

    /**
     * Cuts copy {@code slot} off from the nodes for {@code length}: its requests time out, its subscriptions go quiet.
     */
    public void cutFromNodes(int slot, Duration length) {
        Copy copy = runningIn(slot);
        if (copy == null) {
            return;
        }
        copy.nodesCutUntil = clock.nanoTime() + length.toNanos();
        copy.nodeCuts++;
        world.trace.add(copy.name + " is cut off from the nodes for " + length.toMillis() + " ms");
    }

    /** Ends every fault of copies that may still be armed or in force: the activity is over. */
    void heal() {
        leaderPause = null;
        for (Copy copy : all) {
            copy.armed = null;
            copy.storeCutUntil = 0;
            copy.nodesCutUntil = 0;
        }
    }

    /** Checks every few seconds after the activity whether the stream caught up, and then ends the simulation. */
    void watch(long activityEnd) {
        boolean late = clock.nanoTime() - activityEnd >= scenario.catchUp.toNanos();
        if (!finished && (world.caughtUp() || late)) {
            world.trace.add(
                    late
                            ? "the catch-up time is over: the copies are stopped"
                            : "the stream caught up: the copies are stopped");
            for (Copy copy : slots) {
                if (copy != null && copy.ended && !copy.restartScheduled) {
                    violate(copy.name + " is not running at the end, nor will it start again: it ended "
                            + copy.endState);
                }
            }
            finish();
            return;
        }
        if (!finished) {
            clock.schedule(WATCH_INTERVAL, "watch", () -> watch(activityEnd));
        }
    }

    /** Ends the simulation: every copy still running is asked to stop. */
    private void finish() {
        if (finished) {
            return;
        }
        finished = true;
        for (Copy copy : slots) {
            if (copy != null && !copy.ended && !copy.stopAsked) {
                copy.stopAsked = true;
                if (copy.actor != null) {
                    clock.wake(copy.actor);
                }
            }
        }
    }

    // What the store and the nodes ask of the calling copy.

    /**
     * Returns the copy on whose behalf code runs now, joining a copy's thread on its first call; null for the harness.
     */
    private Copy calling() {
        if (clock.self() == null && !clock.inEvent()) {
            arrive();
        }
        synchronized (this) {
            return byActor.get(clock.current());
        }
    }

    /** Returns the copy whose thread this is, or null. */
    private synchronized Copy own() {
        VirtualClock.Actor self = clock.self();
        return self == null ? null : byActor.get(self);
    }

    void checkAlive() {
        Copy copy = calling();
        if (copy != null && copy.killed) {
            throw new SimulatedCrash("(the process is dead)");
        }
    }

    SimulatedCrash crash(String where) {
        Copy copy = calling();
        world.countCrash();
        world.trace.add(copy.name + " dies " + where);
        copy.killed = true;
        copy.restartAfter = Duration.ZERO;
        clock.kill(copy.actor);
        return new SimulatedCrash(where);
    }

    void beforeLoad() {
        calling();
    }

    boolean reaches(String what) {
        Copy copy = calling();
        if (copy == null || clock.nanoTime() >= copy.storeCutUntil) {
            return true;
        }
        if (!copy.storeHangs || clock.inEvent()) {
            return false;
        }
        long now = clock.nanoTime();
        long until = Math.min(copy.storeCutUntil, now + HANG_LIMIT.toNanos());
        world.trace.add(copy.name + ": store " + what + " hangs");
        clock.advance(Duration.ofNanos(until - now));
        return clock.nanoTime() >= copy.storeCutUntil;
    }

    void beforeHandlerCall() {
        strike(Where.HANDLER_CALL);
    }

    void handlerCall(SimulatedStore.LeaseStanding standing) {
        Copy copy = calling();
        if (copy == null) {
            return;
        }
        copy.handlerCalls++;
        SimulatedStore.LeaseStanding.Status status = standing.status();
        if (status == SimulatedStore.LeaseStanding.Status.LAPSED) {
            copy.lapsedCalls++;
        } else if (status == SimulatedStore.LeaseStanding.Status.TAKEN_OVER) {
            copy.takenOverCalls++;
        } else {
            return;
        }
        if (copy.lastPauseEnd < standing.renewedAt()) {
            violate(copy.name + " called a handler at " + clock.elapsed() + " under lease epoch "
                    + standing.lease().epoch() + ", which the store "
                    + (status == SimulatedStore.LeaseStanding.Status.LAPSED ? "let lapse" : "had given to another copy")
                    + ", though it was not paused since its last renewal at "
                    + Duration.ofNanos(standing.renewedAt())
                    + ": a copy must stop delivering before its lease can expire");
        }
    }

    /** Records a violation and ends the simulation, so that the trace's last entries show what led to it. */
    private void violate(String violation) {
        violations.add(violation);
        finish();
    }

    void beforeCommit() {
        strike(Where.COMMIT);
    }

    int caller() {
        Copy copy = calling();
        return copy == null ? 0 : copy.id;
    }

    String label() {
        Copy copy = calling();
        return copy == null ? "" : copy.name + ": ";
    }

    boolean cutOff(int caller) {
        return caller > 0 && clock.nanoTime() < all.get(caller - 1).nodesCutUntil;
    }

    // The outcome.

    /** Returns what went wrong that only copies can get wrong, the first thing first; empty if nothing. */
    Optional<String> violation() {
        if (!violations.isEmpty()) {
            return Optional.of(violations.get(0));
        }
        SimulatedStore store = world.store;
        if (!store.anomalies().isEmpty()) {
            return Optional.of(store.anomalies().get(0));
        }
        long epoch = 0;
        for (SimulatedStore.Grant grant : store.grants()) {
            if (grant.epoch() <= epoch) {
                return Optional.of(
                        "the store granted epoch " + grant.epoch() + " after epoch " + epoch + ": epochs must grow");
            }
            epoch = grant.epoch();
        }
        Map<Long, Integer> committers = new HashMap<>();
        long last = 0;
        for (SimulatedStore.Commit commit : store.commits()) {
            if (commit.epoch() < last) {
                return Optional.of("a commit under epoch " + commit.epoch() + " landed after one under epoch " + last);
            }
            last = commit.epoch();
            Integer before = committers.putIfAbsent(commit.epoch(), commit.copy());
            if (before != null && before != commit.copy()) {
                return Optional.of(all.get(before - 1).name + " and " + all.get(commit.copy() - 1).name
                        + " both committed under epoch " + commit.epoch());
            }
        }
        return Optional.empty();
    }

    Optional<EventKey> stoppedBy() {
        return stoppedBy;
    }

    Optional<StreamException> endedAsExpected() {
        return endedAsExpected;
    }

    Report report() {
        SimulatedStore store = world.store;
        return new Report(
                slots.length,
                all.stream().map(Copy::report).toList(),
                store.grants(),
                store.releases(),
                store.commits(),
                store.refusals(),
                dualLeaders);
    }
}
