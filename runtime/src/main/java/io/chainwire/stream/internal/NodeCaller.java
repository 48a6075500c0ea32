package io.chainwire.stream.internal;

import io.chainwire.checkpoint.StreamId;
import io.chainwire.rpc.RpcErrorKind;
import io.chainwire.rpc.RpcErrors;
import io.chainwire.rpc.RpcException;
import io.chainwire.stream.ChainMismatchException;
import io.chainwire.stream.NodeRequestFailedException;
import io.chainwire.stream.StreamMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Runs a stream's node calls with retry and failover, deciding by what a retry can change. Endpoints are tried in the
 * order given:
 *
 * <ul>
 *   <li>a transient failure (I/O, timeout, 5xx, a provider's internal error, a node answer that disagrees with the
 *       chain) or a {@linkplain FaultyAnswer faulty answer} is retried on the same endpoint after an exponential
 *       backoff with full jitter, up to a number of attempts; then the endpoint cools down and the next one takes over;
 *   <li>a rate limit moves to another endpoint at once when one is ready, and otherwise waits for the endpoint's rate
 *       gate, which honours {@code Retry-After} up to a cap;
 *   <li>an answer that {@linkplain SuspectAnswer may be incomplete}, or a node that {@linkplain NodeBehind has not
 *       reached} the block asked for, is asked of another endpoint when there is one, else again after a backoff;
 *   <li>a permanent refusal moves to the next endpoint at once; only when every endpoint refused in a row does the call
 *       fail.
 * </ul>
 *
 * A cooled-down endpoint is tried again when its cool-down ends, first in order again. When every endpoint is cooling
 * down the caller waits for the first to come back, so a stream keeps trying for as long as it runs; the
 * {@link ProgressWatch} tells when that goes on too long.
 */
public final class NodeCaller {
    private static final Logger LOG = StreamLoggers.NODES;
    /** How long an endpoint fails in a row before the others stop waiting for its second opinion. */
    static final Duration ALONE_AFTER = Duration.ofMinutes(1);

    /** One attempt of a call on one endpoint. */
    @FunctionalInterface
    public interface Attempt<T> {
        /** Makes the call's requests on {@code endpoint}. */
        T run(Endpoint endpoint);
    }

    /** What the caller does after a failed attempt. */
    private enum Next {
        RETRY,
        ELSEWHERE,
        REFUSED
    }

    private final StreamId stream;
    private final List<Endpoint> endpoints;
    private final Backoff backoff;
    private final int attemptsPerEndpoint;
    private final StopSignal stop;
    private final StreamMetrics metrics;
    private final ProgressWatch progress;
    private final ChainCheck chains;
    private final AtomicLong retries = new AtomicLong();
    private volatile Endpoint current;

