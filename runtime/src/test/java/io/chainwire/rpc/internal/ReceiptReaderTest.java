package io.chainwire.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import io.chainwire.rpc.RpcResponseException;
import io.chainwire.rpc.TransactionReceipt;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReceiptReaderTest {
    private static final RpcCall<Optional<TransactionReceipt>> GET_RECEIPT =
            new RpcCall<>("eth_getTransactionReceipt", Params.NONE, ReceiptReader.OPTIONAL);
    private static final Hash TRANSACTION =
            Hash.fromHex("0x71857e37a7635d72f16fa652fc07d3215528a621677ccf2cbf9bf6067da597d5");
    private static final Hash BLOCK =
            Hash.fromHex("0xd18ea9cb15969cb5ee80779cb0a7776b7e13ee1cea55b478c595c5c88de39a03");
    private static final String RECEIPT = "{\"status\":\"0x1\","
            + "\"logs\":[],"
            + "\"transactionHash\":\"" + TRANSACTION.toHex() + "\","
            + "\"blockHash\":\"" + BLOCK.toHex() + "\","
            + "\"blockNumber\":\"0x1\","
            + "\"contractAddress\":null}";

    @Test
    void readsARecordedAnvilDeploymentWithItsContractAddressAndLogs() {
        TransactionReceipt receipt = Responses.single(
                        Responses.resource("anvil-getTransactionReceipt-deployment.json"), 5, GET_RECEIPT)
                .orElseThrow();

        assertEquals(TRANSACTION, receipt.transactionHash());
        assertEquals(1, receipt.blockNumber());
        assertEquals(BLOCK, receipt.blockHash());
        assertTrue(receipt.succeeded());
        Address created = Address.fromHex("0x5fbdb2315678afecb367f032d93f642f64180aa3");
        assertEquals(Optional.of(created), receipt.contractAddress());
        assertEquals(2, receipt.logs().size());
        RawLog second = receipt.logs().get(1);
        assertEquals(created, second.address());
        assertEquals(List.of(Hash.fromHex("0x" + "b".repeat(64))), second.topics());
        assertEquals(Bytes.fromHex("0x" + "0".repeat(63) + "1"), second.data());
        assertEquals(1, second.meta().logIndex());
        assertEquals(TRANSACTION, second.meta().transactionHash());
        assertEquals(BLOCK, second.meta().blockHash());
    }

    @Test
    void readsARecordedRevertedCallAsFailedWithoutContractOrLogs() {
        TransactionReceipt receipt = Responses.single(
                        Responses.resource("anvil-getTransactionReceipt-reverted.json"), 9, GET_RECEIPT)
                .orElseThrow();

        assertFalse(receipt.succeeded());
        assertEquals(4, receipt.blockNumber());
        assertEquals(Optional.empty(), receipt.contractAddress());
        assertEquals(List.of(), receipt.logs());
    }

    @Test
    void readsANullReceiptAsEmpty() {
        assertEquals(Optional.empty(), Responses.result("null", GET_RECEIPT));
    }

    @Test
    void readsAReceiptWithoutContractAddressField() {
        assertEquals(
                Responses.result(RECEIPT, GET_RECEIPT),
                Responses.result(RECEIPT.replace(",\"contractAddress\":null", ""), GET_RECEIPT));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a status above 1 | \"status\":\"0x1\" | \"status\":\"0x2\" | result.status | expected status 0x0 (reverted) or 0x1 (succeeded), got 0x2",
                "a numeric status | \"status\":\"0x1\" | \"status\":1 | result.status | expected a hex quantity as a 0x-prefixed string, got a number",
                "a null block hash of a pending receipt | \"blockHash\":\"0xd18ea9cb15969cb5ee80779cb0a7776b7e13ee1cea55b478c595c5c88de39a03\" | \"blockHash\":null | result.blockHash | expected a 32-byte hash as a 0x-prefixed string, got null",
                "a short contract address | \"contractAddress\":null | \"contractAddress\":\"0x5fbd\" | result.contractAddress | expected a 20-byte address (40 hex digits), got 4 digits",
                "a state root instead of a status | \"status\":\"0x1\" | \"root\":\"0x01\" | result | receipt without status",
                "logs not an array | \"logs\":[] | \"logs\":{} | result.logs | expected an array of logs, got an object",
                "a bad topic in a log | \"logs\":[] | \"logs\":[{\"topics\":[\"0x01\"]}] | result.logs[0].topics[0] | expected a 32-byte hash (64 hex digits), got 2 digits",
                "a log without its fields | \"logs\":[] | \"logs\":[{}] | result.logs[0] | log without address, topics, data",
                "a field given twice | \"blockNumber\":\"0x1\" | \"blockNumber\":\"0x1\",\"blockNumber\":\"0x2\" | result.blockNumber | field given twice",
            })
    void rejectsABadFieldNamingItsPath(String what, String good, String bad, String path, String message) {
        RpcResponseException e = Responses.malformed(RECEIPT.replace(good, bad), GET_RECEIPT);

        assertEquals(path, e.path(), what);
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(
                e.getMessage()
                        .startsWith("eth_getTransactionReceipt on http://127.0.0.1:8545: bad response at " + path),
                e.getMessage());
    }

    @Test
    void namesEveryMissingField() {
        RpcResponseException e = Responses.malformed("{\"contractAddress\":null}", GET_RECEIPT);

        assertEquals("result", e.path());
        assertTrue(
                e.getMessage().contains("receipt without transactionHash, blockNumber, blockHash, status, logs"),
                e.getMessage());
    }

    @Test
    void rejectsAResultThatIsNotAnObject() {
        RpcResponseException e = Responses.malformed("\"0x1\"", GET_RECEIPT);

        assertEquals("result", e.path());
        assertTrue(e.getMessage().contains("expected a receipt object, got a string"), e.getMessage());
    }
}
