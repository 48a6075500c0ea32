package io.chainwire.stream.internal;

import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import io.chainwire.checkpoint.BlockRef;
import io.chainwire.checkpoint.Checkpoint;
import io.chainwire.checkpoint.StreamId;
import io.chainwire.rpc.BlockHeader;
import io.chainwire.rpc.BlockTag;
import io.chainwire.rpc.RpcErrors;
import io.chainwire.rpc.RpcException;
import io.chainwire.stream.ReorgBelowFinalizedException;
import io.chainwire.stream.ReorgTooDeepException;
import io.chainwire.stream.StreamMetrics;
import io.chainwire.stream.StreamState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;
import org.slf4j.Logger;

/**
 * The event loop of one stream, on its delivery thread: from the checkpoint (or the start block) it backfills by ranges
 * up to the chain's settled part, then follows the head block by block, checking each block's parent hash and rolling
 * back reorganisations.
 *
 * <p>The split between the two modes: ranges cover blocks up to the node's finalized block (or, on a chain that
 * finalizes slowly or not at all, up to the recent-block window below the head), which no reorganisation the stream
 * could roll back reaches; the blocks above are handled one by one, each recorded in the checkpoint, so a
 * reorganisation among them finds its exact fork point. One cursor, the next block to handle, moves through both modes,
 * so the hand-off has no gap and no duplicate.
 */
public final class StreamEngine {
    /** How many blocks behind the safe head the stream may be before it catches up by ranges. */
    static final int CATCH_UP_BY_RANGES = 16;
    /** How far above the last fetched head a pushed head may be before it is taken for a lie. */
    static final int MAX_PUSHED_JUMP = 1024;

    private static final Logger LOG = StreamLoggers.STREAM;
    private static final Duration LIVE_REPORT_INTERVAL = Duration.ofMinutes(1);
    /** How often a live stream asks for the finalized block, to record which of its blocks are final. */
    static final Duration FINALITY_CHECK_INTERVAL = Duration.ofSeconds(5);

    /** Listens to what the engine handles, for the stream's handle. */
    @FunctionalInterface
    public interface Observer {
        /** {@code block} is now the last handled block. */
        void handled(BlockRef block);
    }

    private final StreamId stream;
    private final StreamSettings settings;
    private final AnswerChecks checks;
    private final BloomCheck blooms;
    private final NodeCaller node;
    private final Delivery delivery;
    private final BlockRing ring;
    private final HeadSignal heads;
    private final HeadSubscription subscription;
    private final ExecutorService fetchers;
    private final StopSignal stop;
    private final StreamMetrics metrics;
    private final Observer observer;
    private final ProgressWatch progress;
    private long next;
    private BlockHeader head;
    private Hash verifiedHead;
    private long seenHeadVersion;
    private boolean finalizedUnsupported;
    private boolean waitingForNode;
    private long lastLiveReport;
    private long lastFinalityCheck;

    /**
     * Creates the engine.
     *
     * @param subscription the head subscription, or null to poll
     */
    StreamEngine(
            StreamSettings settings,
            NodeCaller node,
            Delivery delivery,
            int ringDepth,
            HeadSignal heads,
            HeadSubscription subscription,
            ExecutorService fetchers,
            StopSignal stop,
            ProgressWatch progress,
            Observer observer) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.stream = settings.id();
        this.checks = new AnswerChecks(settings.filter());
        this.blooms = new BloomCheck(settings.filter());
        this.node = Objects.requireNonNull(node, "node");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.ring = new BlockRing(ringDepth);
        this.heads = Objects.requireNonNull(heads, "heads");
        this.subscription = subscription;
        this.fetchers = Objects.requireNonNull(fetchers, "fetchers");
        this.stop = Objects.requireNonNull(stop, "stop");
        this.metrics = settings.metrics();
        this.observer = Objects.requireNonNull(observer, "observer");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * Runs the stream until it is stopped or fails.
     *
     * @throws StreamStopping when the stream is stopped
     * @throws io.chainwire.stream.StreamException when it fails
     */
    public void run(Optional<Checkpoint> checkpoint) {
        if (checkpoint.isPresent()) {
            Checkpoint loaded = checkpoint.get();
            loaded.recentBlocks()
                    .forEach(block -> ring.add(loaded.delivered(block.number())
                            .map(logs -> RecentBlock.handled(block, logs))
                            .orElseGet(() -> RecentBlock.withoutLogs(block))));
            next = loaded.head().number() + 1;
            observer.handled(loaded.head());
            LOG.info("stream '{}': resuming after {} from its checkpoint", stream, loaded.head());
        } else {
            next = settings.fromBlock();
            LOG.info("stream '{}': no checkpoint, starting at block {}", stream, next);
        }
        head = latest();
        while (true) {
            stop.check();
            step();
        }
    }

