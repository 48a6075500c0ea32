package io.chainwire.stream.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.abi.Hash;
import io.chainwire.checkpoint.StreamId;
import io.chainwire.rpc.BlockHeader;
import io.chainwire.rpc.BlockTag;
import io.chainwire.rpc.NewHeadsListener;
import io.chainwire.rpc.RpcClient;
import io.chainwire.rpc.RpcEndpoint;
import io.chainwire.rpc.RpcErrorException;
import io.chainwire.rpc.RpcRequest;
import io.chainwire.rpc.RpcResult;
import io.chainwire.rpc.RpcTransportException;
import io.chainwire.stream.NodeRequestFailedException;
import io.chainwire.stream.StreamMetrics;
import io.chainwire.stream.simulation.VirtualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Retry and failover decisions, with attempts that fail as told instead of calling a node. */
class NodeCallerTest {
    // Virtual time: waits move it on at once, so cool-downs end exactly when the test says.
    private final VirtualClock clock = new VirtualClock(() -> {});
    private final StopSignal stop = new StopSignal(clock);
    private final Endpoint first = endpoint("http://127.0.0.1:1/first");
    private final Endpoint second = endpoint("http://127.0.0.1:1/second");
    private final List<String> calls = new ArrayList<>();
    private final NodeCaller caller = new NodeCaller(
            StreamId.of("test"),
            List.of(first, second),
            new Backoff(Duration.ofMillis(1), Duration.ofMillis(20), new Random(1)),
            3,
            stop,
            StreamMetrics.NONE,
            new ProgressWatch(StreamId.of("test"), clock, Duration.ofMinutes(1), StreamMetrics.NONE, state -> {}),
            new ChainCheck(StreamId.of("test"), OptionalLong.of(1)));

    private Endpoint endpoint(String url) {
        return new Endpoint(
                RpcEndpoint.of(url),
                url,
                Duration.ofSeconds(1),
                100,
                Duration.ofMinutes(1),
                1 << 20,
                StreamMetrics.NONE,
                stop,
                PROBED);
    }

    /** Nodes that pass the probe (chain 1, head 100); the attempts under test make no requests of their own. */
    private static final NodeConnector PROBED = new NodeConnector() {
        @Override
        public RpcClient open(RpcEndpoint endpoint, Duration timeout, long maxResponseBytes) {
            return new RpcClient() {
                @Override
                public RpcEndpoint endpoint() {
                    return endpoint;
                }

                @Override
                public long chainId() {
                    return 1;
                }

                @Override
                public Optional<BlockHeader> getBlockByNumber(BlockTag block) {
                    Hash hash = Hash.fromHex("0x" + "01".repeat(32));
                    return Optional.of(new BlockHeader(100, hash, hash, 1));
                }

                @Override
                public <T> T send(RpcRequest<T> request) {
                    throw new UnsupportedOperationException(request.method());
                }

                @Override
                public <T> List<RpcResult<T>> batch(List<? extends RpcRequest<? extends T>> requests) {
                    throw new UnsupportedOperationException("batch");
                }

                @Override
                public void close() {}
            };
        }

        @Override
        public CompletableFuture<HeadFeed> subscribeNewHeads(
                RpcEndpoint endpoint, Duration timeout, NewHeadsListener listener) {
            throw new UnsupportedOperationException("subscribeNewHeads");
        }
    };

    private static RpcTransportException unreachable(Endpoint endpoint) {
        return new RpcTransportException("eth_blockNumber", endpoint.address(), "connection refused", null);
    }

    private static RpcErrorException refused(Endpoint endpoint) {
        return new RpcErrorException("eth_blockNumber", endpoint.address(), -32601, "method not found", null);
    }

    private String record(Endpoint endpoint) {
        calls.add(endpoint == first ? "first" : "second");
        return endpoint.name();
    }

    @Test
    void retriesTransientFailuresOnTheSameEndpoint() {
        String answer = caller.call("eth_blockNumber", endpoint -> {
            if (calls.size() < 2) {
                record(endpoint);
                throw unreachable(endpoint);
            }
            return record(endpoint);
        });
        assertEquals(first.name(), answer);
        assertEquals(List.of("first", "first", "first"), calls);
        assertEquals(2, caller.retries());
    }

    @Test
    void failsOverAfterTheAttemptsPerEndpointAndPrefersTheFirstAgainAfterItsCoolDown() {
        String answer = caller.call("eth_blockNumber", endpoint -> {
            record(endpoint);
            if (endpoint == first) {
                throw unreachable(endpoint);
            }
            return endpoint.name();
        });
        assertEquals(second.name(), answer);
        assertEquals(List.of("first", "first", "first", "second"), calls);
        assertSame(second, caller.preferred());

        stop.sleep(Duration.ofMillis(5));
        assertSame(first, caller.preferred());
    }

