package io.chainwire.stream.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.chainwire.abi.Address;
import io.chainwire.abi.Hash;
import io.chainwire.abi.TopicFilter;
import io.chainwire.rpc.HttpRpcClient;
import io.chainwire.rpc.LogFilter;
import io.chainwire.rpc.RpcEndpoint;
import io.chainwire.stream.StreamHandle;
import io.chainwire.testkit.Anvil;
import io.chainwire.testkit.Calldata;
import io.chainwire.testkit.Contracts;
import io.chainwire.testkit.Solidity;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * The sample's Hello contract on a test node: numbered messages, one block each, and the ledger entries the chain says
 * a stream must end with.
 */
final class HelloChain {
    static final Hash MESSAGE_SENT = Hash.keccak256("MessageSent(address,string)");
    private static final Path SOURCE = Path.of("..", "samples", "hello", "src", "main", "solidity", "Hello.sol");
    private static final Duration WAIT = Duration.ofSeconds(90);

    private final Anvil anvil;
    private final Contracts contracts;
    private final Address hello;
    private int sent;

    /** Deploys Hello on {@code anvil}. */
    HelloChain(Anvil anvil) {
        this.anvil = anvil;
        this.contracts = new Contracts(anvil);
        this.hello = contracts.deploy(Solidity.compile(SOURCE, "Hello"));
    }

    private HelloChain(Anvil anvil, Address hello, int sent) {
        this.anvil = anvil;
        this.contracts = new Contracts(anvil);
        this.hello = hello;
        this.sent = sent;
    }

    /** Returns this chain as served by {@code restarted}, a node started again from this one's state. */
    synchronized HelloChain on(Anvil restarted) {
        return new HelloChain(restarted, hello, sent);
    }

    Address hello() {
        return hello;
    }

    /** Sends {@code count} messages, alternately from the first two accounts. */
    synchronized void send(int count) {
        for (int i = 0; i < count; i++) {
            sent++;
            contracts.send(
                    anvil.accounts().get(sent % 2),
                    hello,
                    Calldata.function("send(string)").string("message " + sent).encode());
        }
    }

    /** Returns the entries of every Hello message on the node's chain now, read straight from the node. */
    List<Ledger.Entry> expected() {
        try (HttpRpcClient node =
                HttpRpcClient.builder(RpcEndpoint.of(anvil.httpUrl())).build()) {
            LogFilter filter = LogFilter.builder()
                    .address(hello)
                    .topics(TopicFilter.builder()
                            .topic(0, List.of(MESSAGE_SENT))
                            .build())
                    .fromBlock(0)
                    .toBlock(node.blockNumber())
                    .build();
            return node.getLogs(filter).stream().map(Ledger.Entry::of).toList();
        }
    }

    /**
     * Waits until the ledger in {@code file} equals the chain's messages (at least {@code count} of them), failing at
     * once if the stream fails.
     */
    void awaitLedger(Path file, int count, StreamHandle handle) throws SQLException, InterruptedException {
        awaitLedger(Ledger.sqlite(file), count, handle);
    }

    /**
     * Waits as {@link #awaitLedger(Path, int, StreamHandle)} does, for the ledger in the database at JDBC URL
     * {@code url}.
     */
    void awaitLedger(String url, int count, StreamHandle handle) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<Ledger.Entry> entries = Ledger.read(url);
            if (entries.size() >= count) {
                assertEquals(expected(), entries, "the ledger against the chain");
                return;
            }
            if (handle.state().isTerminal()) {
                fail(
                        "the stream ended (" + handle.state() + ") with " + entries.size() + " of " + count
                                + " messages",
                        handle.failure().orElse(null));
            }
            if (System.nanoTime() > deadline) {
                fail("the stream stored " + entries.size() + " of " + count + " messages within " + WAIT + "; state "
                        + handle.state());
            }
            Thread.sleep(20);
        }
    }
}
