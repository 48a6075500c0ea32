package io.chainwire.samples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** hello.jar explains itself: usage on stderr and status 2 for a bad command line, usage on stdout for --help. */
class HelloJarCommandLineIT {
    @Test
    void aBadCommandLineGetsTheReasonAndTheUsageOnStderrAndStatusTwo() throws Exception {
        try (HelloJar app = HelloJar.start("bad-arguments", List.of("--address", "0x1234", "--db", "x.db"))) {
            assertEquals(2, app.awaitExit());
            assertTrue(
                    app.err()
                            .startsWith(
                                    "hello: --address: an address has 20 bytes (40 hex digits), got 2 in \"0x1234\""),
                    app.err());
            assertTrue(app.err().contains(HelloOptions.USAGE), app.err());
            assertEquals("", app.out());
        }
    }

    @Test
    void helpPrintsTheUsageOnStdout() throws Exception {
        try (HelloJar app = HelloJar.start("help", List.of("--help"))) {
            assertEquals(0, app.awaitExit());
            assertEquals(HelloOptions.USAGE, app.out());
        }
    }
}
