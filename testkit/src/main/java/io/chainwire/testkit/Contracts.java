package io.chainwire.testkit;

import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import io.chainwire.rpc.LogFilter;
import io.chainwire.rpc.RpcRequest;
import io.chainwire.rpc.TransactionReceipt;
import io.chainwire.testkit.internal.JsonText;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Deploys contracts to an {@link Anvil} node, sends them transactions from its unlocked accounts, and reads their logs
 * back as {@link RawLog}s.
 *
 * <pre>{@code
 * Contracts contracts = new Contracts(anvil);
 * Address hello = contracts.deploy(Solidity.compile(source, "Hello"));
 * TransactionReceipt receipt = contracts.send(hello, Calldata.function("send(string)").string("hi").encode());
 * List<RawLog> logs = contracts.getLogs(hello, 0, anvil.blockNumber());
 * }</pre>
 */
public final class Contracts {
    private static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(60);
    private static final long RECEIPT_POLL_MILLIS = 20;

    private final Anvil anvil;

    /** Creates a helper for contracts on {@code anvil}. */
    public Contracts(Anvil anvil) {
        this.anvil = Objects.requireNonNull(anvil, "anvil");
    }

    /** Deploys {@code contract}, whose constructor takes no arguments, from the first account. */
    public Address deploy(CompiledContract contract) {
        return deploy(anvil.accounts().get(0), contract.bytecode(), Bytes.EMPTY);
    }

    /**
     * Deploys {@code creationCode} followed by the already ABI-encoded {@code constructorArgs} from {@code from}, waits
     * for the receipt, and returns the new contract's address.
     *
     * @throws AnvilException if the deployment reverts or is not mined within a minute
     */
    public Address deploy(Address from, Bytes creationCode, Bytes constructorArgs) {
        if (creationCode.length() == 0) {
            throw new IllegalArgumentException(
                    "creationCode is empty: an interface or abstract contract cannot be deployed");
        }
        byte[] code = creationCode.toByteArray();
        byte[] args = constructorArgs.toByteArray();
        byte[] data = new byte[code.length + args.length];
        System.arraycopy(code, 0, data, 0, code.length);
        System.arraycopy(args, 0, data, code.length, args.length);
        TransactionReceipt receipt = transact(from, null, Bytes.of(data));
        return receipt.contractAddress()
                .orElseThrow(() -> new AnvilException(
                        "deployment " + receipt.transactionHash() + " has no contractAddress in its receipt"));
    }

    /** Sends {@code calldata} to {@code to} from the first account; see {@link #send(Address, Address, Bytes)}. */
    public TransactionReceipt send(Address to, Bytes calldata) {
        return send(anvil.accounts().get(0), to, calldata);
    }

    /**
     * Sends a transaction with {@code calldata} from {@code from} to {@code to}, waits until it is mined, and returns
     * its receipt with block number and logs.
     *
     * @throws JsonRpcException if the node refuses it, for example because it would revert
     * @throws AnvilException if it reverts or is not mined within a minute
     */
    public TransactionReceipt send(Address from, Address to, Bytes calldata) {
        return transact(from, Objects.requireNonNull(to, "to"), calldata);
    }

    /**
     * Returns the logs {@code address} emitted in blocks {@code fromBlock} to {@code toBlock}, inclusive, in chain
     * order ({@code eth_getLogs}).
     *
     * @throws IllegalArgumentException if a bound is negative or {@code fromBlock > toBlock}
     */
    public List<RawLog> getLogs(Address address, long fromBlock, long toBlock) {
        LogFilter filter = LogFilter.builder()
                .address(address)
                .fromBlock(fromBlock)
                .toBlock(toBlock)
                .build();
        return anvil.send(RpcRequest.getLogs(filter));
    }

    private TransactionReceipt transact(Address from, Address to, Bytes data) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(data, "data");
        Map<String, Object> transaction = new LinkedHashMap<>();
        transaction.put("from", from);
        if (to != null) {
            transaction.put("to", to);
        }
        transaction.put("data", data);
        Hash hash = anvil.call(
                "eth_sendTransaction",
                json -> Hash.fromHex(JsonText.string(json, "eth_sendTransaction result")),
                transaction);
        TransactionReceipt receipt = awaitReceipt(hash);
        if (!receipt.succeeded()) {
            throw new AnvilException("transaction " + hash + " reverted in block " + receipt.blockNumber());
        }
        return receipt;
    }

    private TransactionReceipt awaitReceipt(Hash hash) {
        Instant deadline = Instant.now().plus(RECEIPT_TIMEOUT);
        while (true) {
            Optional<TransactionReceipt> receipt = anvil.send(RpcRequest.getTransactionReceipt(hash));
            if (receipt.isPresent()) {
                return receipt.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AnvilException("transaction " + hash + " was not mined within " + RECEIPT_TIMEOUT
                        + "; is the node mining (block time, anvil_setAutomine)?");
            }
            try {
                Thread.sleep(RECEIPT_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AnvilException("interrupted while waiting for the receipt of " + hash, e);
            }
        }
    }
}
