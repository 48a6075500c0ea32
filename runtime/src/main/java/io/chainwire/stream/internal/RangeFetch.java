package io.chainwire.stream.internal;

import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import io.chainwire.checkpoint.StreamId;
import io.chainwire.rpc.BlockHeader;
import io.chainwire.rpc.BlockTag;
import io.chainwire.rpc.RpcRequest;
import io.chainwire.rpc.RpcResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * Fetches one backfill range: its logs with {@code eth_getLogs} in requests as wide as the endpoint
 * {@linkplain Endpoint#logs accepts}, never beyond the head the endpoint reported itself (so a node whose log index
 * lags cannot clamp the range silently), each answer {@linkplain AnswerChecks checked} against its request; then, in
 * batches, the headers of the blocks holding logs and of the range's last block. Each log's block hash must match its
 * header; if not, the chain moved meanwhile and the range is fetched again from the start. A part of the range whose
 * answer the checks reject is asked for again; the parts fetched before it survive the retry or a failover.
 *
 * <p>A range at or below the node's finalized block cannot move, so only the header of its last block is fetched: all
 * its logs come back as settled logs, without headers, and the last block (to record as handled) without the logs that
 * a reorganisation would have to remove.
 *
 * <p>The headers fetched are checked against the logs with their blooms ({@link BloomCheck}): a log a bloom rules out
 * is a faulty answer; a block whose bloom says it may hold a matching log the node did not return makes the whole range
 * be asked again (of another endpoint if there is one), and a second answer that agrees is taken.
 */
public final class RangeFetch implements NodeCaller.Attempt<FetchedRange> {
    /** Headers asked for in one batch request. */
    static final int HEADER_BATCH = 50;
    /** Blocks after a range's last log whose blooms are checked for logs the node did not return. */
    static final int TAIL_SAMPLES = 8;

    private final StreamId stream;
    private final AnswerChecks checks;
    private final BloomCheck blooms;
    private final boolean verify;
    private final long from;
    private final long to;
    private final boolean finalized;
    private final List<RawLog> collected = new ArrayList<>();
    // Headers fetched so far, each checked to be the block asked for.
    private final Map<Long, BlockHeader> headers = new TreeMap<>();
    private long cursor;
    private final Suspicion suspicion;

    /**
     * Creates the fetch of blocks {@code from} to {@code to}, both included; {@code finalized} says that block
     * {@code to} is at or below the node's finalized block, {@code verify} that every block's bloom is checked.
     */
    RangeFetch(
            StreamId stream,
            AnswerChecks checks,
            BloomCheck blooms,
            boolean verify,
            long from,
            long to,
            boolean finalized,
            BooleanSupplier alone) {
        if (from > to) {
            throw new IllegalArgumentException("empty range " + from + ".." + to);
        }
        this.stream = stream;
        this.checks = checks;
        this.blooms = blooms;
        this.verify = verify;
        this.suspicion = new Suspicion(alone);
        this.from = from;
        this.to = to;
        this.finalized = finalized;
        this.cursor = from;
    }

    /** Describes the range for messages. */
    public String describe() {
        return "eth_getLogs over blocks " + from + ".." + to;
    }

    @Override
    public FetchedRange run(Endpoint endpoint) {
        endpoint.requireHeadAtLeast(to, describe());
        // Each part is checked as it comes, and a faulty one is asked again alone; the parts before it
        // passed their checks and are kept.
        while (cursor <= to) {
            Endpoint.Chunk chunk = endpoint.logs(stream, checks.filter(), cursor, to);
            collected.addAll(checks.range(endpoint, cursor, chunk.to(), chunk.logs()));
            cursor = chunk.to() + 1;
        }
        Map<Long, List<RawLog>> byBlock = byBlock();
        TreeSet<Long> checked = checkedBlocks(byBlock);
        fetchHeaders(endpoint, checked);
        try {
            return assemble(endpoint, byBlock, checked);
        } catch (NodeInconsistency | FaultyAnswer | SuspectAnswer e) {
            // The headers disagree with the logs, or the blooms with their completeness: start over.
            collected.clear();
            headers.clear();
            cursor = from;
            throw e;
        }
    }

    /**
     * Returns the collected logs by block, ascending, each block's logs a view of the collected list: the parts come in
     * ascending order and each is checked to be in chain order.
     */
    private Map<Long, List<RawLog>> byBlock() {
        Map<Long, List<RawLog>> byBlock = new LinkedHashMap<>();
        int first = 0;
        for (int i = 1; i <= collected.size(); i++) {
            long number = collected.get(first).meta().blockNumber();
            if (i == collected.size() || collected.get(i).meta().blockNumber() != number) {
                byBlock.put(number, collected.subList(first, i));
                first = i;
            }
        }
        return byBlock;
    }

