package io.chainwire.samples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chainwire.abi.Bytes;
import io.chainwire.testkit.Solidity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The creation bytecode that {@link HelloBytecode} serves is what the pinned solc makes of Hello.sol. After changing
 * the source, run this test with {@code -Dhello.updateBytecode=true} to rewrite it.
 */
class HelloBytecodeTest {
    private static final Path SOURCE = Path.of("src/main/solidity/Hello.sol");
    private static final Path COMMITTED = Path.of("src/main/resources/io/chainwire/samples/hello/Hello.bin");

    @Test
    void committedCreationCodeIsWhatSolcMakesOfHelloSol() throws IOException {
        Bytes compiled = Solidity.compile(SOURCE, "Hello").bytecode();
        if (Boolean.getBoolean("hello.updateBytecode")) {
            Files.writeString(COMMITTED, compiled.toHex().substring(2) + "\n");
        }
        assertEquals(
                compiled,
                Bytes.fromHex(Files.readString(COMMITTED).strip()),
                COMMITTED + " is stale; see this test's Javadoc");
    }
}
