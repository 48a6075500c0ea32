package io.chainwire.samples.hello;

import io.chainwire.stream.StreamException;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The sample's command line, the main class of {@code hello.jar}: follows a Hello contract on any node and keeps its
 * messages in a database (see {@link HelloOptions#USAGE}).
 *
 * <pre>
 * java -jar samples/hello/target/hello.jar --rpc ws://127.0.0.1:8545 \
 *     --address 0x5FbDB2315678afecb367f032d93F642f64180aa3 --db hello.db --from 0
 * </pre>
 *
 * <p>Each event is printed to standard output as it arrives; the stream's own log (progress, retries, reorganisations)
 * goes to standard error. SIGTERM or Ctrl-C stops the stream cleanly: the block in progress commits or rolls back, then
 * the database is closed. Exit codes: 0 after a clean stop, 1 if the stream failed, 2 for a bad command line.
 */
public final class HelloApp {
    private static final int USAGE_ERROR = 2;
    private static final Duration HOOK_WAIT = Duration.ofSeconds(10);

    private HelloApp() {}

    /** Runs the sample; see the class comment for the arguments. */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the sample until the stream ends, returning the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        HelloOptions options;
        try {
            options = HelloOptions.parse(args);
        } catch (UsageException e) {
            err.println("hello: " + e.getMessage());
            err.println();
            err.print(HelloOptions.USAGE);
            return USAGE_ERROR;
        }
        if (options == null) {
            out.print(HelloOptions.USAGE);
            return 0;
        }
        HelloService service;
        try {
            service = HelloService.start(options, out);
        } catch (SQLException e) {
            err.println("hello: cannot create table messages in " + options.database() + ": " + e.getMessage());
            return 1;
        }
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> stopOnSignal(service, closed), "hello-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            try {
                awaitEnd(service);
            } finally {
                service.close();
            }
            return report(service, err);
        } finally {
            // Only now may a shutdown hook let the JVM halt: the report is out and the store closed.
            closed.countDown();
        }
    }

    private static int report(HelloService service, PrintStream err) {
        StreamException failure = service.handle().failure().orElse(null);
        if (failure != null) {
            err.println("hello: the stream failed: " + failure.getMessage());
            return 1;
        }
        err.println("hello: stopped"
                + service.handle()
                        .lastHandledBlock()
                        .map(block -> " after block " + block.number())
                        .orElse(""));
        return 0;
    }

    /** Runs in the shutdown hook: stops the stream, then lets the main thread finish closing. */
    private static void stopOnSignal(HelloService service, CountDownLatch closed) {
        service.handle().close();
        try {
            closed.await(HOOK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitEnd(HelloService service) {
        try {
            // The stream runs until a signal stops it or it fails.
            boolean ended = false;
            while (!ended) {
                ended = service.handle().awaitTermination(Duration.ofMinutes(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