    /**
     * Delivers what the stream's filter adds to the filter its checkpoint was written with, in the blocks the stream
     * handled under the old one, before the stream resumes: the logs of {@code backfill}'s blocks that the new filter
     * matches and the old one did not, by ranges, each range one unit of work that records how far the backfill got. It
     * first waits until the last of those blocks is below the blocks a reorganisation could reach, so that none of its
     * logs is ever removed.
     *
     * @throws StreamStopping when the stream is stopped
     * @throws io.chainwire.stream.StreamException when it fails
     */
    void backfillAdded(FilterBackfill backfill) {
        if (backfill.done()) {
            return;
        }
        // The stream handled everything up to the backfill's last block: that is where it stands while it waits.
        next = backfill.last() + 1;
        head = latest();
        long finalized = finalizedBlock().map(BlockHeader::number).orElse(-1L);
        for (boolean waiting = false;
                backfillTarget(head.number() - settings.confirmations(), finalized) < backfill.last();
                waiting = true) {
            if (!waiting) {
                LOG.info(
                        "stream '{}': waiting for block {} to be final before it backfills what its new filter adds",
                        stream,
                        backfill.last());
            }
            // Waiting for finality is the stream's work now, not a stall.
            progress.progressed();
            awaitHead();
            finalized = finalizedBlock().map(BlockHeader::number).orElse(-1L);
        }
        LOG.info(
                "stream '{}': backfilling what its new filter adds to the recorded one ({}) in blocks {}..{}",
                stream,
                FilterText.difference(backfill.from(), backfill.to()),
                backfill.next(),
                backfill.last());
        Predicate<RawLog> matchedBefore = FilterText.matcher(backfill.from());
        backfill(backfill.next(), backfill.last(), finalized, range -> {
            List<RawLog> added = new ArrayList<>();
            range.settled().stream().filter(matchedBefore.negate()).forEach(added::add);
            range.blocks()
                    .forEach(block ->
                            block.logs().stream().filter(matchedBefore.negate()).forEach(added::add));
            delivery.applyHandled(added, backfill.after(range.to()).recordedText());
            return true;
        });
    }

    private void step() {
        Optional<RecentBlock> tip = ring.tip();
        if (tip.isPresent() && tip.get().number() > head.number()) {
            if (!waitingForNode) {
                LOG.info(
                        "stream '{}': the node's head {} is below the last handled block {}; waiting for it to catch up",
                        stream,
                        head.number(),
                        tip.get().number());
                waitingForNode = true;
            }
            awaitHead();
            return;
        }
        waitingForNode = false;
        long safe = head.number() - settings.confirmations();
        if (safe - next + 1 > CATCH_UP_BY_RANGES) {
            long finalized = finalizedBlock().map(BlockHeader::number).orElse(-1L);
            long target = backfillTarget(safe, finalized);
            if (target >= next) {
                if (!verifyTip()) {
                    backfill(next, target, finalized, this::accept);
                    head = latest();
                }
                return;
            }
        }
        if (progress.state() != StreamState.LIVE && next <= safe) {
            enter(StreamState.BACKFILLING);
        }
        boolean handledAny = false;
        while (next <= safe) {
            stop.check();
            if (!handleNext()) {
                return;
            }
            handledAny = true;
        }
        if (!handledAny && !head.hash().equals(verifiedHead) && verifyTip()) {
            return;
        }
        verifiedHead = head.hash();
        live();
        awaitHead();
    }

    private void live() {
        long lag = Math.max(0, head.number() - (next - 1));
        metrics.headLag(lag);
        long now = stop.clock().nanoTime();
        progress.progressed();
        if (progress.state() != StreamState.LIVE) {
            LOG.info("stream '{}': live at block {}, node head {}", stream, next - 1, head.number());
            lastLiveReport = now;
            enter(StreamState.LIVE);
        } else if (now - lastLiveReport >= LIVE_REPORT_INTERVAL.toNanos()) {
            LOG.info(
                    "stream '{}': live at block {}, node head {} ({} blocks behind, {} confirmations), {} RPC retries",
                    stream,
                    next - 1,
                    head.number(),
                    lag,
                    settings.confirmations(),
                    node.retries());
            lastLiveReport = now;
        }
        if (now - lastFinalityCheck >= FINALITY_CHECK_INTERVAL.toNanos()) {
            lastFinalityCheck = now;
            noteFinalized();
        }
    }

