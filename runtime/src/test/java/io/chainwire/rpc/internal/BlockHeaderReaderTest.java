package io.chainwire.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import io.chainwire.rpc.BlockHeader;
import io.chainwire.rpc.Bloom;
import io.chainwire.rpc.RpcResponseException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlockHeaderReaderTest {
    private static final RpcCall<Optional<BlockHeader>> GET_BLOCK =
            new RpcCall<>("eth_getBlockByNumber", Params.NONE, BlockHeaderReader.OPTIONAL);
    private static final RpcCall<List<RawLog>> GET_LOGS = new RpcCall<>("eth_getLogs", Params.NONE, LogsParser.LOGS);
    private static final Bloom BLOOM_6 =
            Bloom.fromHex("0x0020000000000000000000200000000000000000000000000000200000080000"
                    + "000100000000000000000000000000000000000000000000020000000000000000000040000000000000000000000000"
                    + "000002000000001000000000000000000000004000000000200200000000000000000000000000000000000000000000"
                    + "000000000000000000000000000000000000000000000000000040020000000001000000000010020000000000000000"
                    + "000000000000000000000000200000000000004200000000000000000000000000000000000000800000000000000000"
                    + "0000400000000000000000000000000020000000000000000008000000000000");
    private static final BlockHeader BLOCK_6 = new BlockHeader(
            6,
            Hash.fromHex("0x9a14e4b276f277c83ed53fb08bc596488389622c8963c928f835c3f3feb6ad39"),
            Hash.fromHex("0xc79b9ed0cc1065e79d3aaa54e2d5aa59680715acf001fdae5ab48fe40601e74b"),
            0x6b095c6dL,
            Optional.of(BLOOM_6));

    @Test
    void readsTheHeaderOfARecordedAnvilBlockSkippingEverythingElse() {
        assertEquals(
                Optional.of(BLOCK_6),
                Responses.single(Responses.resource("anvil-getBlockByNumber.json"), 3, GET_BLOCK));
    }

    @Test
    void theBloomOfARecordedBlocksLogsIsItsLogsBloom() {
        List<RawLog> logs = Responses.single(Responses.resource("anvil-getLogs.json"), 7, GET_LOGS);

        assertEquals(3, logs.size());
        assertEquals(BLOOM_6, Bloom.of(logs));
        for (RawLog log : logs) {
            assertTrue(BLOOM_6.mightContain(log.address()));
            log.topics().forEach(topic -> assertTrue(BLOOM_6.mightContain(topic)));
        }
    }

    @Test
    void readsABlockWithoutLogsBloom() {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"number\":\"0x7\",\"hash\":\"" + BLOCK_6.hash()
                + "\",\"parentHash\":\"" + BLOCK_6.parentHash() + "\",\"timestamp\":\"0x1\"}}";

        BlockHeader header = Responses.single(body, 1, GET_BLOCK).orElseThrow();

        assertEquals(Optional.empty(), header.logsBloom());
        assertEquals(new BlockHeader(7, BLOCK_6.hash(), BLOCK_6.parentHash(), 1), header);
    }

    @Test
    void rejectsALogsBloomOfTheWrongSize() {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"number\":\"0x7\",\"hash\":\"" + BLOCK_6.hash()
                + "\",\"parentHash\":\"" + BLOCK_6.parentHash() + "\",\"timestamp\":\"0x1\",\"logsBloom\":\"0x00ff\"}}";

        RpcResponseException e = assertThrows(RpcResponseException.class, () -> Responses.single(body, 1, GET_BLOCK));

        assertEquals("result.logsBloom", e.path());
    }

    @Test
    void readsANullBlockAsEmpty() {
        assertEquals(
                Optional.empty(), Responses.single("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":null}", 1, GET_BLOCK));
    }

    @Test
    void readsTheHeadOfARecordedNewHeadsNotification() {
        BlockHeader head = WebSocketMessages.notificationResult(
                Responses.resource("anvil-newHeads-notification.json").getBytes(StandardCharsets.UTF_8),
                Responses.ENDPOINT,
                BlockHeaderReader.REQUIRED);

        assertEquals(7, head.number());
        assertTrue(head.logsBloom().isPresent());
        assertEquals(BLOCK_6.hash(), head.parentHash());
        assertTrue(BLOCK_6.isParentOf(head));
    }

    @Test
    void rejectsAPendingBlockWithoutHash() {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"number\":\"0x7\",\"hash\":null,"
                + "\"parentHash\":\"0x9a14e4b276f277c83ed53fb08bc596488389622c8963c928f835c3f3feb6ad39\",\"timestamp\":\"0x1\"}}";

        RpcResponseException e = assertThrows(RpcResponseException.class, () -> Responses.single(body, 1, GET_BLOCK));

        assertEquals("result.hash", e.path());
        assertTrue(
                e.getMessage().contains("expected a 32-byte hash as a 0x-prefixed string, got null"), e.getMessage());
    }

    @Test
    void namesMissingHeaderFields() {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"number\":\"0x7\"}}";

        RpcResponseException e = assertThrows(RpcResponseException.class, () -> Responses.single(body, 1, GET_BLOCK));

        assertEquals("result", e.path());
        assertTrue(e.getMessage().contains("block without hash, parentHash, timestamp"), e.getMessage());
    }
}
