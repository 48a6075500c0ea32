package io.chainwire.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.abi.Address;
import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValueTypesTest {
    private static final Hash H1 = Hash.fromHex("0x" + "1".repeat(64));
    private static final Hash H2 = Hash.fromHex("0x" + "2".repeat(64));

    @Test
    void blockTagsWriteNumbersAsHexAndTagsByName() {
        assertEquals("0x0", BlockTag.number(0).toParam());
        assertEquals("0x1234", BlockTag.number(0x1234).toParam());
        assertEquals("finalized", BlockTag.FINALIZED.toParam());
        assertEquals(4660, BlockTag.number(0x1234).number());
        assertThrows(IllegalStateException.class, BlockTag.SAFE::number);
        assertThrows(IllegalArgumentException.class, () -> BlockTag.number(-1));
        assertEquals(BlockTag.number(7), BlockTag.number(7));
    }

    @Test
    void logFiltersTakeEitherARangeOrABlockHash() {
        LogFilter template =
                LogFilter.builder().address(Address.ZERO, Address.ZERO).build();

        LogFilter range = template.withRange(10, 20);
        assertEquals(Optional.of(BlockTag.number(10)), range.fromBlock());
        assertEquals(1, range.addresses().size());
        LogFilter block = range.withBlockHash(H1);
        assertEquals(Optional.empty(), block.fromBlock());
        assertEquals(Optional.of(H1), block.blockHash());

        IllegalArgumentException both = assertThrows(
                IllegalArgumentException.class,
                () -> LogFilter.builder().blockHash(H1).fromBlock(1).build());
        assertTrue(both.getMessage().contains("either blockHash or fromBlock/toBlock"));
        IllegalArgumentException backwards =
                assertThrows(IllegalArgumentException.class, () -> template.withRange(5, 4));
        assertEquals("fromBlock 5 is after toBlock 4", backwards.getMessage());
    }

    @Test
    void headersKnowTheirChild() {
        BlockHeader parent = new BlockHeader(5, H1, H2, 100);

        assertTrue(parent.isParentOf(new BlockHeader(6, H2, H1, 112)));
        assertFalse(parent.isParentOf(new BlockHeader(6, H2, H2, 112)));
        assertFalse(parent.isParentOf(new BlockHeader(7, H2, H1, 112)));
    }

    @Test
    void receiptsRejectMissingPartsAndCopyTheirLogs() {
        List<RawLog> logs = new ArrayList<>();
        TransactionReceipt receipt = new TransactionReceipt(H1, 3, H2, true, Optional.empty(), logs);
        logs.add(null);

        assertEquals(List.of(), receipt.logs());
        assertThrows(
                NullPointerException.class,
                () -> new TransactionReceipt(H1, 3, null, true, Optional.empty(), List.of()));
        assertEquals(
                "blockNumber must not be negative, got -1",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new TransactionReceipt(H1, -1, H2, true, Optional.empty(), List.of()))
                        .getMessage());
    }

    @Test
    void requestsCarryTheirOwnTimeout() {
        RpcRequest<Long> request = RpcRequest.blockNumber();

        assertEquals(Optional.empty(), request.timeout());
        assertEquals(
                Optional.of(Duration.ofSeconds(2)),
                request.withTimeout(Duration.ofSeconds(2)).timeout());
        assertThrows(IllegalArgumentException.class, () -> request.withTimeout(Duration.ZERO));
    }

    @Test
    void batchResultsHoldAValueOrRethrowTheFailure() {
        RpcErrorException failure = new RpcErrorException("m", RpcEndpoint.of("http://127.0.0.1:1"), -1, "no", null);

        assertEquals(3, RpcResult.success(3).get());
        assertEquals(Optional.of(failure), RpcResult.failure(failure).error());
        assertEquals(failure, assertThrows(RpcErrorException.class, RpcResult.failure(failure)::get));
    }
}