    private void enter(StreamState newState) {
        progress.enter(newState);
    }

    /**
     * Returns the last block to backfill by ranges: the safe head, but no higher than the finalized block
     * ({@code finalized}, -1 if unknown) or, if that is further back than the recent-block window, the window's lower
     * edge.
     */
    private long backfillTarget(long safe, long finalized) {
        return Math.min(safe, Math.max(finalized, safe - ring.depth()));
    }

    /**
     * Backfills blocks {@code from} to {@code to} by ranges, fetched {@code concurrency} at a time by the fetch threads
     * while up to twice as many wait, fetched, for their turn to be delivered; a range ending at or below
     * {@code finalized} is fetched without the headers of its inner blocks.
     */
    private void backfill(long from, long to, long finalized, Predicate<FetchedRange> sink) {
        enter(StreamState.BACKFILLING);
        BackfillProgress progress = new BackfillProgress(stream, from, to, stop.clock()::nanoTime, node::retries);
        OrderedFetches<FetchedRange> window = new OrderedFetches<>(
                fetchers,
                2 * settings.concurrency(),
                stop,
                FetchedRange::estimatedBytes,
                2 * settings.maxResponseBytes());
        long planned = from;
        long done = from - 1;
        try {
            while (done < to) {
                while (window.hasRoom() && planned <= to) {
                    long start = planned;
                    long end = Math.min(to, start + node.preferred().preferredSpan() - 1);
                    RangeFetch fetch = new RangeFetch(
                            stream,
                            checks,
                            blooms,
                            settings.verifyBackfill(),
                            start,
                            end,
                            end <= finalized,
                            node::isAlone);
                    window.submit(() -> node.call(fetch.describe(), fetch));
                    planned = end + 1;
                }
                FetchedRange range = window.next();
                if (!sink.test(range)) {
                    return;
                }
                done = range.to();
                long blocks = range.to() - range.from() + 1;
                metrics.blocksScanned(blocks);
                progress.advance(range.to(), blocks, range.logCount());
            }
            progress.finish();
        } finally {
            window.cancelAll();
        }
    }

    /**
     * Handles {@code settled} and the fetched blocks in one unit of work, up to the first block that does not extend
     * the one before it (or the last handled one); false on such a reorganisation, after handling the blocks before it.
     */
    private boolean accept(FetchedRange range) {
        return accept(range.settled(), range.blocks(), range.finalized());
    }

    private boolean accept(List<RawLog> settled, List<BlockLogs> blocks, boolean finalized) {
        BlockRef previous = ring.tip().map(RecentBlock::block).orElse(null);
        int linked = 0;
        for (BlockLogs block : blocks) {
            BlockRef ref = block.block();
            if (previous != null
                    && previous.number() == ref.number() - 1
                    && !ref.parentHash().equals(previous.hash())) {
                LOG.info("stream '{}': {} does not extend the last handled {}", stream, ref, previous);
                break;
            }
            previous = ref;
            linked++;
        }
        if (linked > 0) {
            List<BlockLogs> handled = blocks.subList(0, linked);
            if (finalized && linked == blocks.size()) {
                delivery.recordFinalized(handled.get(linked - 1).block());
            }
            delivery.apply(settled, handled);
            progress.progressed();
            for (BlockLogs block : handled) {
                ring.add(RecentBlock.handled(block.block(), block.logs()));
                next = block.block().number() + 1;
                observer.handled(block.block());
            }
        }
        if (linked < blocks.size()) {
            handleReorg();
            return false;
        }
        return true;
    }

    /** Handles block {@code next} on its own; false if the chain moved and the step must start over. */
    private boolean handleNext() {
        long number = next;
        BlockHeader header = number == head.number() ? head : header(number).orElse(null);
        if (header == null) {
            head = latest();
            return false;
        }
        List<RawLog> logs;
        try {
            BlockFetch fetch = new BlockFetch(stream, checks, blooms, header, node::isAlone);
            logs = node.call(fetch.describe(), fetch);
        } catch (ChainMoved e) {
            LOG.debug(
                    "stream '{}': block {} ({}) left the chain while its logs were fetched",
                    stream,
                    number,
                    header.hash());
            head = latest();
            return false;
        }
        return accept(List.of(), List.of(new BlockLogs(Headers.ref(header), logs)), false);
    }

