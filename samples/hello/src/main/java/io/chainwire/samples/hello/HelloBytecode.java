package io.chainwire.samples.hello;

import io.chainwire.abi.Bytes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The {@code Hello} contract's creation bytecode, committed as {@code Hello.bin} beside this class: what the project's
 * pinned solc makes of {@code src/main/solidity/Hello.sol}. With it the demo deploys Hello without running a compiler.
 */
final class HelloBytecode {
    private static final String RESOURCE = "Hello.bin";

    private HelloBytecode() {}

    /**
     * Returns the creation bytecode, which deploys Hello when sent as a transaction without a recipient; the
     * constructor takes no arguments.
     *
     * @throws IllegalStateException if the resource is missing from the class path
     */
    static Bytes creationCode() {
        try (InputStream in = HelloBytecode.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        RESOURCE + " is missing beside " + HelloBytecode.class.getName() + " on the class path");
            }
            return Bytes.fromHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
