package io.chainwire.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Expected generated sources under {@code src/test/resources/goldens}. Run the tests with
 * {@code -Dchainwire.updateGoldens=true} to rewrite them from the actual output, then review the diff.
 */
final class Goldens {
    private static final Path ROOT = Path.of("src", "test", "resources", "goldens");
    private static final boolean UPDATE = Boolean.getBoolean("chainwire.updateGoldens");

    private Goldens() {}

    /** Asserts that {@code actual} equals the golden file {@code name}, or rewrites it when updating. */
    static void assertMatches(String name, String actual) {
        Path golden = ROOT.resolve(name);
        try {
            if (UPDATE) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
                return;
            }
            assertEquals(
                    Files.readString(golden, StandardCharsets.UTF_8),
                    actual,
                    () -> golden + " differs; rerun with -Dchainwire.updateGoldens=true and review the diff");
        } catch (IOException e) {
            throw new UncheckedIOException(golden + " is missing; rerun with -Dchainwire.updateGoldens=true", e);
        }
    }
}