    /** Checks that the last handled block is still on the chain; true if it was not and the stream rolled back. */
    private boolean verifyTip() {
        Optional<RecentBlock> tip = ring.tip();
        if (tip.isEmpty()) {
            return false;
        }
        long number = tip.get().number();
        Optional<Hash> onChain = number == head.number() ? Optional.of(head.hash()) : canonicalHash(number);
        if (onChain.isEmpty() || onChain.get().equals(tip.get().block().hash())) {
            return false;
        }
        LOG.info(
                "stream '{}': the last handled {} is no longer on the chain, which has {} there",
                stream,
                tip.get().block(),
                onChain.get());
        handleReorg();
        return true;
    }

    private void handleReorg() {
        List<RecentBlock> remembered = ring.newestFirst();
        ForkFinder.Fork fork =
                ForkFinder.find(remembered, this::canonicalHash).orElseGet(() -> forkBeforeTheStart(remembered));
        if (fork.orphaned().isEmpty()) {
            // Nothing handled left the chain: the block fetched was of a branch that lost meanwhile.
            awaitHead();
            return;
        }
        long lowestOrphan = fork.orphaned().get(fork.orphaned().size() - 1).number();
        Optional<BlockRef> seenFinal = delivery.record().finalized();
        if (seenFinal.isPresent() && lowestOrphan <= seenFinal.get().number()) {
            throw new ReorgBelowFinalizedException(
                    stream, lowestOrphan, seenFinal.get(), node.preferred().name());
        }
        List<BlockLogs> removals =
                fork.orphaned().stream().map(this::removalsOf).toList();
        BlockRef forkPoint = fork.forkPoint().block();
        delivery.rollBack(removals, forkPoint);
        ring.removeAbove(forkPoint.number());
        if (ring.tip().map(RecentBlock::number).orElse(-1L) != forkPoint.number()) {
            ring.add(RecentBlock.withoutLogs(forkPoint));
        }
        next = forkPoint.number() + 1;
        verifiedHead = null;
        observer.handled(forkPoint);
        int removed = removals.stream().mapToInt(block -> block.logs().size()).sum();
        LOG.warn(
                "stream '{}': chain reorganisation of depth {}: rolled back to {}, delivered {} removals; replaying from block {}",
                stream,
                fork.depth(),
                forkPoint,
                removed,
                next);
        metrics.reorg(fork.depth());
    }

    /**
     * Returns the fork of a reorganisation below every remembered block: when the window still reaches back to the
     * stream's start block, everything the stream handled is orphaned and the fork point is the block before the start;
     * otherwise the reorganisation is deeper than the window.
     *
     * @throws ReorgTooDeepException if the window does not reach back to the start
     */
    private ForkFinder.Fork forkBeforeTheStart(List<RecentBlock> remembered) {
        long lowest = remembered.get(remembered.size() - 1).number();
        long start = settings.fromBlock();
        boolean windowReachesStart = remembered.get(0).number() - ring.depth() < start && lowest >= start;
        if (!windowReachesStart || start == 0) {
            throw new ReorgTooDeepException(stream, lowest, ring.depth());
        }
        BlockHeader before = header(start - 1)
                .orElseThrow(() -> new NodeInconsistency(
                        node.preferred() + " has no block " + (start - 1) + " although it orphaned later ones"));
        return new ForkFinder.Fork(RecentBlock.withoutLogs(Headers.ref(before)), remembered);
    }

    /**
     * Returns the logs to remove for an orphaned block: those delivered from it, remembered in this run or loaded from
     * the checkpoint store after a restart. Only a block handled before the store kept delivered logs (schema version
     * 1) has none to remove.
     */
    private BlockLogs removalsOf(RecentBlock orphan) {
        if (!orphan.logsKnown()) {
            LOG.warn(
                    "stream '{}': {} is orphaned but the checkpoint store has no delivered logs for it (it was handled "
                            + "before the store kept them); the removals of its events cannot be delivered",
                    stream,
                    orphan.block());
        }
        return new BlockLogs(orphan.block(), orphan.logs());
    }

    private Optional<Hash> canonicalHash(long number) {
        return header(number).map(BlockHeader::hash);
    }

