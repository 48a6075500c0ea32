package io.chainwire.benchmarks.transfers;

import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.testkit.Anvil;
import io.chainwire.testkit.Calldata;
import io.chainwire.testkit.Contracts;
import io.chainwire.testkit.Solidity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A deployed {@code TransferEmitter} contract ({@code TransferEmitter.sol} beside this class): each call of
 * {@link #emit(int)} or {@link #submit(int)} is one transaction that emits ERC-20 {@code Transfer} events in a loop.
 * The source is compiled with the testkit's {@link Solidity}, so the project's {@code node_modules} must be in the
 * working directory or above it.
 */
public final class TransferEmitter {
    private static final String SOURCE = "TransferEmitter.sol";

    private final Anvil anvil;
    private final Contracts contracts;
    private final Address address;

    private TransferEmitter(Anvil anvil, Contracts contracts, Address address) {
        this.anvil = anvil;
        this.contracts = contracts;
        this.address = address;
    }

    /** Compiles the contract and deploys it to {@code anvil} from its first account. */
    public static TransferEmitter deploy(Anvil anvil) {
        Contracts contracts = new Contracts(anvil);
        return new TransferEmitter(
                anvil, contracts, contracts.deploy(Solidity.compile(sourceFile(), "TransferEmitter")));
    }

    /** Returns the contract's address, the address of every log it emits. */
    public Address address() {
        return address;
    }

    /**
     * Sends a transaction that emits {@code count} {@code Transfer} events, waits until it is mined and returns its
     * block number.
     */
    public long emit(int count) {
        return contracts.send(address, calldata(count)).blockNumber();
    }

    /**
     * Sends a transaction that emits {@code count} {@code Transfer} events and returns as soon as the node has taken
     * it, without waiting for a block: with automine off, it stays pending until the next {@link Anvil#mine(int)}.
     */
    public void submit(int count) {
        anvil.rpc(
                "eth_sendTransaction",
                Map.<String, Object>of("from", anvil.accounts().get(0), "to", address, "data", calldata(count)));
    }

    private static Bytes calldata(int count) {
        return Calldata.function("emitTransfers(uint256)").uint(count).encode();
    }

    private static Path sourceFile() {
        try (InputStream in = TransferEmitter.class.getResourceAsStream(SOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SOURCE + " is missing beside " + TransferEmitter.class.getName());
            }
            Path file = Files.createTempDirectory("chainwire-emitter").resolve(SOURCE);
            Files.copy(in, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + SOURCE + " to a temporary folder", e);
        }
    }
}
