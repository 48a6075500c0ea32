package io.chainwire.samples.hello;

import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.rpc.RpcEndpoint;
import io.chainwire.stream.EventStream;
import io.chainwire.testkit.Anvil;
import io.chainwire.testkit.Calldata;
import io.chainwire.testkit.Contracts;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Shows typed events as they arrive: starts anvil, deploys {@code Hello}, starts the sample's stream on the node's
 * WebSocket endpoint (with a SQLite file in a temporary folder), sends three messages from two accounts, and prints
 * each event as the stream delivers it; then stops the stream and anvil.
 *
 * <p>From the project root: {@code mvn -B -q -pl samples/hello -am package -DskipTests -Dhello.run}.
 */
public final class HelloDemo {
    private static final List<String> MESSAGES =
            List.of("Hello, chain!", "Grüße from Bob ✓", "Typed events, no reflection.");
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

    private HelloDemo() {}

    /** Runs the demo, printing to standard output; takes no arguments. */
    public static void main(String[] args) throws SQLException, InterruptedException {
        run(System.out);
    }

    static void run(PrintStream out) throws SQLException, InterruptedException {
        Path folder = temporaryFolder();
        try (Anvil anvil = Anvil.start()) {
            out.println("Started anvil at " + anvil.httpUrl());
            Contracts contracts = new Contracts(anvil);
            Address alice = anvil.accounts().get(0);
            Address bob = anvil.accounts().get(1);
            Address hello = contracts.deploy(alice, HelloBytecode.creationCode(), Bytes.EMPTY);
            out.println("Deployed Hello at " + hello);

            Database database = new Database.Sqlite(folder.resolve("hello.db"));
            HelloOptions options = new HelloOptions(
                    List.of(RpcEndpoint.of(anvil.wsUrl())),
                    hello,
                    database,
                    0,
                    0,
                    EventStream.DEFAULT_MAX_RANGE,
                    HelloOptions.DEFAULT_LEASE);
            try (HelloService service = HelloService.start(options, out)) {
                if (!service.handle().awaitLive(DELIVERY_TIMEOUT)) {
                    throw new IllegalStateException(
                            "the stream is not live after " + DELIVERY_TIMEOUT + ": "
                                    + service.handle().state(),
                            service.handle().failure().orElse(null));
                }
                out.println("Following Hello live on " + anvil.wsUrl() + "; sending " + MESSAGES.size() + " messages:");
                for (int i = 0; i < MESSAGES.size(); i++) {
                    Address sender = i % 2 == 0 ? alice : bob;
                    contracts.send(
                            sender,
                            hello,
                            Calldata.function("send(string)")
                                    .string(MESSAGES.get(i))
                                    .encode());
                }
                awaitRows(database, MESSAGES.size());
            }
            out.println("Stopped the stream; table messages holds " + MESSAGES.size() + " rows.");
        } finally {
            deleteFolder(folder);
        }
        out.println("Stopped anvil.");
    }

    /** Waits until the stream has stored {@code count} messages, checking every 50 ms. */
    private static void awaitRows(Database database, int count) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
        try (Connection connection = database.connect()) {
            while (MessageTable.readAll(connection).size() < count) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "the stream did not store " + count + " messages within " + DELIVERY_TIMEOUT);
                }
                Thread.sleep(50);
            }
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("chainwire-hello-demo");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the demo's database", e);
        }
    }

    private static void deleteFolder(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the demo's temporary folder " + folder, e);
        }
    }
}