    /**
     * Returns the header of block {@code number}, checked to be that block's, or empty if the chain is not that long; a
     * node that has no such block although it reported a head at or above it is inconsistent, and asked again.
     */
    private Optional<BlockHeader> header(long number) {
        return node.call("eth_getBlockByNumber " + number, endpoint -> {
            Optional<BlockHeader> answer = endpoint.request(client -> client.getBlockByNumber(number));
            if (answer.isEmpty() && endpoint.reportedHead() >= number) {
                throw new NodeInconsistency(
                        endpoint + " has no block " + number + " although it reported head " + endpoint.reportedHead());
            }
            return answer.map(header -> AnswerChecks.header(endpoint, number, header));
        });
    }

    /**
     * Returns the node's finalized block, asked once of each endpoint; empty if none answered (asked again next time)
     * or the nodes do not serve the tag at all (never asked again).
     */
    private Optional<BlockHeader> finalizedBlock() {
        if (finalizedUnsupported) {
            return Optional.empty();
        }
        NodeCaller.Tried<Optional<BlockHeader>> tried = node.tryEach(
                "eth_getBlockByNumber finalized",
                endpoint -> endpoint.request(client -> client.getBlockByNumber(BlockTag.FINALIZED)));
        if (tried.result().isPresent()) {
            return tried.result().get();
        }
        if (!tried.failures().isEmpty() && tried.failures().stream().allMatch(StreamEngine::saysTagUnsupported)) {
            finalizedUnsupported = true;
            LOG.info(
                    "stream '{}': the nodes do not serve the finalized block; the recent-block window ({} blocks) bounds "
                            + "backfill ranges instead: {}",
                    stream,
                    ring.depth(),
                    tried.failures().get(0).getMessage());
        }
        return Optional.empty();
    }

    private static boolean saysTagUnsupported(RuntimeException failure) {
        return failure instanceof RpcException rpc && RpcErrors.isUnsupportedBlockTag(rpc);
    }

    /** Records the node's finalized block as seen finalized, if it is a block the stream handled. */
    private void noteFinalized() {
        finalizedBlock()
                .ifPresent(finalized -> ring.at(finalized.number())
                        .filter(handled -> handled.block().hash().equals(finalized.hash()))
                        .ifPresent(handled -> delivery.recordFinalized(handled.block())));
    }

    private BlockHeader latest() {
        return node.call("eth_getBlockByNumber latest", endpoint -> {
            BlockHeader latest = endpoint.request(client -> client.getBlockByNumber(BlockTag.LATEST))
                    .orElseThrow(() -> new NodeInconsistency(endpoint + " has no latest block"));
            endpoint.reportHead(latest.number());
            return latest;
        });
    }

    /**
     * Waits for the next head: pushed by the subscription, or polled when there is none, when it is down, or when it
     * stayed silent for the head timeout. A subscription that stayed silent while the node moved on is reconnected.
     */
    private void awaitHead() {
        delivery.requireLease();
        if (subscription != null) {
            subscription.maintain();
        }
        boolean subscribed = subscription != null && subscription.isSubscribed();
        Duration wait = subscribed ? settings.headTimeout() : settings.pollInterval();
        Optional<HeadSignal.Head> pushed = heads.awaitAfter(seenHeadVersion, wait);
        if (pushed.isPresent()) {
            seenHeadVersion = pushed.get().version();
            Optional<BlockHeader> fetched = pushedHead(pushed.get().header());
            if (fetched.isPresent()) {
                head = fetched.get();
                return;
            }
        }
        stop.check();
        BlockHeader polled = latest();
        if (polled.number() - settings.confirmations() >= next) {
            progress.behind(polled.number(), next - 1);
        }
        if (subscribed && subscription.isSubscribed() && !polled.hash().equals(head.hash())) {
            LOG.warn(
                    "stream '{}': no head from the subscription for {} ms while the node moved to block {}; reconnecting it",
                    stream,
                    wait.toMillis(),
                    polled.number());
            subscription.reconnect();
        }
        head = polled;
    }

    /**
     * Returns the header of a head the subscription pushed, fetched again by number, so that what a node pushed is used
     * only once a request confirms it; empty (and the head is polled instead) if the pushed number is implausibly far
     * above the last fetched head or no node has that block.
     */
    private Optional<BlockHeader> pushedHead(BlockHeader pushed) {
        if (pushed.number() > head.number() + MAX_PUSHED_JUMP) {
            LOG.warn(
                    "stream '{}': ignoring a pushed head numbered {}, more than {} blocks above the last fetched head {}",
                    stream,
                    pushed.number(),
                    MAX_PUSHED_JUMP,
                    head.number());
            return Optional.empty();
        }
        return header(pushed.number());
    }
}