    private FetchedRange assemble(Endpoint endpoint, Map<Long, List<RawLog>> byBlock, TreeSet<Long> checked) {
        SuspectAnswer suspect = null;
        for (long number : checked) {
            BlockHeader header = headers.get(number);
            List<RawLog> logs = byBlock.getOrDefault(number, List.of());
            requireSameBlock(number, header, logs);
            try {
                blooms.check(endpoint, describe(), header, logs);
            } catch (SuspectAnswer e) {
                suspect = suspect == null ? e : suspect;
            }
        }
        // Blooms have false positives: a second answer that agrees is taken.
        if (suspect != null && !suspicion.settledBy(endpoint)) {
            throw suspect;
        }
        BlockHeader end = headers.get(to);
        if (finalized) {
            // A finalized block never rolls back: its logs need not be kept for removals either.
            return new FetchedRange(from, to, collected, List.of(new BlockLogs(Headers.ref(end), List.of())), true);
        }
        List<BlockLogs> blocks = new ArrayList<>(byBlock.size() + 1);
        for (Map.Entry<Long, List<RawLog>> entry : byBlock.entrySet()) {
            blocks.add(new BlockLogs(Headers.ref(headers.get(entry.getKey())), entry.getValue()));
        }
        if (!byBlock.containsKey(to)) {
            blocks.add(new BlockLogs(Headers.ref(end), List.of()));
        }
        return new FetchedRange(from, to, List.of(), blocks, false);
    }

    /**
     * Returns the blocks whose headers the range needs, ascending: its last block; above the finalized block, every
     * block holding logs (to record it) and a sample of the blocks after the last log, where a lagging log index shows;
     * at or below it, that sample only when no log came back at all; with {@code verify}, every block of the range.
     */
    private TreeSet<Long> checkedBlocks(Map<Long, List<RawLog>> byBlock) {
        TreeSet<Long> numbers = new TreeSet<>();
        numbers.add(to);
        if (verify) {
            for (long number = from; number < to; number++) {
                numbers.add(number);
            }
            return numbers;
        }
        if (!finalized) {
            numbers.addAll(byBlock.keySet());
        }
        if (!finalized || byBlock.isEmpty()) {
            long afterLastLog = collected.isEmpty()
                    ? from
                    : collected.get(collected.size() - 1).meta().blockNumber() + 1;
            long span = to - afterLastLog;
            for (int i = 0; i < TAIL_SAMPLES && i < span; i++) {
                numbers.add(afterLastLog + span * i / Math.min(TAIL_SAMPLES, span));
            }
        }
        return numbers;
    }

    private static void requireSameBlock(long number, BlockHeader header, List<RawLog> logs) {
        for (RawLog log : logs) {
            Hash logBlock = log.meta().blockHash();
            if (!logBlock.equals(header.hash())) {
                throw new NodeInconsistency("a log of block " + number + " names block hash " + logBlock
                        + " but the block's header has " + header.hash() + "; the chain moved during the fetch");
            }
        }
    }

    /**
     * Fetches the headers of {@code numbers} not fetched yet, in batches, keeping every one that is the block asked
     * for, so that a retry after a faulty header asks only for what is missing.
     *
     * @throws FaultyAnswer naming the first header of another block than the one asked for
     * @throws NodeInconsistency if the node has no block that it served logs up to
     */
    private void fetchHeaders(Endpoint endpoint, TreeSet<Long> numbers) {
        List<Long> missing =
                numbers.stream().filter(number -> !headers.containsKey(number)).toList();
        RuntimeException failure = null;
        for (int start = 0; start < missing.size(); start += HEADER_BATCH) {
            List<Long> chunk = missing.subList(start, Math.min(missing.size(), start + HEADER_BATCH));
            List<RpcRequest<Optional<BlockHeader>>> requests = chunk.stream()
                    .map(number -> RpcRequest.getBlockByNumber(BlockTag.number(number)))
                    .toList();
            List<RpcResult<Optional<BlockHeader>>> results = endpoint.request(client -> client.batch(requests));
            for (int i = 0; i < chunk.size(); i++) {
                long number = chunk.get(i);
                try {
                    BlockHeader header = results.get(i)
                            .get()
                            .orElseThrow(() -> new NodeInconsistency(
                                    endpoint + " has no block " + number + " although it served logs up to it"));
                    headers.put(number, AnswerChecks.header(endpoint, number, header));
                } catch (FaultyAnswer | NodeInconsistency e) {
                    failure = failure == null ? e : failure;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