    /** Creates a caller over {@code endpoints}, in failover order. */
    NodeCaller(
            StreamId stream,
            List<Endpoint> endpoints,
            Backoff backoff,
            int attemptsPerEndpoint,
            StopSignal stop,
            StreamMetrics metrics,
            ProgressWatch progress,
            ChainCheck chains) {
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("need at least one endpoint");
        }
        this.stream = Objects.requireNonNull(stream, "stream");
        this.endpoints = List.copyOf(endpoints);
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.attemptsPerEndpoint = attemptsPerEndpoint;
        this.stop = Objects.requireNonNull(stop, "stop");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.chains = Objects.requireNonNull(chains, "chains");
        this.current = this.endpoints.get(0);
    }

    /** Returns the endpoint calls go to now: the first one in order that is not cooling down. */
    public Endpoint preferred() {
        long now = stop.clock().nanoTime();
        return endpoints.stream()
                .filter(endpoint -> endpoint.isUpAt(now))
                .findFirst()
                .orElse(current);
    }

    /**
     * Returns true if no more than one endpoint can be counted on: the others refused the stream for good or have
     * failed for {@link #ALONE_AFTER} in a row. A brief cool-down does not count, so a lying endpoint's answer is not
     * taken just because the honest one blinked.
     */
    public boolean isAlone() {
        long now = stop.clock().nanoTime();
        return endpoints.stream()
                        .filter(endpoint -> !endpoint.isGoneAt(now, ALONE_AFTER))
                        .count()
                <= 1;
    }

    /** Returns how many failed attempts were retried so far. */
    public long retries() {
        return retries.get();
    }

    /**
     * Runs {@code attempt} until it succeeds on some endpoint.
     *
     * @param what the request, for messages: {@code eth_getLogs over blocks 1..100}
     * @throws NodeRequestFailedException if every endpoint in a row refused it permanently
     * @throws StreamStopping if the stream stops meanwhile
     */
    public <T> T call(String what, Attempt<T> attempt) {
        int refusals = 0;
        Endpoint avoid = null;
        while (true) {
            stop.check();
            Endpoint endpoint = pick(avoid);
            avoid = null;
            for (int attemptNumber = 1; ; attemptNumber++) {
                RuntimeException failure;
                Next next;
                try {
                    chains.verify(endpoint);
                    T result = attempt.run(endpoint);
                    endpoint.markUp();
                    return result;
                } catch (ChainCheck.WrongChain e) {
                    LOG.error("stream '{}': refusing {} for good: {}", stream, endpoint, e.getMessage());
                    requireUsable();
                    break;
                } catch (RpcException e) {
                    stop.check();
                    failure = e;
                    next = decide(endpoint, what, e);
                } catch (FaultyAnswer e) {
                    stop.check();
                    failure = e;
                    next = Next.RETRY;
                    LOG.warn("stream '{}': faulty answer, not used: {}", stream, e.getMessage());
                    metrics.faultyAnswer(endpoint.name());
                } catch (SuspectAnswer e) {
                    stop.check();
                    failure = e;
                    next = Next.ELSEWHERE;
                    LOG.info("stream '{}': {}; asking again", stream, e.getMessage());
                } catch (NodeBehind e) {
                    stop.check();
                    failure = e;
                    next = Next.ELSEWHERE;
                    LOG.debug("stream '{}': {}", stream, e.getMessage());
                } catch (NodeInconsistency e) {
                    stop.check();
                    failure = e;
                    next = Next.RETRY;
                }
                progress.failed(what + " on " + endpoint + ": " + failure.getMessage());
                if (next == Next.REFUSED) {
                    RpcException refusal = (RpcException) failure;
                    if (++refusals >= endpoints.size()) {
                        throw new NodeRequestFailedException(stream, what, refusal);
                    }
                    LOG.warn(
                            "stream '{}': {} refused {}: {}; trying the next endpoint",
                            stream,
                            endpoint,
                            what,
                            refusal.getMessage());
                    endpoint.markDown(backoff);
                    break;
                }
                refusals = 0;
                if (next == Next.ELSEWHERE && hasOtherThan(endpoint)) {
                    avoid = endpoint;
                    retries.incrementAndGet();
                    metrics.rpcRetry(endpoint.name());
                    break;
                }
                if (attemptNumber >= attemptsPerEndpoint) {
                    LOG.warn(
                            "stream '{}': {} failed on {} {} times in a row, last: {}; {}",
                            stream,
                            what,
                            endpoint,
                            attemptNumber,
                            failure.getMessage(),
                            endpoints.size() > 1 ? "it cools down and the next endpoint takes over" : "it cools down");
                    endpoint.markDown(backoff);
                    break;
                }
                Duration delay = backoff.delay(attemptNumber);
                retries.incrementAndGet();
                metrics.rpcRetry(endpoint.name());
                LOG.debug(
                        "stream '{}': {} failed on {} (attempt {}), retrying in {} ms: {}",
                        stream,
                        what,
                        endpoint,
                        attemptNumber,
                        delay.toMillis(),
                        failure.getMessage());
                stop.sleep(delay);
            }
        }
    }

    private Next decide(Endpoint endpoint, String what, RpcException failure) {
        RpcErrorKind kind = RpcErrors.classify(failure);
        if (RpcErrors.isRateLimit(failure)) {
            LOG.debug("stream '{}': {} rate-limited {}: {}", stream, endpoint, what, failure.getMessage());
            return Next.ELSEWHERE;
        }
        return switch (kind) {
            case TRANSIENT -> Next.RETRY;
            case BEYOND_HEAD -> Next.ELSEWHERE;
            case RANGE_TOO_LARGE, PERMANENT -> Next.REFUSED;
        };
    }

    /**
     * Tries {@code attempt} once on each usable endpoint in order, without waiting between tries, until one succeeds:
     * for questions the stream can do without for a while.
     *
     * @return the first success, or the failures of every endpoint
     * @throws StreamStopping if the stream stops meanwhile
     */
    public <T> Tried<T> tryEach(String what, Attempt<T> attempt) {
        List<RuntimeException> failures = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            stop.check();
            if (endpoint.refusal().isPresent()) {
                continue;
            }
            try {
                chains.verify(endpoint);
                return new Tried<>(Optional.of(attempt.run(endpoint)), List.of());
            } catch (RpcException
                    | FaultyAnswer
                    | SuspectAnswer
                    | NodeBehind
                    | NodeInconsistency
                    | ChainCheck.WrongChain e) {
                stop.check();
                LOG.debug("stream '{}': {} failed on {}: {}", stream, what, endpoint, e.getMessage());
                failures.add(e);
            }
        }
        return new Tried<>(Optional.empty(), List.copyOf(failures));
    }

    /**
     * The outcome of {@link #tryEach}: the result, or every endpoint's failure.
     *
     * @param result the first success, if any
     * @param failures the failures before it, or of every endpoint
     * @param <T> the result type
     */
    public record Tried<T>(Optional<T> result, List<RuntimeException> failures) {}

    /**
     * Checks that some endpoint may still be used.
     *
     * @throws ChainMismatchException if every endpoint was refused for serving another chain
     */
    private void requireUsable() {
        if (endpoints.stream().allMatch(endpoint -> endpoint.refusal().isPresent())) {
            throw new ChainMismatchException(
                    stream,
                    "every endpoint serves another chain: "
                            + String.join(
                                    "; ",
                                    endpoints.stream()
                                            .map(endpoint -> endpoint.refusal().orElseThrow())
                                            .toList()));
        }
    }

    private boolean hasOtherThan(Endpoint endpoint) {
        long now = stop.clock().nanoTime();
        return endpoints.stream().anyMatch(other -> other != endpoint && other.isUpAt(now));
    }

    /**
     * Returns the first endpoint in order that is up and ready (not held back by its rate gate), other than
     * {@code avoid} if there is such; else the first one that is up; else waits for the first cool-down to end.
     */
    private Endpoint pick(Endpoint avoid) {
        requireUsable();
        while (true) {
            long now = stop.clock().nanoTime();
            Endpoint up = null;
            Endpoint soonest = null;
            for (Endpoint endpoint : endpoints) {
                if (endpoint.isUpAt(now)) {
                    if (endpoint != avoid && endpoint.isReadyAt(now)) {
                        use(endpoint);
                        return endpoint;
                    }
                    if (up == null || (up == avoid && endpoint != avoid)) {
                        up = endpoint;
                    }
                } else if (endpoint.refusal().isEmpty()
                        && (soonest == null || endpoint.downUntil() - soonest.downUntil() < 0)) {
                    soonest = endpoint;
                }
            }
            if (up != null) {
                use(up);
                return up;
            }
            Duration wait = Duration.ofNanos(Math.max(0, soonest.downUntil() - now));
            LOG.warn(
                    "stream '{}': every endpoint is failing; trying {} again in {} ms",
                    stream,
                    soonest,
                    wait.toMillis());
            stop.sleep(wait);
        }
    }

    private synchronized void use(Endpoint endpoint) {
        Endpoint previous = current;
        if (previous != endpoint) {
            current = endpoint;
            LOG.warn("stream '{}': switching from {} to {}", stream, previous, endpoint);
            metrics.failover(previous.name(), endpoint.name());
        }
    }
}
