package io.chainwire.testkit.internal;

import io.chainwire.testkit.AnvilException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running anvil process: its merged output is copied line by line to a log file by a daemon thread, which also spots
 * the {@code Listening on host:port} line. Stopping is bounded: SIGTERM (so anvil can write {@code --state}), then
 * SIGKILL, for the process and any children it spawned. A JVM shutdown hook stops it too, in case a test run ends
 * without closing it.
 */
public final class AnvilProcess implements AutoCloseable {
    private static final String LISTENING = "Listening on ";
    private static final int TAIL_LINES = 40;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration PUMP_TIMEOUT = Duration.ofSeconds(5);

    private final Process process;
    private final Path logFile;
    private final Thread pump;
    private final Thread shutdownHook;
    private final CompletableFuture<String> listening = new CompletableFuture<>();
    private final Deque<String> tail = new ArrayDeque<>();
    private final AtomicBoolean stopped = new AtomicBoolean();

    private AnvilProcess(Process process, Path logFile) {
        this.process = process;
        this.logFile = logFile;
        this.pump = new Thread(this::pumpOutput, "anvil-output-" + process.pid());
        this.pump.setDaemon(true);
        this.shutdownHook = new Thread(this::kill, "anvil-shutdown-" + process.pid());
    }

    /**
     * Starts {@code command} (anvil and its arguments), writing its output to {@code logFile}.
     *
     * @throws AnvilException if the executable cannot be run
     */
    public static AnvilProcess start(List<String> command, Path logFile) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new AnvilException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        }
        AnvilProcess started = new AnvilProcess(process, logFile);
        Runtime.getRuntime().addShutdownHook(started.shutdownHook);
        started.pump.start();
        return started;
    }

    /**
     * Waits for anvil's {@code Listening on 127.0.0.1:PORT} line and returns the port.
     *
     * @throws AnvilException if anvil exits first or does not listen within {@code timeout}
     */
    public int awaitPort(Duration timeout) {
        String line;
        try {
            line = listening.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw failure("anvil printed no \"" + LISTENING + "\" line within " + timeout, e);
        } catch (ExecutionException e) {
            awaitExitAfterEndOfOutput();
            throw failure(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted while waiting for anvil to listen", e);
        }
        String address =
                line.substring(line.indexOf(LISTENING) + LISTENING.length()).trim();
        try {
            return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
        } catch (NumberFormatException e) {
            throw failure("cannot read the port in anvil's line \"" + line + "\"", e);
        }
    }

    /**
     * Returns an exception for a failed start that says {@code reason}, anvil's exit code if it has exited, the log
     * file, and anvil's last lines of output.
     */
    public AnvilException failure(String reason, Throwable cause) {
        String exit = process.isAlive() ? "" : " (anvil exited with code " + process.exitValue() + ")";
        return new AnvilException(reason + exit + "; log: " + logFile + "; last output:\n" + tail(), cause);
    }

    /** Returns the process id. */
    public long pid() {
        return process.pid();
    }

    /** Returns the file anvil's output is copied to. */
    public Path logFile() {
        return logFile;
    }

    /** Returns true while the process runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Stops anvil and its output thread, waiting a bounded time; calling it again does nothing.
     *
     * @throws AnvilException if the process survives SIGKILL
     */
    @Override
    public void close() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or about to run and will kill the process itself.
        }
        boolean interrupted = false;
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
            pump.join(PUMP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            interrupted = true;
            kill();
        }
        children.forEach(ProcessHandle::destroyForcibly);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (process.isAlive()) {
            throw new AnvilException(
                    "anvil (pid " + process.pid() + ") is still running after SIGKILL; log: " + logFile);
        }
    }

    /** Anvil closed its output, so it is exiting: give it a moment, so the failure can name the exit code. */
    private void awaitExitAfterEndOfOutput() {
        try {
            process.waitFor(PUMP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills anvil and its children at once and waits a bounded time for it to go. */
    private void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pumpOutput() {
        try (BufferedReader output =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                log.write(line);
                log.write(System.lineSeparator());
                log.flush();
                remember(line);
                if (line.contains(LISTENING)) {
                    listening.complete(line);
                }
            }
            listening.completeExceptionally(new IllegalStateException("anvil stopped before listening"));
        } catch (IOException e) {
            listening.completeExceptionally(
                    new IllegalStateException("cannot copy anvil's output to " + logFile + ": " + e, e));
        }
    }

    private void remember(String line) {
        synchronized (tail) {
            if (tail.size() == TAIL_LINES) {
                tail.removeFirst();
            }
            tail.addLast(line);
        }
    }

    private String tail() {
        synchronized (tail) {
            return tail.isEmpty() ? "(none)" : String.join(System.lineSeparator(), tail);
        }
    }
}
