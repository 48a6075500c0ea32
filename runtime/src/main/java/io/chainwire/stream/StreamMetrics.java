package io.chainwire.stream;

/**
 * Counters and gauges a stream reports as it runs, for a metrics system to record. Every method has an empty default,
 * so an implementation overrides what it records; {@link #NONE} records nothing. One instance serves one stream: tag it
 * with the stream id when you create it.
 *
 * <p>Methods are called from the stream's threads (the delivery thread, range fetchers, the head subscription) and must
 * return quickly without throwing. Endpoint arguments are redacted URLs.
 */
public interface StreamMetrics {
    /** Records nothing. */
    StreamMetrics NONE = new StreamMetrics() {};

    /** Gauge: the stream entered {@code state}. */
    default void stateChanged(StreamState state) {}

    /** Gauge: block {@code number} is the last handled block (its unit of work committed). */
    default void blockHandled(long number) {}

    /** Counter: backfill covered {@code count} more blocks, with or without events. */
    default void blocksScanned(long count) {}

    /** Counter: {@code count} events were delivered to handlers. */
    default void eventsDelivered(int count) {}

    /** Counter: {@code count} removals were delivered to handlers after a reorganisation. */
    default void eventsRemoved(int count) {}

    /** Gauge: the node's head is {@code blocks} blocks ahead of the last handled block. */
    default void headLag(long blocks) {}

    /** Counter: the chain reorganised and the stream rolled back {@code depth} blocks. */
    default void reorg(int depth) {}

    /** Counter: a call to {@code endpoint} failed transiently and will be retried. */
    default void rpcRetry(String endpoint) {}

    /** Counter: {@code endpoint} gave an answer its question rules out, which was not used. */
    default void faultyAnswer(String endpoint) {}

    /** Gauge: the stream is {@link StreamState#STALLED} (true) or moving (false). */
    default void stalled(boolean stalled) {}

    /**
     * Gauge and counter: this copy of the stream became {@code role}; {@code epoch} is the lease epoch it took, or, on
     * becoming a standby, the one it held.
     */
    default void roleChanged(StreamRole role, long epoch) {}

    /** Counter: renewing the lease failed; the copy keeps leading while it can still prove the lease. */
    default void leaseRenewalFailed() {}

    /** Counter: the stream stopped using {@code from} for now and moved to {@code to}. */
    default void failover(String from, String to) {}

    /** Gauge: the learned {@code eth_getLogs} block range of {@code endpoint} is now {@code blocks}. */
    default void rangeSize(String endpoint, long blocks) {}

    /** Counter: the head subscription on {@code endpoint} was (re)established. */
    default void subscribed(String endpoint) {}

    /** Counter: {@code handler} failed transiently and its event will be retried. */
    default void handlerRetry(String handler) {}

    /** Counter: {@code handler} failed on an event that the {@link ErrorPolicy#SKIP} policy skipped. */
    default void eventSkipped(String handler) {}

    /** Counter: a log claimed an event {@code handler} takes but did not decode as it, and was passed over. */
    default void undecodableLog(String handler) {}

    /** Counter: {@code handler} failed on an event that was recorded as a dead letter. */
    default void deadLetter(String handler) {}
}
