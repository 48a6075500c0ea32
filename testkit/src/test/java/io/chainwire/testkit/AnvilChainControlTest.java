package io.chainwire.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.rpc.TransactionReceipt;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mining, snapshots, reorgs and state dumps on one node shared by the class. */
@AnvilTest
class AnvilChainControlTest {
    private final Anvil anvil;

    AnvilChainControlTest(Anvil anvil) {
        this.anvil = anvil;
    }

    @Test
    void minesBlocksOnDemand() {
        long before = anvil.blockNumber();
        anvil.mine(3);
        assertEquals(before + 3, anvil.blockNumber());
    }

    @Test
    void revertDropsBlocksMinedAfterTheSnapshot() {
        anvil.mine(1);
        long head = anvil.blockNumber();
        Hash headHash = anvil.blockHash(head);
        String snapshot = anvil.snapshot();
        anvil.mine(4);

        anvil.revert(snapshot);

        assertEquals(head, anvil.blockNumber());
        assertEquals(headHash, anvil.blockHash(head));
    }

    @Test
    void revertToAnUnknownSnapshotFails() {
        assertThrows(AnvilException.class, () -> anvil.revert("0xffff"));
    }

    @Test
    void reorgReplacesTheLatestBlocksAtTheSameHeights() {
        anvil.mine(5);
        long head = anvil.blockNumber();
        Hash kept = anvil.blockHash(head - 2);
        Hash replacedParent = anvil.blockHash(head - 1);
        Hash replacedHead = anvil.blockHash(head);

        anvil.reorg(2);

        assertEquals(head, anvil.blockNumber());
        assertEquals(kept, anvil.blockHash(head - 2));
        assertNotEquals(replacedParent, anvil.blockHash(head - 1));
        assertNotEquals(replacedHead, anvil.blockHash(head));
    }

    @Test
    void reorgRemovesTheLogsOfReplacedBlocks() {
        Contracts contracts = new Contracts(anvil);
        Address hello = contracts.deploy(Solidity.compile(ProjectFiles.HELLO_SOURCE, "Hello"));
        TransactionReceipt receipt = contracts.send(
                hello, Calldata.function("send(string)").string("soon gone").encode());
        assertEquals(
                1,
                contracts
                        .getLogs(hello, receipt.blockNumber(), receipt.blockNumber())
                        .size());

        anvil.reorg(1);

        assertEquals(List.of(), contracts.getLogs(hello, receipt.blockNumber(), receipt.blockNumber()));
    }

    @Test
    void reorgDeeperThanTheChainIsRejected() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> anvil.reorg(Integer.MAX_VALUE));
        assertTrue(
                error.getMessage().startsWith("depth must be between 1 and the head block number"), error.getMessage());
    }

    @Test
    void dumpedStateLoadsIntoAFreshNode() {
        anvil.mine(2);
        long head = anvil.blockNumber();
        Bytes state = anvil.dumpState();

        try (Anvil fresh = Anvil.start()) {
            fresh.loadState(state);
            assertEquals(head, fresh.blockNumber());
            assertEquals(anvil.blockHash(head), fresh.blockHash(head));
        }
    }

    @Test
    void unknownMethodFailsWithTheNodesErrorCode() {
        JsonRpcException error = assertThrows(JsonRpcException.class, () -> anvil.rpc("no_suchMethod"));
        assertEquals("no_suchMethod", error.method());
        assertEquals(-32601, error.code());
        assertEquals(error.error(), error.getCause());
        assertTrue(
                error.getMessage().startsWith("no_suchMethod on " + anvil.httpUrl() + ": error -32601: "),
                error.getMessage());
    }

    @Test
    void blockHashOfABlockNotYetMinedFails() {
        long beyond = anvil.blockNumber() + 100;
        AnvilException error = assertThrows(AnvilException.class, () -> anvil.blockHash(beyond));
        assertEquals("eth_getBlockByNumber: anvil has no block " + beyond, error.getMessage());
    }

    @Test
    void rawRpcReturnsTheResultsJsonText() {
        assertEquals("\"0x7a69\"", anvil.rpc("eth_chainId"));
        assertEquals(10, anvil.accounts().size());
    }
}
