package io.chainwire.processor;

import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;

/**
 * A source tree on disk for {@code @ContractAbi} tests: sources read from real files, so the processor can find ABI
 * files next to them, as in a real build.
 */
final class AbiProject {
    private final Path root;

    AbiProject(Path root) {
        this.root = root;
    }

    /** Returns the root directory. */
    Path root() {
        return root;
    }

    /** Writes {@code content} to {@code relative} and returns its path. */
    Path file(String relative, String content) {
        Path file = root.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Copies the test resource {@code contract-abi/<resource>} to {@code relative}. */
    Path abi(String relative, String resource) {
        try (InputStream in = AbiProject.class.getResourceAsStream("/contract-abi/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource contract-abi/" + resource);
            }
            return file(relative, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a Java source from {@code lines} and returns it as javac will read it. */
    JavaFileObject source(String relative, String... lines) {
        Path file = file(relative, String.join("\n", lines) + "\n");
        try {
            return JavaFileObjects.forResource(file.toUri().toURL());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
