package io.chainwire.testkit;

import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.rpc.BlockHeader;
import io.chainwire.rpc.BlockTag;
import io.chainwire.rpc.HttpRpcClient;
import io.chainwire.rpc.RpcEndpoint;
import io.chainwire.rpc.RpcErrorException;
import io.chainwire.rpc.RpcException;
import io.chainwire.rpc.RpcRequest;
import io.chainwire.testkit.internal.AnvilProcess;
import io.chainwire.testkit.internal.JsonText;
import io.chainwire.testkit.internal.NodeTools;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A local anvil node on the loopback interface, started for tests and stopped by {@link #close()}.
 *
 * <p>{@link #start()} runs the anvil binary (see {@link Builder#executable(Path)} for how it is found) with
 * {@code --host 127.0.0.1 --port 0}, so the operating system picks a free port and no two nodes race for one; the port
 * is read from anvil's {@code Listening on} line, and the node is ready once it answers JSON-RPC. Anvil's output goes
 * to a log file under {@code target/chainwire-anvil/}. The node mines a block per transaction unless a block time is
 * set, and unlocks ten funded accounts. Calls to it go through the runtime's {@link HttpRpcClient}.
 *
 * <pre>{@code
 * try (Anvil anvil = Anvil.start()) {
 *   anvil.mine(5);
 *   long head = anvil.blockNumber(); // 5
 * }
 * }</pre>
 *
 * <p>Instances are safe to use from several threads.
 */
public final class Anvil implements AutoCloseable {
    // One HTTP client for all nodes: its selector thread is shared and daemon, so nothing leaks per node.
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final AnvilProcess process;
    private final HttpRpcClient client;
    private final int port;
    private final List<Address> accounts;

    private Anvil(AnvilProcess process, HttpRpcClient client, int port, List<Address> accounts) {
        this.process = process;
        this.client = client;
        this.port = port;
        this.accounts = accounts;
    }

    /**
     * Starts a node with the defaults: any free port, chain id 31337, a block per transaction.
     *
     * @throws AnvilException if anvil cannot be found or does not start
     */
    public static Anvil start() {
        return builder().start();
    }

    /** Returns a builder for a node with non-default options. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the HTTP JSON-RPC endpoint, {@code http://127.0.0.1:PORT}. */
    public URI httpUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Returns the WebSocket JSON-RPC endpoint, {@code ws://127.0.0.1:PORT}. */
    public URI wsUrl() {
        return URI.create("ws://127.0.0.1:" + port);
    }

    /** Returns the port the node listens on. */
    public int port() {
        return port;
    }

    /** Returns the anvil process id. */
    public long pid() {
        return process.pid();
    }

    /** Returns the file that holds anvil's output. */
    public Path logFile() {
        return process.logFile();
    }

    /** Returns the unlocked, funded accounts, which {@code eth_sendTransaction} can send from. */
    public List<Address> accounts() {
        return accounts;
    }

    /**
     * Calls a JSON-RPC method and returns its result as raw JSON text: {@code "0x1"} (with quotes) for a quantity,
     * {@code null}, an object, and so on. Parameters may be strings, booleans, numbers, {@link Address}, {@link Hash},
     * {@link Bytes}, lists and maps (see {@link RpcRequest#call(String, Object...)}).
     *
     * @throws JsonRpcException if the node answers with an error
     * @throws AnvilException if the node is closed, unreachable or does not answer in time
     */
    public String rpc(String method, Object... params) {
        return send(RpcRequest.call(method, params));
    }

    /** Returns the number of the latest block. */
    public long blockNumber() {
        return send(RpcRequest.blockNumber());
    }

    /**
     * Returns the hash of block {@code number}.
     *
     * @throws AnvilException if the chain has no such block yet
     */
    public Hash blockHash(long number) {
        return send(RpcRequest.getBlockByNumber(BlockTag.number(number)))
                .map(BlockHeader::hash)
                .orElseThrow(() -> new AnvilException("eth_getBlockByNumber: anvil has no block " + number));
    }

    /** Mines {@code blocks} empty blocks at once ({@code anvil_mine}). */
    public void mine(int blocks) {
        if (blocks < 1) {
            throw new IllegalArgumentException("blocks must be at least 1, got " + blocks);
        }
        rpc("anvil_mine", "0x" + Integer.toHexString(blocks));
    }

    /** Saves the chain state and returns an id to {@link #revert(String)} to; a revert consumes the id. */
    public String snapshot() {
        return call("evm_snapshot", json -> JsonText.string(json, "evm_snapshot result"));
    }

    /**
     * Restores the chain to {@code snapshotId}, dropping every block mined since.
     *
     * @throws AnvilException if the node does not know the snapshot
     */
    public void revert(String snapshotId) {
        Objects.requireNonNull(snapshotId, "snapshotId");
        if (!call("evm_revert", json -> JsonText.bool(json, "evm_revert result"), snapshotId)) {
            throw new AnvilException("evm_revert: anvil has no snapshot " + snapshotId);
        }
    }

    /**
     * Replaces the latest {@code depth} blocks with new empty blocks at the same heights ({@code anvil_reorg}): the
     * head number stays, the block hashes change, and logs of the replaced blocks disappear.
     *
     * @throws IllegalArgumentException if {@code depth} is not between 1 and the head block number
     */
    public void reorg(int depth) {
        long head = blockNumber();
        if (depth < 1 || depth > head) {
            throw new IllegalArgumentException(
                    "depth must be between 1 and the head block number " + head + ", got " + depth);
        }
        rpc("anvil_reorg", depth, List.of());
    }

    /** Returns the whole chain state ({@code anvil_dumpState}), for {@link #loadState(Bytes)}. */
    public Bytes dumpState() {
        return call("anvil_dumpState", json -> Bytes.fromHex(JsonText.string(json, "anvil_dumpState result")));
    }

    /** Merges a state from {@link #dumpState()} into this node ({@code anvil_loadState}). */
    public void loadState(Bytes state) {
        Objects.requireNonNull(state, "state");
        if (!call("anvil_loadState", json -> JsonText.bool(json, "anvil_loadState result"), state)) {
            throw new AnvilException("anvil_loadState: anvil did not load the state");
        }
    }

    /** Stops anvil and its output thread; waits at most a few seconds for each. Calling it again does nothing. */
    @Override
    public void close() {
        client.close();
        process.close();
    }

    @Override
    public String toString() {
        return "Anvil[" + httpUrl() + ", pid " + pid() + "]";
    }

    /**
     * Sends {@code request}, reporting the node's error object as a {@link JsonRpcException} and any other failure (not
     * answering in time, unreachable, a malformed answer) as an {@link AnvilException} whose cause is the runtime's
     * {@link RpcException}.
     */
    <T> T send(RpcRequest<T> request) {
        if (!process.isAlive()) {
            throw new AnvilException(
                    request.method() + ": anvil on port " + port + " is not running; log: " + logFile());
        }
        try {
            return client.send(request);
        } catch (RpcErrorException e) {
            throw new JsonRpcException(e);
        } catch (RpcException e) {
            throw new AnvilException(e.getMessage(), e);
        }
    }

    /** Calls {@code method} and reads its raw JSON result with {@code reader}, reporting a malformed answer as such. */
    <T> T call(String method, Function<String, T> reader, Object... params) {
        String result = rpc(method, params);
        try {
            return reader.apply(result);
        } catch (IllegalArgumentException e) {
            throw new AnvilException("malformed answer to " + method + ": " + e.getMessage(), e);
        }
    }

    /** Options for a node; {@link #start()} starts it. */
    public static final class Builder {
        private Path executable;
        private int port;
        private Long chainId;
        private Duration blockTime;
        private Path stateFile;
        private Path logDirectory = Path.of("target", "chainwire-anvil");
        private Duration startTimeout = Duration.ofSeconds(30);
        private Duration rpcTimeout = Duration.ofSeconds(30);
        private final List<String> arguments = new ArrayList<>();

        private Builder() {}

        /**
         * Sets the anvil executable. Without it, the system property {@code chainwire.anvil}, then the environment
         * variable {@code CHAINWIRE_ANVIL}, then the binary of the npm package {@code @foundry-rs/anvil} in a
         * {@code node_modules} folder in the working directory or above is used.
         */
        public Builder executable(Path executable) {
            this.executable = Objects.requireNonNull(executable, "executable");
            return this;
        }

        /**
         * Listens on a fixed port instead of one the system picks, for example to restart a node where a client expects
         * it. Startup fails if the port is taken.
         */
        public Builder port(int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be between 1 and 65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** Sets the chain id ({@code --chain-id}); the default is 31337. */
        public Builder chainId(long chainId) {
            if (chainId < 1) {
                throw new IllegalArgumentException("chainId must be positive, got " + chainId);
            }
            this.chainId = chainId;
            return this;
        }

        /** Mines a block every {@code blockTime} ({@code --block-time}) instead of one per transaction. */
        public Builder blockTime(Duration blockTime) {
            this.blockTime = Durations.positive(blockTime, "blockTime");
            return this;
        }

        /**
         * Loads the chain from {@code stateFile} if it exists and writes it there when the node stops
         * ({@code --state}), so a node restarted with the same file continues the same chain.
         */
        public Builder stateFile(Path stateFile) {
            this.stateFile = Objects.requireNonNull(stateFile, "stateFile");
            return this;
        }

        /** Sets the folder for anvil's log files; the default is {@code target/chainwire-anvil}. */
        public Builder logDirectory(Path logDirectory) {
            this.logDirectory = Objects.requireNonNull(logDirectory, "logDirectory");
            return this;
        }

        /** Sets how long startup may take before it fails; the default is 30 seconds. */
        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = Durations.positive(startTimeout, "startTimeout");
            return this;
        }

        /** Sets how long one JSON-RPC call may take before it fails; the default is 30 seconds. */
        public Builder rpcTimeout(Duration rpcTimeout) {
            this.rpcTimeout = Durations.positive(rpcTimeout, "rpcTimeout");
            return this;
        }

        /** Adds anvil command-line arguments, for example {@code "--hardfork", "cancun"}. */
        public Builder arguments(String... arguments) {
            this.arguments.addAll(List.of(arguments));
            return this;
        }

        /**
         * Starts the node and waits until it answers JSON-RPC.
         *
         * @throws AnvilException if anvil cannot be found, exits, or does not answer within the start timeout; the
         *     message names the log file and quotes anvil's last output
         */
        public Anvil start() {
            Instant deadline = Instant.now().plus(startTimeout);
            AnvilProcess process = AnvilProcess.start(command(), newLogFile());
            try {
                int boundPort = process.awaitPort(startTimeout);
                HttpRpcClient client = HttpRpcClient.builder(
                                RpcEndpoint.of(URI.create("http://127.0.0.1:" + boundPort)))
                        .httpClient(HTTP)
                        .timeout(rpcTimeout)
                        .build();
                List<Address> accounts = awaitAccounts(process, client, deadline);
                return new Anvil(process, client, boundPort, accounts);
            } catch (RuntimeException e) {
                process.close();
                throw e;
            }
        }

        private List<String> command() {
            List<String> command = new ArrayList<>();
            command.add((executable != null ? executable : NodeTools.anvil()).toString());
            command.addAll(List.of("--host", "127.0.0.1", "--port", Integer.toString(port)));
            if (chainId != null) {
                command.addAll(List.of("--chain-id", chainId.toString()));
            }
            if (blockTime != null) {
                BigDecimal seconds = BigDecimal.valueOf(blockTime.toNanos(), 9).stripTrailingZeros();
                command.addAll(List.of("--block-time", seconds.toPlainString()));
            }
            if (stateFile != null) {
                command.addAll(List.of("--state", stateFile.toAbsolutePath().toString()));
            }
            command.addAll(arguments);
            return command;
        }

        private Path newLogFile() {
            try {
                Path directory = Files.createDirectories(logDirectory.toAbsolutePath());
                return Files.createTempFile(directory, "anvil-", ".log");
            } catch (IOException e) {
                throw new AnvilException("cannot create a log file in " + logDirectory.toAbsolutePath() + ": " + e, e);
            }
        }

        /** Polls {@code eth_accounts} until the node answers: it listens before it serves. */
        private static List<Address> awaitAccounts(AnvilProcess process, HttpRpcClient client, Instant deadline) {
            while (true) {
                try {
                    List<Address> accounts = new ArrayList<>();
                    for (String account : JsonText.strings(client.call("eth_accounts"), "eth_accounts result")) {
                        accounts.add(Address.fromHex(account));
                    }
                    return List.copyOf(accounts);
                } catch (RpcException | IllegalArgumentException e) {
                    if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                        throw process.failure(
                                "anvil does not answer JSON-RPC at " + client.endpoint() + ": " + e.getMessage(), e);
                    }
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw process.failure("interrupted while waiting for anvil to answer", e);
                }
            }
        }
    }
}
