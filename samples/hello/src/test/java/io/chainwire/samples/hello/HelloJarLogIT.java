package io.chainwire.samples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chainwire.testkit.Anvil;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hello.jar writes its stream's log to stderr: slf4j-simple and the sample's simplelogger.properties are inside the
 * jar. On a JDK that warns about native access (22 and later) it has nothing to warn about, since its manifest grants
 * the native access that SQLite's driver needs.
 */
class HelloJarLogIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void theStreamsProgressGoesToStderr() throws Exception {
        String err = runUntilDelivered("progress", Path.of(System.getProperty("java.home")));
        assertTrue(err.contains(" INFO EventStream - stream 'hello': no checkpoint, starting at block 0\n"), err);
        assertTrue(err.contains(" INFO EventStream - stream 'hello': stopped\n"), err);
        assertFalse(err.contains("SLF4J"), err);
    }

    @Test
    void aNewerJdkHasNothingToWarnAbout() throws Exception {
        Path jdk = Path.of(System.getProperty("hello.newer.jdk", "/usr/lib/jvm/temurin-25-jdk-amd64"));
        assumeTrue(
                Files.isExecutable(jdk.resolve("bin").resolve("java")), "no JDK at " + jdk + "; set -Dhello.newer.jdk");
        String err = runUntilDelivered("newer-jdk", jdk);
        assertFalse(err.contains("WARNING"), err);
    }

    /** Runs hello.jar on {@code javaHome} until it prints a message, stops it, and returns its stderr. */
    private String runUntilDelivered(String name, Path javaHome) throws Exception {
        try (Anvil anvil = Anvil.start()) {
            ChainMessages chain = new ChainMessages(anvil);
            chain.send(1);
            List<String> args = List.of(
                    "--rpc",
                    anvil.wsUrl().toString(),
                    "--address",
                    chain.hello().toString(),
                    "--db",
                    dir.resolve(name + ".db").toString());
            try (HelloJar app = HelloJar.start(name, javaHome, args)) {
                app.awaitOut("says \"message #1 ✓\"", WAIT);
                assertEquals(143, app.terminate(), "the exit status after SIGTERM");
                return app.err();
            }
        }
    }
}
