package io.chainwire.stream.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.abi.LogMeta;
import io.chainwire.abi.RawLog;
import io.chainwire.abi.TopicFilter;
import io.chainwire.rpc.BlockHeader;
import io.chainwire.rpc.LogFilter;
import io.chainwire.rpc.RpcEndpoint;
import io.chainwire.stream.StreamMetrics;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule an eth_getLogs answer or a header must keep, and what a broken one says. */
class AnswerChecksTest {
    private static final Address TRACKED = Address.fromHex("0x00000000000000000000000000000000000000aa");
    private static final Address OTHER = Address.fromHex("0x00000000000000000000000000000000000000bb");
    private static final Hash TOPIC = Hash.fromHex("0x" + "11".repeat(32));
    private static final Hash OTHER_TOPIC = Hash.fromHex("0x" + "22".repeat(32));

    private final Endpoint endpoint = new Endpoint(
            RpcEndpoint.of("http://127.0.0.1:1/"),
            "http://127.0.0.1:1/",
            Duration.ofSeconds(1),
            100,
            Duration.ofMinutes(1),
            1 << 20,
            StreamMetrics.NONE,
            new StopSignal(EngineClock.SYSTEM),
            NetworkConnector.INSTANCE);
    private final AnswerChecks checks = new AnswerChecks(LogFilter.builder()
            .address(TRACKED)
            .topics(TopicFilter.builder().topic(0, TOPIC).build())
            .build());

    private static Hash blockHash(long number) {
        return Hash.fromHex(String.format("0x%064x", number));
    }

    private static RawLog log(long block, int logIndex) {
        return log(block, blockHash(block), logIndex, TRACKED, TOPIC);
    }

    private static RawLog log(long block, Hash hash, int logIndex, Address address, Hash topic) {
        return new RawLog(
                List.of(topic), Bytes.EMPTY, new LogMeta(address, block, hash, blockHash(1000 + block), 0, logIndex));
    }

    private String failure(long from, long to, List<RawLog> logs) {
        return assertThrows(FaultyAnswer.class, () -> checks.range(endpoint, from, to, logs))
                .getMessage();
    }

    @Test
    void anAnswerInChainOrderPassesAsItIs() {
        List<RawLog> logs = List.of(log(5, 0), log(5, 1), log(7, 0));
        assertSame(logs, checks.range(endpoint, 5, 7, logs));
    }

    @Test
    void anAnswerOutOfOrderComesBackInChainOrder() {
        assertEquals(
                List.of(log(5, 0), log(5, 1), log(7, 0)),
                checks.range(endpoint, 5, 7, List.of(log(7, 0), log(5, 1), log(5, 0))));
    }

    @Test
    void rejectsALogOutsideTheRequestedBlocks() {
        assertEquals(
                "http://127.0.0.1:1/ answered eth_getLogs over blocks 5..7 with a log outside the requested blocks:"
                        + " block 8 (" + blockHash(8) + "), log index 0, address " + TRACKED,
                failure(5, 7, List.of(log(5, 0), log(8, 0))));
    }

    @Test
    void rejectsALogFromAnAddressNotAskedFor() {
        assertEquals(
                "http://127.0.0.1:1/ answered eth_getLogs over blocks 5..7 with a log from an address the filter"
                        + " does not ask for: block 6 (" + blockHash(6) + "), log index 0, address " + OTHER,
                failure(5, 7, List.of(log(6, blockHash(6), 0, OTHER, TOPIC))));
    }

    @Test
    void rejectsALogWithATopicNotAskedFor() {
        assertEquals(
                "http://127.0.0.1:1/ answered eth_getLogs over blocks 5..7 with a log whose topic 0 the filter"
                        + " does not ask for: block 6 (" + blockHash(6) + "), log index 0, address " + TRACKED,
                failure(5, 7, List.of(log(6, blockHash(6), 0, TRACKED, OTHER_TOPIC))));
    }

    @Test
    void rejectsALogThatComesTwice() {
        assertEquals(
                "http://127.0.0.1:1/ answered eth_getLogs over blocks 5..7 with a log more than once: block 6 ("
                        + blockHash(6) + "), log index 1, address " + TRACKED,
                failure(5, 7, List.of(log(6, 0), log(6, 1), log(6, 1))));
    }

    @Test
    void rejectsLogsOfOneBlockWithDifferentBlockHashes() {
        Hash forked = Hash.fromHex("0x" + "ff".repeat(32));
        assertEquals(
                "http://127.0.0.1:1/ answered eth_getLogs over blocks 5..7 with a log whose block hash differs from"
                        + " the block's other logs (" + blockHash(6) + "): block 6 (" + forked
                        + "), log index 1, address " + TRACKED,
                failure(5, 7, List.of(log(6, 0), log(6, forked, 1, TRACKED, TOPIC))));
    }

    @Test
    void rejectsALogOfAnotherBlockWhenAskedByHash() {
        BlockHeader header = new BlockHeader(6, blockHash(6), blockHash(5), 1);
        FaultyAnswer failure =
                assertThrows(FaultyAnswer.class, () -> checks.block(endpoint, header, List.of(log(7, 0))));
        assertEquals(
                "http://127.0.0.1:1/ answered eth_getLogs of block 6 (" + blockHash(6) + ") with a log of another"
                        + " block: block 7 (" + blockHash(7) + "), log index 0, address " + TRACKED,
                failure.getMessage());
    }

    @Test
    void rejectsTheHeaderOfAnotherBlock() {
        BlockHeader other = new BlockHeader(985, blockHash(985), blockHash(984), 1);
        FaultyAnswer failure = assertThrows(FaultyAnswer.class, () -> AnswerChecks.header(endpoint, 980, other));
        assertEquals(
                "http://127.0.0.1:1/ answered eth_getBlockByNumber 980 with block 985 (" + blockHash(985) + ")",
                failure.getMessage());
    }
}
