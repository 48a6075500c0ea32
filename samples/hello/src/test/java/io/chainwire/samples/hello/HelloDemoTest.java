package io.chainwire.samples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo behind the README's first command runs a real stream end to end and prints every message, typed, as it
 * arrives.
 */
class HelloDemoTest {
    @Test
    void deploysHelloSendsMessagesAndPrintsThemAsTheStreamDeliversThem() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HelloDemo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();

        assertTrue(lines.get(0).startsWith("Started anvil at http://127.0.0.1:"), lines.get(0));
        // anvil's first accounts and the first contract address of a fresh chain are fixed.
        assertEquals(
                List.of(
                        "Deployed Hello at 0x5FbDB2315678afecb367f032d93F642f64180aa3",
                        "Following Hello live on ws://127.0.0.1:" + port(lines.get(0)) + "; sending 3 messages:",
                        "block 2, log 0: 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266 says \"Hello, chain!\"",
                        "block 3, log 0: 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 says \"Grüße from Bob ✓\"",
                        "block 4, log 0: 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266 says \"Typed events, no reflection.\"",
                        "Stopped the stream; table messages holds 3 rows.",
                        "Stopped anvil."),
                lines.subList(1, lines.size()));
    }

    private static String port(String startedLine) {
        return startedLine.substring(startedLine.lastIndexOf(':') + 1);
    }
}
