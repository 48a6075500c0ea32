package io.chainwire.samples.hello;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code target/hello.jar} run in a child JVM, as a user runs it; its standard output and error go to files under
 * {@code target/hello-jar/}.
 */
final class HelloJar implements AutoCloseable {
    static final Path JAR = Path.of(System.getProperty("hello.jar", "target/hello.jar"));
    private static final Path LOGS = Path.of("target", "hello-jar");
    private static final long EXIT_WAIT_SECONDS = 30;

    private final Process process;
    private final Path out;
    private final Path err;

    private HelloJar(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code java -jar hello.jar args...} on this JVM's JDK; {@code name} names its output files. */
    static HelloJar start(String name, List<String> args) throws IOException {
        return start(name, Path.of(System.getProperty("java.home")), args);
    }

    /** Starts {@code java -jar hello.jar args...} on the JDK in {@code javaHome}. */
    static HelloJar start(String name, Path javaHome, List<String> args) throws IOException {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: run the tests with mvn verify, after package");
        Files.createDirectories(LOGS);
        Path out = LOGS.resolve(name + ".out");
        Path err = LOGS.resolve(name + ".err");
        List<String> command = new ArrayList<>(
                List.of(javaHome.resolve("bin").resolve("java").toString(), "-Xmx256m", "-jar", JAR.toString()));
        command.addAll(args);
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        return new HelloJar(process, out, err);
    }

    /** Kills the JVM with SIGKILL, as a crash or {@code kill -9} would, and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        awaitExit();
    }

    /**
     * Stops the JVM with SIGSTOP, as a long GC pause, a frozen VM or a debugger would; {@link #resume} lets it go on.
     */
    void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** Lets a {@linkplain #pause paused} JVM go on with SIGCONT. */
    void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                .redirectErrorStream(true)
                .start();
        String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(
                kill.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS) && kill.exitValue() == 0,
                "kill -" + name + " " + process.pid() + " failed: " + output);
    }

    /** Sends SIGTERM and returns the exit status once the JVM has exited. */
    int terminate() throws InterruptedException {
        process.destroy();
        return awaitExit();
    }

    /** Waits for the JVM to exit by itself and returns its exit status. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("hello.jar did not exit within " + EXIT_WAIT_SECONDS + " s; see " + err);
        }
        return process.exitValue();
    }

    /** Waits until standard output holds {@code text}, failing if the JVM exits first or time runs out. */
    void awaitOut(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!out().contains(text)) {
            if (!process.isAlive()) {
                throw new AssertionError("hello.jar exited with " + process.exitValue() + " before printing \"" + text
                        + "\":\n" + err());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "hello.jar did not print \"" + text + "\" within " + timeout + "; see " + out + " and " + err);
            }
            Thread.sleep(20);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Returns what the JVM wrote to standard output so far. */
    String out() {
        return read(out);
    }

    /** Returns what the JVM wrote to standard error so far. */
    String err() {
        return read(err);
    }

    /** Returns where standard error goes, for failure messages. */
    Path errFile() {
        return err;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the JVM if it still runs; an interrupted wait leaves the interrupt flag set. */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
