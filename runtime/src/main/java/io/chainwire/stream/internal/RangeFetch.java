package io.chainwire.stream.internal;

import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import io.chainwire.rpc.BlockHeader;
import io.chainwire.rpc.BlockTag;
import io.chainwire.rpc.RpcErrorKind;
import io.chainwire.rpc.RpcErrors;
import io.chainwire.rpc.RpcException;
import io.chainwire.rpc.RpcRequest;
import io.chainwire.rpc.RpcResult;
import io.chainwire.rpc.RpcTimeoutException;
import io.chainwire.stream.StreamMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;

/**
 * Fetches one backfill range: its logs with {@code eth_getLogs} in requests no wider than the
 * endpoint accepts (a refused request shrinks the endpoint's range and is asked again narrower),
 * never beyond the head the endpoint reported itself (so a node whose log index lags cannot clamp
 * the range silently), each answer {@linkplain AnswerChecks checked} against its request; then, in
 * batches, the headers of the blocks holding logs and of the range's last block. Each log's
 * block hash must match its header; if not, the chain moved meanwhile and the range is fetched
 * again from the start. Logs already fetched survive a retry or a failover otherwise.
 *
 * <p>A range at or below the node's finalized block cannot move, so only the header of its last
 * block is fetched: all its logs come back as settled logs, without headers, and the last block
 * (to record as handled) without the logs that a reorganisation would have to remove.
 */
public final class RangeFetch implements NodeCaller.Attempt<FetchedRange> {
  /** Headers asked for in one batch request. */
  static final int HEADER_BATCH = 50;

  private static final Logger LOG = StreamLoggers.NODES;

  private final AnswerChecks checks;
  private final long from;
  private final long to;
  private final boolean finalized;
  private final StreamMetrics metrics;
  private final List<RawLog> collected = new ArrayList<>();
  private long cursor;

  /**
   * Creates the fetch of blocks {@code from} to {@code to}, both included; {@code finalized} says
   * that block {@code to} is at or below the node's finalized block.
   */
  public RangeFetch(AnswerChecks checks, long from, long to, boolean finalized, StreamMetrics metrics) {
    if (from > to) {
      throw new IllegalArgumentException("empty range " + from + ".." + to);
    }
    this.checks = checks;
    this.from = from;
    this.to = to;
    this.finalized = finalized;
    this.metrics = metrics;
    this.cursor = from;
  }

  /** Describes the range for messages. */
  public String describe() {
    return "eth_getLogs over blocks " + from + ".." + to;
  }

  @Override
  public FetchedRange run(Endpoint endpoint) {
    endpoint.requireHeadAtLeast(to, describe());
    while (cursor <= to) {
      long span = Math.min(endpoint.ranges().current(), to - cursor + 1);
      long start = cursor;
      long end = start + span - 1;
      try {
        List<RawLog> logs = checks.range(
            endpoint, start, end, endpoint.request(client -> client.getLogs(checks.filter().withRange(start, end))));
        long before = endpoint.ranges().current();
        if (endpoint.ranges().succeeded(span) != before) {
          metrics.rangeSize(endpoint.name(), endpoint.ranges().current());
        }
        collected.addAll(logs);
        cursor = end + 1;
      } catch (RpcException e) {
        boolean tooLarge = RpcErrors.classify(e) == RpcErrorKind.RANGE_TOO_LARGE;
        if (span == 1 || !(tooLarge || e instanceof RpcTimeoutException)) {
          throw e;
        }
        long size = endpoint.ranges().refused(span);
        metrics.rangeSize(endpoint.name(), size);
        LOG.debug("{} refused {} blocks from {}; asking for {} at a time: {}", endpoint, span, start, size, e.getMessage());
        if (!tooLarge) {
          throw e;
        }
      }
    }
    try {
      return assemble(endpoint);
    } catch (NodeInconsistency | FaultyAnswer e) {
      collected.clear();
      cursor = from;
      throw e;
    }
  }

  private FetchedRange assemble(Endpoint endpoint) {
    if (finalized) {
      int endStart = collected.size();
      while (endStart > 0 && collected.get(endStart - 1).meta().blockNumber() == to) {
        endStart--;
      }
      BlockHeader end = headers(endpoint, List.of(to)).get(to);
      requireSameBlock(to, end, collected.subList(endStart, collected.size()));
      // A finalized block never rolls back: its logs need not be kept for removals either.
      return new FetchedRange(from, to, collected, List.of(new BlockLogs(Headers.ref(end), List.of())), true);
    }
    Map<Long, List<RawLog>> byBlock = new LinkedHashMap<>();
    for (RawLog log : collected) {
      byBlock.computeIfAbsent(log.meta().blockNumber(), number -> new ArrayList<>()).add(log);
    }
    TreeSet<Long> numbers = new TreeSet<>(byBlock.keySet());
    numbers.add(to);
    Map<Long, BlockHeader> headers = headers(endpoint, new ArrayList<>(numbers));
    List<BlockLogs> blocks = new ArrayList<>(byBlock.size() + 1);
    for (Map.Entry<Long, List<RawLog>> entry : byBlock.entrySet()) {
      BlockHeader header = headers.get(entry.getKey());
      requireSameBlock(entry.getKey(), header, entry.getValue());
      blocks.add(new BlockLogs(Headers.ref(header), entry.getValue()));
    }
    if (!byBlock.containsKey(to)) {
      blocks.add(new BlockLogs(Headers.ref(headers.get(to)), List.of()));
    }
    return new FetchedRange(from, to, List.of(), blocks, false);
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

  private static Map<Long, BlockHeader> headers(Endpoint endpoint, List<Long> numbers) {
    Map<Long, BlockHeader> headers = new LinkedHashMap<>();
    for (int start = 0; start < numbers.size(); start += HEADER_BATCH) {
      List<Long> chunk = numbers.subList(start, Math.min(numbers.size(), start + HEADER_BATCH));
      List<RpcRequest<Optional<BlockHeader>>> requests =
          chunk.stream().map(number -> RpcRequest.getBlockByNumber(BlockTag.number(number))).toList();
      List<RpcResult<Optional<BlockHeader>>> results = endpoint.request(client -> client.batch(requests));
      for (int i = 0; i < chunk.size(); i++) {
        long number = chunk.get(i);
        BlockHeader header = results.get(i).get().orElseThrow(() ->
            new NodeInconsistency(endpoint + " has no block " + number + " although it served logs up to it"));
        headers.put(number, AnswerChecks.header(endpoint, number, header));
      }
    }
    return headers;
  }
}
