package io.chainwire.rpc;

import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import io.chainwire.testkit.Anvil;
import io.chainwire.testkit.Calldata;
import io.chainwire.testkit.Contracts;
import io.chainwire.testkit.Solidity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Contracts that emit logs on a test node: the sample's Hello, and a burst of many logs in one transaction. */
final class LogEmitters {
    static final Hash MESSAGE_SENT = Hash.keccak256("MessageSent(address,string)");
    static final Hash BURST_TOPIC = Hash.fromHex("0x" + "b".repeat(64));
    private static final Path HELLO = Path.of("..", "samples", "hello", "src", "main", "solidity", "Hello.sol");

    private LogEmitters() {}

    /** Hello, deployed, and the receipts of one message per text, sent alternately by accounts 0 and 1. */
    record Messages(Address hello, List<TransactionReceipt> receipts) {}

    static Messages sendMessages(Anvil anvil, String... texts) {
        Contracts contracts = new Contracts(anvil);
        Address hello = contracts.deploy(Solidity.compile(HELLO, "Hello"));
        List<TransactionReceipt> receipts = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            Address sender = anvil.accounts().get(i % 2);
            receipts.add(contracts.send(
                    sender,
                    hello,
                    Calldata.function("send(string)").string(texts[i]).encode()));
        }
        return new Messages(hello, receipts);
    }

    /** The topic of an indexed address: the address left-padded to 32 bytes. */
    static Hash addressTopic(Address address) {
        byte[] topic = new byte[Hash.SIZE];
        System.arraycopy(address.toByteArray(), 0, topic, Hash.SIZE - Address.SIZE, Address.SIZE);
        return Hash.of(topic);
    }

    /** Where a burst of logs was emitted, by the deployment {@code transactionHash}. */
    record Burst(Address contract, Hash transactionHash, long blockNumber, Hash blockHash) {}

    /**
     * Deploys a contract whose constructor emits {@code count} logs with topic {@link #BURST_TOPIC} and a 32-byte
     * counter from {@code count} down to 1 as data.
     */
    static Burst burst(Anvil anvil, int count) {
        // PUSH2 count; loop: JUMPDEST DUP1 PUSH1 0 MSTORE PUSH32 topic PUSH1 32 PUSH1 0 LOG1
        // PUSH1 1 SWAP1 SUB DUP1 PUSH1 3 JUMPI; STOP
        String code = "61" + String.format("%04x", count)
                + "5b" + "80" + "6000" + "52" + "7f" + BURST_TOPIC.toHex().substring(2) + "6020" + "6000" + "a1"
                + "6001" + "90" + "03" + "80" + "6003" + "57" + "00";
        Address created = new Contracts(anvil).deploy(anvil.accounts().get(0), Bytes.fromHex(code), Bytes.EMPTY);
        long block = anvil.blockNumber();
        List<RawLog> logs = new Contracts(anvil).getLogs(created, block, block);
        return new Burst(created, logs.get(0).meta().transactionHash(), block, anvil.blockHash(block));
    }

    /**
     * Deploys a contract whose code always reverts and calls it with a fixed gas limit, so that the node mines the call
     * instead of refusing it when estimating gas; returns the call's hash.
     */
    static Hash minedRevert(Anvil anvil) {
        // Creation code returning the runtime code PUSH1 0 PUSH1 0 REVERT.
        Bytes creation = Bytes.fromHex("0x6460006000fd6000526005601bf3");
        Address reverter = new Contracts(anvil).deploy(anvil.accounts().get(0), creation, Bytes.EMPTY);
        String hash = anvil.rpc(
                "eth_sendTransaction", Map.of("from", anvil.accounts().get(0), "to", reverter, "gas", "0x10000"));
        anvil.mine(1);
        return Hash.fromHex(hash.substring(1, hash.length() - 1));
    }
}
