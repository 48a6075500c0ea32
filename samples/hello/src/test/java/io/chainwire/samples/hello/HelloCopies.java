package io.chainwire.samples.hello;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copies of hello.jar on one database, as an operator runs them for high availability, each in a JVM of its own, and
 * what each one's log says about its role.
 */
final class HelloCopies implements AutoCloseable {
    private static final Pattern ROLE = Pattern.compile(
            "stream '" + HelloService.STREAM_ID + "': \\S+ (?:leads, lease epoch (\\d+)|stands by: .*)");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final String name;
    private final List<String> args;
    private final List<HelloJar> running = new ArrayList<>();
    private int started;

    /** Copies named {@code name-1}, {@code name-2}, ... running {@code hello.jar args}. */
    HelloCopies(String name, List<String> args) {
        this.name = name;
        this.args = List.copyOf(args);
    }

    /**
     * A copy's role as its log last stated it.
     *
     * @param epoch the lease epoch it took, when it leads
     */
    record Role(boolean leads, long epoch) {}

    /** Starts one more copy. */
    HelloJar start() throws IOException {
        HelloJar copy = HelloJar.start(name + "-" + ++started, args);
        running.add(copy);
        return copy;
    }

    /** Kills {@code copy} with SIGKILL; it no longer counts as running. */
    void kill(HelloJar copy) throws InterruptedException {
        copy.kill();
        running.remove(copy);
    }

    /** Returns the copies started and not killed, in the order started. */
    List<HelloJar> running() {
        return List.copyOf(running);
    }

    /** Returns the role {@code copy} last logged, if it logged one. */
    static Optional<Role> role(HelloJar copy) {
        Role role = null;
        Matcher matcher = ROLE.matcher(copy.err());
        while (matcher.find()) {
            role = matcher.group(1) != null ? new Role(true, Long.parseLong(matcher.group(1))) : new Role(false, 0);
        }
        return Optional.ofNullable(role);
    }

    /** Returns how many lines of {@code copy}'s log say it leads. */
    static long leadLines(HelloJar copy) {
        return ROLE.matcher(copy.err())
                .results()
                .filter(result -> result.group(1) != null)
                .count();
    }

    /** Returns how many lines of {@code copy}'s log say it stands by. */
    static long standByLines(HelloJar copy) {
        return ROLE.matcher(copy.err())
                .results()
                .filter(result -> result.group(1) == null)
                .count();
    }

    /**
     * Waits until exactly one running copy last logged that it leads and every other one that it stands by, and returns
     * the leader; fails if a running copy exits.
     */
    HelloJar awaitOneLeader() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            requireRunning();
            List<HelloJar> leaders = new ArrayList<>();
            boolean allStated = true;
            for (HelloJar copy : running) {
                Optional<Role> role = role(copy);
                allStated &= role.isPresent();
                role.filter(Role::leads).ifPresent(leads -> leaders.add(copy));
            }
            if (allStated && leaders.size() == 1) {
                return leaders.get(0);
            }
            if (System.nanoTime() > deadline) {
                fail(leaders.size() + " of " + running.size() + " copies say they lead after " + WAIT + "; see "
                        + logs());
            }
            Thread.sleep(20);
        }
    }

    /** Waits until {@code condition} holds for {@code copy}, which should {@code what}; fails if it exits. */
    static void await(HelloJar copy, Predicate<HelloJar> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.test(copy)) {
            if (!copy.isAlive()) {
                fail(copy.errFile() + ": hello.jar exited with " + copy.awaitExit() + ":\n" + copy.err());
            }
            if (System.nanoTime() > deadline) {
                fail("the copy did not " + what + " within " + WAIT + "; see " + copy.errFile());
            }
            Thread.sleep(20);
        }
    }

    /** Fails, with its log, if a running copy has exited. */
    void requireRunning() throws InterruptedException {
        for (HelloJar copy : running) {
            if (!copy.isAlive()) {
                fail(copy.errFile() + ": hello.jar exited with " + copy.awaitExit() + ":\n" + copy.err());
            }
        }
    }

    /** Returns where the running copies' logs are, for failure messages. */
    String logs() {
        return running.stream().map(copy -> copy.errFile().toString()).toList().toString();
    }

    /** Kills every running copy. */
    @Override
    public void close() {
        for (HelloJar copy : running) {
            copy.close();
        }
        running.clear();
    }
}
