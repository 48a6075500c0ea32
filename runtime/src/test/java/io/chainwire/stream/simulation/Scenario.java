package io.chainwire.stream.simulation;

import io.chainwire.stream.ErrorPolicy;
import io.chainwire.stream.StreamException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Everything one simulation run does, as settings to read and change: the chain and what happens to it, the nodes and
 * their faults, the stream's configuration, the handler's failures, the store's faults, crashes and restarts, and
 * scripted steps. {@link #fromSeed} draws the default mix from a seed; tests start from it or from {@link #quiet} and
 * change what they test. Everything random in a run is drawn from generators seeded by {@link #seed}.
 */
public final class Scenario {
    /** The seed of every generator in the run. */
    public final long seed;

    // The chain.
    public long chainId = 1;
    public boolean chainIdConfigured;
    public int finalityDistance = 32;
    public double busyShare = 0.5;
    public double undecodableShare;
    public int orphanRetention = 64;
    /** Blocks mined before the stream first starts. */
    public int initialBlocks = 40;
    /** Blocks mined while the simulation's activity lasts. */
    public int activityBlocks = 30;

    public Duration blockTime = Duration.ofSeconds(12);
    /** Reorganisations at random times of the activity, each of a random depth up to {@link #maxReorgDepth}. */
    public int reorgs;

    public int maxReorgDepth = 4;
    /** Whether a reorganisation may fork below the stream's start block. */
    public boolean reorgsBelowStart;

    // The nodes: one per entry, in failover order.
    public final List<Faults> nodes = new ArrayList<>();
    /** Which nodes are WebSocket endpoints (subscriptions); the others are HTTP. */
    public final List<Boolean> webSocket = new ArrayList<>();
    /** The index of a node that serves another chain (another chain id), or -1. */
    public int foreignNode = -1;
    /** Times at which the nodes' views fall behind for a while, as a load balancer's replicas do. */
    public int lagEpisodes;

    // The stream.
    public int confirmations;
    public ErrorPolicy policy = ErrorPolicy.SKIP;
    public long fromBlock;
    public int recentBlocks = 32;
    public long maxRange = 2_000;
    public int concurrency = 4;
    public boolean verifyBackfill;
    public Duration pollInterval = Duration.ofSeconds(2);
    public Duration headTimeout = Duration.ofSeconds(30);
    public Duration requestTimeout = Duration.ofSeconds(10);
    public Duration startupTimeout = Duration.ofSeconds(30);
    public Duration initialBackoff = Duration.ofMillis(250);
    public Duration maxBackoff = Duration.ofSeconds(10);
    public int attemptsPerEndpoint = 3;
    public int handlerAttempts = 10;

    // The handler and the store.
    public SimulationHandler.Script handler = SimulationHandler.Script.none();
    public double commitFailures;
    public double unknownOutcomes;
    public double storeCrashes;
    /** Store outages at random times of the activity, each up to {@link #maxOutage} long. */
    public int storeOutages;

    public Duration maxOutage = Duration.ofMinutes(1);

    // Crashes and restarts, at random times of the activity: with several copies, a kill of one copy
    // (the leader or another) and a clean shutdown of the leader, each started again after a downtime.
    public int crashes;
    public int restarts;
    public Duration maxDowntime = Duration.ofMinutes(3);

    // Copies of the stream (see Copies): with two or more, they share the store and take turns through the lease.
    public int copies = 1;
    public Duration leaseDuration = Duration.ofSeconds(10);
    public Duration leaseRenewal = Duration.ofSeconds(3);
    /**
     * Pauses of a copy (SIGSTOP) at random times: where it waits, at one of its next handler calls, or before a commit.
     */
    public int pauses;

    public Duration maxPause = Duration.ofSeconds(30);
    /** Partitions of a copy from the store (its calls fail, or hang first) at random times. */
    public int storePartitions;
    /** Partitions of a copy from the nodes (its requests time out, its subscriptions go quiet) at random times. */
    public int nodePartitions;

    public Duration maxPartition = Duration.ofSeconds(30);

    /**
     * The failure that ends the stream as it should (a reorganisation too deep to roll back), or null: the simulation
     * then ends there and the oracle judges only what was committed until then.
     */
    public Class<? extends StreamException> expectedFailure;

    /** How long after the activity the stream has to catch up before the run ends. */
    public Duration catchUp = Duration.ofMinutes(30);

    /** Scripted steps, at fixed times from the start. */
    public final List<Step> steps = new ArrayList<>();

    /**
     * A scripted step.
     *
     * @param at when, from the start
     * @param name for the trace
     * @param action what it does
     */
    public record Step(Duration at, String name, Consumer<World> action) {}

    private Scenario(long seed) {
        this.seed = seed;
    }

    /** Returns a run without faults, reorganisations, crashes or failures, and one HTTP node. */
    public static Scenario quiet(long seed) {
        Scenario scenario = new Scenario(seed);
        scenario.nodes.add(Faults.none());
        scenario.webSocket.add(false);
        return scenario;
    }

    /**
     * Returns the default mix for {@code seed}: what today's engine is meant to handle. Reorganisations, timeouts, rate
     * limits, 5xx and I/O errors, range and result limits, lagging views and finalized tags, dropped subscriptions,
     * crashes and restarts from the checkpoint, store failures, handler failures under every error policy, 0 to 3
     * confirmations, one or two nodes over HTTP or WebSocket.
     */
    public static Scenario fromSeed(long seed) {
        Random random = new Random(seed ^ 0x5DEECE66DL);
        Scenario s = new Scenario(seed);
        int finality = random.nextInt(10);
        s.finalityDistance = finality < 3 ? -1 : finality < 5 ? 8 + random.nextInt(8) : 32 + random.nextInt(33);
        s.busyShare = 0.2 + 0.6 * random.nextDouble();
        s.policy = ErrorPolicy.values()[random.nextInt(ErrorPolicy.values().length)];
        s.undecodableShare = s.policy == ErrorPolicy.STOP && random.nextBoolean() ? 0 : 0.03 * random.nextDouble();
        s.initialBlocks = switch (random.nextInt(6)) {
            case 0 -> random.nextInt(20);
            case 1 -> 15 + random.nextInt(4);
            case 2 -> 30 + random.nextInt(100);
            case 3 -> 200 + random.nextInt(800);
            default -> 1_000 + random.nextInt(3_000);
        };
        s.activityBlocks = 10 + random.nextInt(60);
        s.blockTime = random.nextInt(4) == 0 ? Duration.ofSeconds(2) : Duration.ofSeconds(12);
        s.recentBlocks = new int[] {16, 32, 64, 128}[random.nextInt(4)];
        s.confirmations = random.nextInt(4);
        s.maxReorgDepth = 1 + random.nextInt(Math.min(8, s.recentBlocks / 2));
        s.reorgs = random.nextInt(5);
        s.fromBlock = random.nextInt(3) == 0 ? random.nextInt(s.initialBlocks + 1) : 0;
        int endpoints = 1 + random.nextInt(2);
        for (int i = 0; i < endpoints; i++) {
            Faults faults = random.nextInt(4) == 0 ? Faults.none() : Faults.honest(random);
            s.nodes.add(faults);
            s.webSocket.add(random.nextBoolean());
        }
        s.lagEpisodes = random.nextInt(3);
        s.maxRange = new long[] {10, 100, 2_000}[random.nextInt(3)];
        s.concurrency = 1 + random.nextInt(4);
        s.pollInterval = random.nextBoolean() ? Duration.ofMillis(500) : Duration.ofSeconds(2);
        s.headTimeout = random.nextBoolean() ? Duration.ofSeconds(5) : Duration.ofSeconds(60);
        s.requestTimeout = random.nextBoolean() ? Duration.ofSeconds(2) : Duration.ofSeconds(30);
        s.maxBackoff = random.nextBoolean() ? Duration.ofSeconds(5) : Duration.ofSeconds(30);
        s.attemptsPerEndpoint = 1 + random.nextInt(3);
        s.handler = new SimulationHandler.Script(
                random.nextLong(),
                random.nextBoolean() ? 0.1 * random.nextDouble() : 0,
                1 + random.nextInt(3),
                random.nextBoolean() ? 0.05 * random.nextDouble() : 0);
        if (random.nextBoolean()) {
            s.commitFailures = 0.02 * random.nextDouble();
            s.unknownOutcomes = 0.02 * random.nextDouble();
            s.storeCrashes = 0.01 * random.nextDouble();
            s.storeOutages = random.nextInt(3);
        }
        s.crashes = random.nextInt(4);
        s.restarts = random.nextInt(3);
        s.reorgsBelowStart = random.nextInt(3) == 0;
        s.verifyBackfill = random.nextInt(4) == 0;
        s.chainIdConfigured = random.nextBoolean();
        if (random.nextInt(4) == 0) {
            s.nodes.get(0).lie(random, s.nodes.size() == 1, s.verifyBackfill);
        }
        return s;
    }

    /**
     * Returns the mix of copies for {@code seed}: the default mix of {@link #fromSeed} (the same chain, nodes, faults
     * and handler), run by two or three copies sharing the store, with a lease of 2, 10 or 30 seconds, pauses longer
     * than the lease (where a copy waits, in the middle of a unit of work, or before its commit), partitions from the
     * store and from the nodes, kills and clean shutdowns of copies.
     */
    public static Scenario copiesFromSeed(long seed) {
        Scenario s = fromSeed(seed);
        Random random = new Random(seed * 0x2545F4914F6CDD1DL + 11);
        s.copies = 2 + random.nextInt(2);
        switch (random.nextInt(3)) {
            case 0 -> {
                s.leaseDuration = Duration.ofSeconds(2);
                s.leaseRenewal = Duration.ofMillis(500);
            }
            case 1 -> {
                s.leaseDuration = Duration.ofSeconds(10);
                s.leaseRenewal = Duration.ofSeconds(3);
            }
            default -> {
                s.leaseDuration = Duration.ofSeconds(30);
                s.leaseRenewal = Duration.ofSeconds(8);
            }
        }
        s.pauses = random.nextInt(5);
        s.maxPause = s.leaseDuration.multipliedBy(3);
        s.storePartitions = random.nextInt(3);
        s.nodePartitions = random.nextInt(2);
        s.maxPartition = s.leaseDuration.multipliedBy(3);
        // A copy started again probes its node more than once before it gives up, even with 30 s request timeouts.
        s.startupTimeout = Duration.ofMinutes(2);
        return s;
    }

    private static Duration shortest(Duration a, Duration b) {
        Duration floor = Duration.ofMillis(100);
        Duration shorter = a.compareTo(b) <= 0 ? a : b;
        return shorter.compareTo(floor) < 0 ? floor : shorter;
    }

    /** Returns the virtual time the chain's activity lasts. */
    public Duration activity() {
        return blockTime.multipliedBy(activityBlocks);
    }

    /** Describes the scenario in one line, for failure messages. */
    public String describe() {
        StringBuilder nodesText = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            nodesText
                    .append(i == 0 ? "" : ", ")
                    .append(webSocket.get(i) ? "ws" : "http")
                    .append(i == foreignNode ? " (other chain)" : "");
        }
        return "chain of " + initialBlocks + "+" + activityBlocks + " blocks"
                + (finalityDistance < 0 ? " without finality" : ", finalized " + finalityDistance + " behind")
                + ", " + reorgs + " reorgs up to " + maxReorgDepth + " deep, nodes [" + nodesText + "], "
                + confirmations + " confirmations, policy " + policy + ", fromBlock " + fromBlock + ", window "
                + recentBlocks
                + ", " + crashes + " crashes, " + restarts + " restarts, " + storeOutages + " store outages"
                + (copies < 2
                        ? ""
                        : ", " + copies + " copies with a lease of " + leaseDuration.toMillis() + " ms, " + pauses
                                + " pauses, " + storePartitions + " store partitions, " + nodePartitions
                                + " node partitions");
    }
}
