package io.chainwire.stream.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The switches of one simulated node: honest faults (latency, timeouts, rate limits, server and I/O errors, range and
 * result limits, a lagging view, a head subscription that drops or goes silent, a finalized tag that is missing, lags
 * or goes backwards) and lies (answers that do not match the question). A panel of switches rather than a value: the
 * simulation turns them on and off as it runs. Probabilities are per request, or per answer that the lie applies to.
 */
public final class Faults {
    /** How a node serves the {@code finalized} block tag. */
    public enum Finalized {
        /** The chain's finalized block. */
        SUPPORTED,
        /** An error: the node does not know the tag. */
        UNSUPPORTED,
        /** A block {@link #finalizedLag} behind the chain's finalized one. */
        LAGGING,
        /** Up to {@link #finalizedLag} behind the chain's, at random: it moves backwards now and then. */
        BACKWARDS
    }

    // Honest faults.
    /** The most a request takes, in virtual milliseconds. */
    public int maxLatencyMillis = 40;
    /** Requests that time out: the node answers nothing and the client waits out its timeout. */
    public double timeouts;
    /** Requests refused with HTTP 429 and a {@code Retry-After} of up to {@link #retryAfterSeconds}. */
    public double rateLimits;
    /** The most seconds a 429's {@code Retry-After} asks for. */
    public int retryAfterSeconds = 2;
    /** 429s ask for {@code Retry-After: 999999999} instead. */
    public boolean absurdRetryAfter;
    /** Requests answered with HTTP 502 or 503 and no JSON-RPC body. */
    public double serverErrors;
    /** Requests whose connection resets. */
    public double ioErrors;
    /** Requests answered with -32603 "internal error: upstream timeout". */
    public double internalErrors;
    /** Block and log requests answered with -32000 "header not found", as a replica behind others does. */
    public double headerNotFound;
    /** The widest {@code eth_getLogs} block range the node serves; 0 for no limit. */
    public long maxRange;
    /** The most logs one {@code eth_getLogs} answer may hold; 0 for no limit. */
    public int maxResults;
    /** How many blocks the node's view is behind the chain's head. */
    public int viewLag;
    /** How the node serves the finalized block. */
    public Finalized finalized = Finalized.SUPPORTED;
    /** How far behind a lagging or backwards finalized block is. */
    public int finalizedLag;
    /** Pushed heads after which the subscription drops. */
    public double subscriptionDrops;
    /** The subscription stays open but pushes nothing. */
    public boolean subscriptionSilent;
    /** Subscription attempts that fail to connect. */
    public double subscribeFailures;

    // Lies.
    /** Log answers that include a log of a contract not asked for. */
    public double foreignAddressLogs;
    /** Range answers that include a log of a block outside the range. */
    public double outOfRangeLogs;
    /** Log answers that hold one log twice. */
    public double repeatedLogs;
    /** Log answers that mark a log {@code removed: true}. */
    public double removedLogs;
    /** Block-by-number answers that give a neighbouring block instead. */
    public double wrongBlockNumbers;
    /** How many blocks the log index lags the node's head: ranges are silently cut at its height. */
    public int logIndexLag;
    /** Log-by-block-hash answers that are empty although the block has matching logs. */
    public double emptyLogsByHash;
    /** Log answers in which one log names another block hash than its block's. */
    public double inconsistentLogHashes;
    /** Pushed heads with the number 2^62 instead of the real one. */
    public double absurdHeads;
    /** Log answers with more logs than this are too large for the transport; 0 for no bound. */
    public int oversizedAbove;
    /** The node never answers: every request waits out its timeout. */
    public boolean silent;

    /** Returns a node without faults. */
    public static Faults none() {
        return new Faults();
    }

    /** Returns honest faults at rates and limits drawn from {@code random}. */
    public static Faults honest(Random random) {
        Faults faults = new Faults();
        faults.maxLatencyMillis = 5 + random.nextInt(80);
        faults.timeouts = pick(random, 0.3, 0.01);
        faults.rateLimits = pick(random, 0.4, 0.05);
        faults.retryAfterSeconds = random.nextInt(4);
        faults.serverErrors = pick(random, 0.4, 0.03);
        faults.ioErrors = pick(random, 0.3, 0.02);
        faults.internalErrors = pick(random, 0.3, 0.02);
        faults.headerNotFound = pick(random, 0.2, 0.02);
        faults.absurdRetryAfter = random.nextInt(8) == 0;
        faults.maxRange = random.nextInt(3) == 0 ? 0 : 20 + random.nextInt(500);
        faults.maxResults = random.nextInt(3) == 0 ? 0 : 40 + random.nextInt(200);
        faults.finalized = Finalized.values()[random.nextInt(Finalized.values().length)];
        faults.finalizedLag = random.nextInt(20);
        faults.subscriptionDrops = pick(random, 0.3, 0.05);
        faults.subscribeFailures = pick(random, 0.3, 0.3);
        return faults;
    }

    /**
     * Switches on one lie drawn from {@code random}, among those a stream must see through with this node alone
     * ({@code alone}) or with an honest second node to ask; logs naming another block hash only where {@code verified}
     * backfill checks every block.
     */
    public void lie(Random random, boolean alone, boolean verified) {
        double often = 0.1 + 0.2 * random.nextDouble();
        List<Runnable> lies = new ArrayList<>(List.of(
                () -> foreignAddressLogs = often,
                () -> outOfRangeLogs = often,
                () -> repeatedLogs = often,
                () -> removedLogs = often,
                () -> wrongBlockNumbers = often,
                () -> emptyLogsByHash = often,
                () -> absurdHeads = often,
                () -> oversizedAbove = 10 + random.nextInt(30)));
        if (!alone) {
            lies.add(() -> logIndexLag = 1 + random.nextInt(4));
        }
        if (verified) {
            lies.add(() -> inconsistentLogHashes = often);
        }
        lies.get(random.nextInt(lies.size())).run();
    }

    private static double pick(Random random, double chance, double rate) {
        return random.nextDouble() < chance ? rate * (0.5 + random.nextDouble()) : 0;
    }

    /**
     * Ends the faults that come and go (timeouts, rate limits, errors, a lagging view, a silent subscription), so that
     * the stream can catch up; limits, the finalized tag's behaviour and the lies stay.
     */
    public void heal() {
        timeouts = 0;
        rateLimits = 0;
        serverErrors = 0;
        ioErrors = 0;
        internalErrors = 0;
        headerNotFound = 0;
        viewLag = 0;
        subscriptionDrops = 0;
        subscriptionSilent = false;
        subscribeFailures = 0;
    }
}
