package io.chainwire.stream.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loggers of a stream, named after its public API and split by concern, so an application can set each one's level:
 * what the stream does, what its nodes do, what its handlers do, and what its checkpoint store and lease do. The README
 * lists what each says at which level.
 */
final class StreamLoggers {
    /** Start, resume, backfill progress, live, reorganisations, stalls, roles, stop and failure. */
    static final Logger STREAM = LoggerFactory.getLogger("io.chainwire.stream.EventStream");

    /** Node requests: retries, failovers, faulty answers, rate limits, head subscriptions. */
    static final Logger NODES = LoggerFactory.getLogger("io.chainwire.stream.EventStream.nodes");

    /** Handler calls: transient retries, skipped events, dead letters, undecodable logs. */
    static final Logger HANDLERS = LoggerFactory.getLogger("io.chainwire.stream.EventStream.handlers");

    /** The checkpoint store and the lease: outages, retries, renewals. */
    static final Logger STORE = LoggerFactory.getLogger("io.chainwire.stream.EventStream.store");

    private StreamLoggers() {}
}