    @Test
    void movesOnAtOnceAfterAPermanentRefusalAndFailsWhenEveryEndpointRefuses() {
        NodeRequestFailedException failure = assertThrows(
                NodeRequestFailedException.class,
                () -> caller.call("eth_foo", endpoint -> {
                    record(endpoint);
                    throw refused(endpoint);
                }));
        assertEquals(List.of("first", "second"), calls);
        assertInstanceOf(RpcErrorException.class, failure.getCause());
        assertEquals(
                "stream 'test': every endpoint refused eth_foo; last: "
                        + failure.getCause().getMessage(),
                failure.getMessage());
    }

    @Test
    void treatsADisagreeingAnswerAsTransient() {
        String answer = caller.call("eth_getLogs", endpoint -> {
            if (calls.isEmpty()) {
                record(endpoint);
                throw new NodeInconsistency("the chain moved");
            }
            return record(endpoint);
        });
        assertEquals(first.name(), answer);
        assertEquals(List.of("first", "first"), calls);
    }

    @Test
    void aFaultyAnswerIsCountedRetriedThereAndThenFailedOver() {
        List<String> faulty = new ArrayList<>();
        NodeCaller counting = new NodeCaller(
                StreamId.of("test"),
                List.of(first, second),
                new Backoff(Duration.ofMillis(1), Duration.ofMillis(20), new Random(1)),
                3,
                stop,
                new StreamMetrics() {
                    @Override
                    public void faultyAnswer(String endpoint) {
                        faulty.add(endpoint);
                    }
                },
                new ProgressWatch(StreamId.of("test"), clock, Duration.ofMinutes(1), StreamMetrics.NONE, state -> {}),
                new ChainCheck(StreamId.of("test"), OptionalLong.of(1)));
        String answer = counting.call("eth_getLogs", endpoint -> {
            record(endpoint);
            if (endpoint == first) {
                throw new FaultyAnswer(endpoint + " answered a log outside the range");
            }
            return endpoint.name();
        });
        assertEquals(second.name(), answer);
        assertEquals(List.of("first", "first", "first", "second"), calls);
        assertEquals(List.of(first.name(), first.name(), first.name()), faulty);
    }

    @Test
    void aSuspectAnswerIsAskedOfAnotherEndpointAtOnce() {
        String answer = caller.call("eth_getLogs", endpoint -> {
            record(endpoint);
            if (endpoint == first) {
                throw new SuspectAnswer(endpoint + " answered no log for a block whose bloom says it may hold one");
            }
            return endpoint.name();
        });
        assertEquals(second.name(), answer);
        assertEquals(List.of("first", "second"), calls);
        assertSame(first, caller.preferred());
    }

    @Test
    void anEndpointThatBlinksStillCountsForASecondOpinionUntilItHasFailedForAMinute() {
        first.markUp();
        second.markDown(new Backoff(Duration.ofMillis(1), Duration.ofMillis(20), new Random(1)));
        assertFalse(caller.isAlone(), "a brief failure of the second endpoint leaves the first not alone");

        stop.sleep(NodeCaller.ALONE_AFTER.minusMillis(1));
        second.markDown(new Backoff(Duration.ofMillis(1), Duration.ofMillis(20), new Random(1)));
        assertFalse(caller.isAlone(), "failures in a row count from the first one");

        stop.sleep(Duration.ofMillis(1));
        assertTrue(caller.isAlone(), "the second endpoint has failed for a minute in a row");

        second.markUp();
        assertFalse(caller.isAlone(), "a success ends the streak");
    }

    @Test
    void aRateLimitedEndpointIsLeftForAReadyOneAndAnAbsurdRetryAfterIsCapped() {
        String answer = caller.call("eth_getLogs", endpoint -> {
            record(endpoint);
            if (endpoint == first) {
                return endpoint.request(client -> {
                    throw new RpcTransportException(
                            "eth_getLogs", endpoint.address(), 429, Duration.ofSeconds(999_999_999), "");
                });
            }
            return endpoint.name();
        });
        assertEquals(second.name(), answer);
        assertEquals(List.of("first", "second"), calls);
        long now = clock.nanoTime();
        assertFalse(first.isReadyAt(now));
        assertTrue(first.isReadyAt(now + Duration.ofMinutes(1).plusSeconds(1).toNanos()));
    }

    @Test
    void stopsRetryingWhenTheStreamStops() {
        assertThrows(
                StreamStopping.class,
                () -> caller.call("eth_blockNumber", endpoint -> {
                    stop.stop();
                    throw unreachable(endpoint);
                }));
    }
}
