package io.chainwire.stream;

import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import io.chainwire.abi.TopicFilter;
import io.chainwire.rpc.HttpRpcClient;
import io.chainwire.rpc.LogFilter;
import io.chainwire.rpc.RpcEndpoint;
import io.chainwire.rpc.TransactionReceipt;
import io.chainwire.testkit.Anvil;
import io.chainwire.testkit.Calldata;
import io.chainwire.testkit.CompiledContract;
import io.chainwire.testkit.Contracts;
import io.chainwire.testkit.Solidity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@code Emitter} contract on a test node: sends rounds of {@code Ping} events, replaces recent blocks with
 * {@code anvil_reorg}, and reads back the chain's canonical {@code Ping} logs.
 */
final class EmitterChain {
    static final Hash PING = Hash.keccak256("Ping(uint256,uint256)");
    private static final Path SOURCE = Path.of("src", "test", "solidity", "Emitter.sol");
    private static CompiledContract compiled;

    private final Anvil anvil;
    private final Contracts contracts;
    private final Address emitter;
    private final long deployBlock;

    private EmitterChain(Anvil anvil) {
        this.anvil = anvil;
        this.contracts = new Contracts(anvil);
        this.emitter = contracts.deploy(contract());
        this.deployBlock = anvil.blockNumber();
    }

    private static synchronized CompiledContract contract() {
        if (compiled == null) {
            compiled = Solidity.compile(SOURCE, "Emitter");
        }
        return compiled;
    }

    /** Deploys a fresh Emitter on {@code anvil}. */
    static EmitterChain deploy(Anvil anvil) {
        return new EmitterChain(anvil);
    }

    Anvil anvil() {
        return anvil;
    }

    Address address() {
        return emitter;
    }

    /** Returns the block the contract was deployed in: streams start there. */
    long deployBlock() {
        return deployBlock;
    }

    /** Emits {@code count} Ping events with round {@code round} in one transaction, in a new block. */
    TransactionReceipt ping(long round, int count) {
        return contracts.send(emitter, pingCall(round, count));
    }

    private static Bytes pingCall(long round, int count) {
        return Calldata.function("ping(uint256,uint256)")
                .uint(round)
                .uint(count)
                .encode();
    }

    /**
     * Replaces the latest {@code depth} blocks ({@code anvil_reorg}); the replacement block at offset {@code i} holds a
     * ping of round {@code firstRound + i} with {@code count} events, so the new branch has events too.
     */
    void reorg(int depth, long firstRound, int count) {
        List<Object> transactions = new ArrayList<>();
        for (int offset = 0; offset < depth; offset++) {
            Map<String, Object> transaction = new LinkedHashMap<>();
            transaction.put("from", anvil.accounts().get(0));
            transaction.put("to", emitter);
            transaction.put("data", pingCall(firstRound + offset, count));
            transaction.put("gas", 2_000_000);
            transactions.add(List.of(transaction, offset));
        }
        anvil.rpc("anvil_reorg", depth, transactions);
    }

    /** Returns the chain's Ping logs of this contract from the deploy block to the head, in order. */
    List<RawLog> canonicalPings() {
        try (HttpRpcClient client =
                HttpRpcClient.builder(RpcEndpoint.of(anvil.httpUrl())).build()) {
            LogFilter filter = LogFilter.builder()
                    .address(emitter)
                    .topics(TopicFilter.builder().topic(0, PING).build())
                    .fromBlock(deployBlock)
                    .toBlock(client.blockNumber())
                    .build();
            return client.getLogs(filter);
        }
    }

    /**
     * Returns a stream builder for this contract's events from its deploy block, with short poll, head and backoff
     * intervals for a local node.
     */
    EventStream.Builder stream(String id) {
        return EventStream.builder()
                .id(id)
                .address(emitter)
                .fromBlock(deployBlock)
                .pollInterval(Duration.ofMillis(50))
                .headTimeout(Duration.ofSeconds(1))
                .retryBackoff(Duration.ofMillis(10), Duration.ofMillis(500));
    }
}
