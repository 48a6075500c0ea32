package io.chainwire.stream.simulation;

import io.chainwire.abi.EventKey;
import io.chainwire.checkpoint.BlockRef;
import io.chainwire.checkpoint.StreamId;
import io.chainwire.rpc.RpcEndpoint;
import io.chainwire.stream.CheckpointStoreFailedException;
import io.chainwire.stream.ErrorPolicy;
import io.chainwire.stream.HandlerFailedException;
import io.chainwire.stream.StreamCrashedException;
import io.chainwire.stream.StreamException;
import io.chainwire.stream.StreamHandle;
import io.chainwire.stream.StreamMetrics;
import io.chainwire.stream.StreamState;
import io.chainwire.stream.internal.Environment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One simulation: a virtual clock, a chain (and another chain, for a node that serves the wrong one), a node per
 * endpoint, the store, the handler and the trace, and the runs of the stream over them. {@link #simulate} schedules the
 * scenario's activity on the clock, then starts the stream, waits for each run to end (the test thread only waits: the
 * runs' own thread moves the clock), restarts it from the checkpoint after a crash, a planned stop or a store failure,
 * and finally asks the {@link Oracle}. A run is a function of the scenario's seed. With several copies of the stream
 * ({@link Scenario#copies}), {@link #simulateCopies} runs them together through {@link Copies}.
 */
public final class World implements SimulatedStore.World, SimulatedNode.Callers {
    /** The stream's id in the store. */
    public static final StreamId STREAM = StreamId.of("simulation");
    /** How long a run may take in real time before the simulation calls it spinning. */
    static final Duration REAL_TIME_GUARD = Duration.ofSeconds(60);

    private static final Duration WATCH_INTERVAL = Duration.ofSeconds(5);
    private static final Duration SUPERVISOR_DELAY = Duration.ofSeconds(5);
    /** Trace entries kept for the message; {@code -Dchainwire.simulation.trace=N} keeps more. */
    private static final int TRACE_KEPT = Integer.getInteger("chainwire.simulation.trace", 200);

    private static final int MAX_RUNS = 200;
    private static final int TRACE_SHOWN = Math.min(TRACE_KEPT, Integer.getInteger("chainwire.simulation.shown", 30));

    public final Scenario scenario;
    public final VirtualClock clock;
    public final Trace trace;
    public final SimulatedChain chain;
    public final List<SimulatedNode> nodes = new ArrayList<>();
    public final SimulatedStore store;
    public final SimulationHandler handler;
    private final SimulatedChain otherChain;
    private final SimulatedConnector connector;
    private final Random random;
    private final long activityEnd;
    private volatile StreamHandle current;
    private volatile CountDownLatch started = new CountDownLatch(0);
    private boolean dead;
    private boolean finished;
    private Duration downtime;
    private int runs;
    private int crashes;
    private Copies copies;
    private boolean frozen;

    /** Builds the world of {@code scenario}: its chain with the initial blocks, nodes, store and handler. */
    public World(Scenario scenario) {
        this.scenario = scenario;
        this.random = new Random(scenario.seed);
        this.clock = new VirtualClock(this::checkAlive);
        this.trace = new Trace(TRACE_KEPT, clock::nanoTime);
        SimulatedChain.Settings settings = new SimulatedChain.Settings(
                scenario.chainId,
                scenario.finalityDistance,
                scenario.busyShare,
                scenario.undecodableShare,
                scenario.orphanRetention);
        this.chain = new SimulatedChain(settings, new Random(random.nextLong()));
        this.otherChain = scenario.foreignNode < 0
                ? null
                : new SimulatedChain(
                        new SimulatedChain.Settings(
                                scenario.chainId + 1,
                                scenario.finalityDistance,
                                scenario.busyShare,
                                0,
                                scenario.orphanRetention),
                        new Random(random.nextLong()));
        chain.mine(scenario.initialBlocks);
        if (otherChain != null) {
            otherChain.mine(scenario.initialBlocks);
        }
        for (int i = 0; i < scenario.nodes.size(); i++) {
            boolean socket = scenario.webSocket.get(i);
            RpcEndpoint endpoint =
                    RpcEndpoint.of((socket ? "ws" : "http") + "://node" + i + ".simulation:" + (socket ? 8546 : 8545));
            SimulatedChain served = i == scenario.foreignNode ? otherChain : chain;
            nodes.add(new SimulatedNode(
                    "node" + i,
                    endpoint,
                    served,
                    clock,
                    new Random(random.nextLong()),
                    scenario.nodes.get(i),
                    trace,
                    this));
        }
        this.connector = new SimulatedConnector(nodes, clock);
        this.store = new SimulatedStore(scenario.recentBlocks, clock, new Random(random.nextLong()), trace, this);
        store.faults().commitFailures = scenario.commitFailures;
        store.faults().unknownOutcomes = scenario.unknownOutcomes;
        store.faults().crashes = scenario.storeCrashes;
        this.handler = new SimulationHandler(store, trace, scenario.handler);
        this.activityEnd = scenario.activity().toNanos();
    }

    /** Returns the environment the stream runs in: the virtual clock, the nodes, seeded jitter, inline fetches. */
    public Environment environment() {
        return environment(0);
    }

    /** Returns an environment as {@link #environment()} does, with jitter seeded also by {@code salt}. */
    Environment environment(long salt) {
        return new Environment(
                clock, connector, new Random(scenario.seed * 31 + 7 + salt), (stream, threads) -> new InlineExecutor());
    }

    /** Returns the copies of the stream, while {@link #simulateCopies} runs them. */
    public Copies copies() {
        if (copies == null) {
            throw new IllegalStateException("the simulation runs a single copy of the stream");
        }
        return copies;
    }

    /** Returns the metrics the stream reports to: they write the engine's decisions to the trace. */
    public StreamMetrics metrics() {
        return new TracingMetrics(trace);
    }

    /** Returns the endpoints, in failover order. */
    public List<RpcEndpoint> endpoints() {
        return nodes.stream().map(SimulatedNode::endpoint).toList();
    }

    // The simulated process.

    @Override
    public void checkAlive() {
        if (copies != null) {
            copies.checkAlive();
        } else if (dead) {
            throw new SimulatedCrash("(the process is dead)");
        }
    }

    @Override
    public SimulatedCrash crash(String where) {
        if (copies != null) {
            return copies.crash(where);
        }
        dead = true;
        crashes++;
        trace.add("the process dies " + where);
        return new SimulatedCrash(where);
    }

    @Override
    public void beforeLoad() {
        if (copies != null) {
            copies.beforeLoad();
            return;
        }
        try {
            if (!started.await(REAL_TIME_GUARD.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the simulation did not hand over the stream's handle");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public boolean reaches(String what) {
        return copies == null || copies.reaches(what);
    }

    @Override
    public void beforeHandlerCall() {
        if (copies != null) {
            copies.beforeHandlerCall();
        }
    }

    @Override
    public void handlerCall(SimulatedStore.LeaseStanding standing) {
        if (copies != null) {
            copies.handlerCall(standing);
        }
    }

    @Override
    public void beforeCommit() {
        if (copies != null) {
            copies.beforeCommit();
        }
    }

    @Override
    public int caller() {
        return copies == null ? 0 : copies.caller();
    }

    @Override
    public String label() {
        return copies == null ? "" : copies.label();
    }

    @Override
    public boolean cutOff(int caller) {
        return copies != null && copies.cutOff(caller);
    }

    /**
     * Stops the chain's activity: the copies of a stream that ended (a handler failure under policy STOP, an expected
     * failure) take a while to stop, and the chain must not move meanwhile, as it does not after a single copy ended.
     */
    void freeze() {
        frozen = true;
    }

    void countRun() {
        runs++;
    }

    void countCrash() {
        crashes++;
    }

    /** Kills the running stream, if one runs, and keeps it down for {@code down}; on the stream's thread. */
    public void crashStream(Duration down) {
        if (current != null && !dead) {
            downtime = down;
            throw crash("(kill -9)");
        }
    }

    /** Stops the running stream, if one runs, and keeps it down for {@code down}; on the stream's thread. */
    public void stopStream(Duration down) {
        StreamHandle handle = current;
        if (handle != null && downtime == null) {
            downtime = down;
            trace.add("the stream is stopped for " + down.toSeconds() + " s");
            handle.close();
        }
    }

    // The scenario.

    private void scheduleActivity() {
        Duration blockTime = scenario.blockTime;
        for (int i = 1; i <= scenario.activityBlocks; i++) {
            long jitter = random.nextLong(blockTime.toNanos() / 4 + 1);
            clock.scheduleAt(blockTime.toNanos() * i - jitter, "mine", () -> {
                if (!frozen) {
                    mine();
                }
            });
        }
        for (int i = 0; i < scenario.reorgs; i++) {
            int depth = 1 + random.nextInt(scenario.maxReorgDepth);
            clock.scheduleAt(randomTime(), "reorg", () -> {
                if (!frozen) {
                    reorg(depth);
                }
            });
        }
        for (int i = 0; i < scenario.lagEpisodes; i++) {
            SimulatedNode node = nodes.get(random.nextInt(nodes.size()));
            int lag = 1 + random.nextInt(3);
            long at = randomTime();
            Duration length = Duration.ofSeconds(10 + random.nextInt(60));
            clock.scheduleAt(at, "lag", () -> {
                trace.add(node.name() + " falls " + lag + " blocks behind, its subscription silent");
                node.faults().viewLag = lag;
                node.faults().subscriptionSilent = true;
            });
            clock.scheduleAt(at + length.toNanos(), "lag ends", () -> {
                trace.add(node.name() + " catches up");
                node.faults().viewLag = 0;
                node.faults().subscriptionSilent = false;
            });
        }
        for (int i = 0; i < scenario.crashes; i++) {
            Duration down = randomDowntime();
            clock.scheduleAt(
                    randomTime(), "crash", copies == null ? () -> crashStream(down) : () -> copies.killOne(down));
        }
        for (int i = 0; i < scenario.restarts; i++) {
            Duration down = randomDowntime();
            clock.scheduleAt(
                    randomTime(), "restart", copies == null ? () -> stopStream(down) : () -> copies.stopLeader(down));
        }
        for (int i = 0; i < scenario.storeOutages; i++) {
            long at = randomTime();
            long length = 1 + random.nextLong(scenario.maxOutage.toNanos());
            clock.scheduleAt(at, "store outage", () -> {
                trace.add("store outage for " + length / 1_000_000 + " ms");
                store.faults().outageUntil = at + length;
            });
        }
        if (copies != null) {
            copies.schedule(random, activityEnd);
        }
        for (Scenario.Step step : scenario.steps) {
            clock.scheduleAt(step.at().toNanos(), step.name(), () -> {
                trace.add("step: " + step.name());
                step.action().accept(this);
            });
        }
        clock.scheduleAt(activityEnd, "heal", this::heal);
        clock.scheduleAt(activityEnd, "watch", copies == null ? this::watch : () -> copies.watch(activityEnd));
    }

    private long randomTime() {
        return 1 + random.nextLong(Math.max(1, activityEnd));
    }

    private Duration randomDowntime() {
        return Duration.ofMillis(random.nextLong(scenario.maxDowntime.toMillis() + 1));
    }

    /** Mines a block on the chain (and on the other chain, if there is one). */
    public void mine() {
        SimulatedChain.Block block = chain.mine();
        if (otherChain != null) {
            otherChain.mine();
        }
        trace.add("chain: mined " + block + ", finalized " + chain.finalized());
    }

    /**
     * Reorganises the newest {@code depth} blocks, or fewer if the finalized block is closer, or (unless the scenario
     * wants reorganisations below it) the stream's start block.
     */
    public void reorg(int depth) {
        long aboveStart =
                scenario.reorgsBelowStart ? Long.MAX_VALUE : chain.head().number() - scenario.fromBlock;
        int allowed = (int) Math.min(Math.min(depth, chain.reorgRoom()), aboveStart);
        if (allowed < 1) {
            trace.add("chain: no reorganisation, the finalized block is the head");
            return;
        }
        List<SimulatedChain.Block> orphaned = chain.reorg(allowed);
        trace.add("chain: reorganised " + allowed + " blocks from " + orphaned.get(orphaned.size() - 1) + ", new head "
                + chain.head());
    }

    private void heal() {
        trace.add("the activity ends: transient faults heal");
        for (SimulatedNode node : nodes) {
            node.faults().heal();
        }
        store.faults().commitFailures = 0;
        store.faults().unknownOutcomes = 0;
        store.faults().crashes = 0;
        store.faults().outageUntil = 0;
        if (copies != null) {
            copies.heal();
        }
    }

    private void watch() {
        StreamHandle handle = current;
        boolean late = clock.nanoTime() - activityEnd >= scenario.catchUp.toNanos();
        if (handle != null && (caughtUp() || late)) {
            trace.add(
                    late ? "the catch-up time is over: the stream is stopped" : "the stream caught up: it is stopped");
            finished = true;
            handle.close();
            return;
        }
        clock.schedule(WATCH_INTERVAL, "watch", this::watch);
    }

    boolean caughtUp() {
        long target = chain.head().number() - scenario.confirmations;
        Optional<BlockRef> head = store.committed(STREAM).head();
        return target < scenario.fromBlock
                || head.isPresent()
                        && head.get().number() == target
                        && chain.isCanonical(head.get().hash());
    }

    // The runs.

    /**
     * Runs the scenario: starts the stream with {@code start}, restarts it as the scenario says, and judges the
     * outcome.
     */
    public SimulationResult simulate(Supplier<StreamHandle> start) {
        long realStart = System.nanoTime();
        scheduleActivity();
        Optional<String> violation = Optional.empty();
        Optional<EventKey> stoppedBy = Optional.empty();
        Optional<StreamException> ended = Optional.empty();
        while (violation.isEmpty()) {
            if (++runs > MAX_RUNS) {
                violation = Optional.of("the stream was started " + MAX_RUNS + " times without finishing");
                break;
            }
            dead = false;
            downtime = null;
            started = new CountDownLatch(1);
            trace.add("the stream starts (run " + runs + ")");
            StreamHandle handle = start.get();
            current = handle;
            started.countDown();
            if (!awaitTermination(handle)) {
                violation = Optional.of("the stream ran for " + REAL_TIME_GUARD.toSeconds()
                        + " s of real time without ending: " + "the engine spins without waiting on the clock");
                handle.close();
                break;
            }
            current = null;
            Optional<StreamException> failure = handle.failure();
            trace.add("the stream ends: " + handle.state()
                    + failure.map(e -> ": " + e.getMessage()).orElse(""));
            if (handle.state() == StreamState.STOPPED) {
                if (finished) {
                    break;
                }
                if (downtime == null) {
                    violation = Optional.of("the stream stopped without being asked to");
                    break;
                }
            } else if (failure.isPresent()
                    && failure.get() instanceof StreamCrashedException
                    && failure.get().getCause() instanceof SimulatedCrash) {
                if (downtime == null) {
                    downtime = Duration.ZERO;
                }
            } else if (failure.isPresent()
                    && failure.get() instanceof CheckpointStoreFailedException
                    && storeMayFail()) {
                downtime = SUPERVISOR_DELAY;
            } else if (failure.isPresent()
                    && failure.get() instanceof HandlerFailedException handlerFailure
                    && scenario.policy == ErrorPolicy.STOP
                    && !handlerFailure.removal()) {
                stoppedBy = Optional.of(handlerFailure.key());
                break;
            } else if (failure.isPresent()
                    && scenario.expectedFailure != null
                    && scenario.expectedFailure.isInstance(failure.get())) {
                ended = failure;
                break;
            } else {
                violation = Optional.of(
                        "the stream failed: " + failure.map(World::describe).orElse("without a failure"));
                break;
            }
            clock.runUntil(clock.nanoTime() + downtime.toNanos());
        }
        return judge(violation, stoppedBy, ended, realStart, null);
    }

    /**
     * Runs the scenario's copies of the stream together, each started with {@code starter}, and judges the outcome: the
     * oracle's judgement of what the store committed, and what {@link Copies} checks of leases, commits and handler
     * calls.
     */
    public SimulationResult simulateCopies(Copies.Starter starter) {
        long realStart = System.nanoTime();
        copies = new Copies(this, starter);
        scheduleActivity();
        copies.run();
        return judge(copies.violation(), copies.stoppedBy(), copies.endedAsExpected(), realStart, copies);
    }

    private SimulationResult judge(
            Optional<String> violation,
            Optional<EventKey> stoppedBy,
            Optional<StreamException> ended,
            long realStart,
            Copies copies) {
        if (violation.isEmpty()) {
            Oracle.Expectations expected = new Oracle.Expectations(
                    scenario.fromBlock, scenario.confirmations, scenario.policy, stoppedBy, ended.isPresent());
            violation = new Oracle(chain, handler, expected).check(store.committed(STREAM));
        }
        Duration real = Duration.ofNanos(System.nanoTime() - realStart);
        return new SimulationResult(
                scenario.seed,
                violation.map(this::explain),
                ended,
                trace.digest(),
                trace.count(),
                trace.last(TRACE_KEPT),
                store.committed(STREAM).effects(),
                runs,
                crashes,
                chain.reorgs(),
                copies == null
                        ? handler.calls().size()
                        : copies.report().incarnations().stream()
                                .mapToLong(Copies.Incarnation::handlerCalls)
                                .sum(),
                clock.elapsed(),
                real,
                Optional.ofNullable(copies).map(Copies::report));
    }

    private boolean storeMayFail() {
        return scenario.commitFailures > 0 || scenario.unknownOutcomes > 0 || scenario.storeOutages > 0;
    }

    private static boolean awaitTermination(StreamHandle handle) {
        try {
            return handle.awaitTermination(REAL_TIME_GUARD);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String describe(Throwable failure) {
        StringBuilder out = new StringBuilder(failure.toString());
        for (Throwable cause = failure.getCause(); cause != null && cause != failure; cause = cause.getCause()) {
            out.append("\n    caused by ").append(cause);
            StackTraceElement[] frames = cause.getStackTrace();
            for (int i = 0; i < Math.min(4, frames.length); i++) {
                out.append("\n      at ").append(frames[i]);
            }
        }
        return out.toString();
    }

    private String explain(String violation) {
        StringBuilder out = new StringBuilder()
                .append("seed ")
                .append(scenario.seed)
                .append(": ")
                .append(violation)
                .append("\n  scenario: ")
                .append(scenario.describe())
                .append("\n  chain: ")
                .append(chain)
                .append("\n  after ")
                .append(runs)
                .append(" runs, ")
                .append(crashes)
                .append(" crashes, virtual time ")
                .append(clock.elapsed())
                .append(copies == null ? "" : "\n  copies: " + copies.report().summary())
                .append("\n  replay it alone with -D")
                .append(
                        copies == null
                                ? "chainwire.simulation.seed="
                                : "test=CopiesSimulationTest " + "-Dchainwire.simulation.copies.seed=")
                .append(scenario.seed)
                .append("\n  the last ")
                .append(TRACE_SHOWN)
                .append(" engine decisions:");
        for (String entry : trace.last(TRACE_SHOWN)) {
            out.append("\n    ").append(entry);
        }
        return out.toString();
    }
}
