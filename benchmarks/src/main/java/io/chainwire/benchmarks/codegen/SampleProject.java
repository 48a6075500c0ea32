package io.chainwire.benchmarks.codegen;

import io.chainwire.maven.internal.GenerationRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Maven-style project in a temporary directory whose {@code src/main/abi} holds one {@link LargeAbi}, and the
 * generation request the plugin would make for it with default settings.
 */
final class SampleProject {
    private static final String PACKAGE = "com.example.protocol";
    private static final long SEED = 500;

    private final Path directory;
    private final GenerationRequest request;

    private SampleProject(Path directory, GenerationRequest request) {
        this.directory = directory;
        this.request = request;
    }

    /** Creates a project whose ABI has {@code events} events. */
    static SampleProject create(int events) throws IOException {
        Path directory = Files.createTempDirectory("chainwire-codegen");
        Path abi = Files.createDirectories(directory.resolve("src/main/abi"));
        Files.writeString(abi.resolve("Protocol.json"), LargeAbi.json(events, SEED), StandardCharsets.UTF_8);
        Path target = directory.resolve("target");
        return new SampleProject(
                directory,
                new GenerationRequest(
                        directory,
                        abi,
                        List.of("**/*.json"),
                        List.of(),
                        PACKAGE,
                        target.resolve("generated-sources/chainwire"),
                        target.resolve("chainwire/default.state"),
                        "benchmark"));
    }

    /** Returns the request of the {@code generate} goal for this project. */
    GenerationRequest request() {
        return request;
    }

    /** Returns where compiled classes go. */
    Path classes() {
        return directory.resolve("target/classes");
    }

    /** Deletes {@code target}: generated sources, the generator's state and classes. */
    void clean() throws IOException {
        deleteTree(directory.resolve("target"));
    }

    /** Deletes the whole project. */
    void delete() throws IOException {
        deleteTree(directory);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
