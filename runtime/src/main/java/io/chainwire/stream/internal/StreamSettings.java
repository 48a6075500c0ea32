package io.chainwire.stream.internal;

import io.chainwire.checkpoint.CheckpointStore;
import io.chainwire.checkpoint.StreamId;
import io.chainwire.handler.EventDispatcher;
import io.chainwire.rpc.LogFilter;
import io.chainwire.rpc.RpcEndpoint;
import io.chainwire.stream.ErrorPolicy;
import io.chainwire.stream.StreamMetrics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A stream's configuration, validated by {@link io.chainwire.stream.EventStream.Builder}.
 *
 * @param id the checkpoint key
 * @param endpoints the nodes, in failover order
 * @param filter the addresses and topics of the logs to fetch, without a block range
 * @param fromBlock the first block when there is no checkpoint
 * @param confirmations how deep a block must be before it is delivered
 * @param store the checkpoint store the caller gave, if any
 * @param checkpointDirectory where the default SQLite store's file goes when no store is given
 * @param dispatchers the handlers, in delivery order
 * @param errorPolicy what a deterministic handler failure does
 * @param pollInterval how often heads are polled without a subscription
 * @param headTimeout how long a subscription may stay silent before the node is polled
 * @param maxRange the widest {@code eth_getLogs} range
 * @param concurrency the most ranges fetched at once
 * @param requestTimeout the timeout of one request
 * @param initialBackoff the first retry's backoff ceiling
 * @param maxBackoff the highest backoff and cool-down
 * @param attemptsPerEndpoint the attempts on one endpoint before failing over
 * @param handlerAttempts the attempts of a transiently failing handler call
 * @param maxRetryAfter the longest {@code Retry-After} delay honoured
 * @param stallTimeout how long without progress makes the stream stalled
 * @param chainId the chain the stream must run on, if configured
 * @param startupTimeout how long the stream waits for a first endpoint to answer before failing
 * @param failFast whether the stream fails when no endpoint answered within the startup timeout
 * @param requireContractCode whether an address without contract code fails the stream
 * @param leaseDuration how long a lease lasts after each renewal
 * @param leaseRenewal how often the leader renews its lease
 * @param fencing whether units of work commit only under the current lease epoch
 * @param storeOutageLimit how long the checkpoint store may stay unreachable before the stream fails
 * @param strictDecoding whether a log of a tracked address that does not decode fails the stream
 * @param verifyBackfill whether every backfilled block is checked against its bloom
 * @param backfillAddedFilter whether a filter that differs from the checkpoint's is taken, after backfilling what it
 *     adds, instead of failing the stream
 * @param maxResponseBytes the largest response read from a node; fetched ranges held wait within twice it
 * @param metrics where counters and gauges go
 * @param environment the clock, node connections, randomness and fetch threads the engine uses
 */
public record StreamSettings(
        StreamId id,
        List<RpcEndpoint> endpoints,
        LogFilter filter,
        long fromBlock,
        int confirmations,
        Optional<CheckpointStore> store,
        Path checkpointDirectory,
        List<EventDispatcher> dispatchers,
        ErrorPolicy errorPolicy,
        Duration pollInterval,
        Duration headTimeout,
        long maxRange,
        int concurrency,
        Duration requestTimeout,
        Duration initialBackoff,
        Duration maxBackoff,
        int attemptsPerEndpoint,
        int handlerAttempts,
        Duration maxRetryAfter,
        Duration stallTimeout,
        OptionalLong chainId,
        Duration startupTimeout,
        boolean failFast,
        boolean requireContractCode,
        Duration leaseDuration,
        Duration leaseRenewal,
        boolean fencing,
        Duration storeOutageLimit,
        boolean strictDecoding,
        boolean verifyBackfill,
        boolean backfillAddedFilter,
        long maxResponseBytes,
        StreamMetrics metrics,
        Environment environment) {

    /** Copies the lists and checks that nothing is missing. */
    public StreamSettings {
        Objects.requireNonNull(id, "id");
        endpoints = List.copyOf(endpoints);
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(checkpointDirectory, "checkpointDirectory");
        dispatchers = List.copyOf(dispatchers);
        Objects.requireNonNull(errorPolicy, "errorPolicy");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(headTimeout, "headTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        Objects.requireNonNull(stallTimeout, "stallTimeout");
        Objects.requireNonNull(chainId, "chainId");
        Objects.requireNonNull(startupTimeout, "startupTimeout");
        Objects.requireNonNull(leaseDuration, "leaseDuration");
        Objects.requireNonNull(leaseRenewal, "leaseRenewal");
        Objects.requireNonNull(storeOutageLimit, "storeOutageLimit");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(environment, "environment");
    }

    /** Returns the file of the default SQLite checkpoint store: {@code <directory>/<id>.db}. */
    public Path defaultStoreFile() {
        return checkpointDirectory.resolve(id.value() + ".db");
    }
}
