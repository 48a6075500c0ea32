package io.chainwire.maven.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerationStateTest {
    @TempDir
    Path directory;

    @Test
    void readsWhatItWrote() throws IOException {
        Path file = directory.resolve("nested/default.state");
        GenerationState state = new GenerationState(
                "abc123", "target/generated-sources/chainwire", Set.of("com/example/b/B.java", "com/example/A.java"));

        state.write(file);

        assertEquals(Optional.of(state), GenerationState.read(file));
    }

    @Test
    void overwritesAnEarlierState() throws IOException {
        Path file = directory.resolve("default.state");
        new GenerationState("old", "out", Set.of("A.java")).write(file);
        GenerationState newer = new GenerationState("new", "out", Set.of());

        newer.write(file);

        assertEquals(Optional.of(newer), GenerationState.read(file));
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void aMissingFileIsNoState() throws IOException {
        assertTrue(GenerationState.read(directory.resolve("absent.state")).isEmpty());
    }

    @Test
    void aFileInAnotherFormatIsNoState() throws IOException {
        Path file = directory.resolve("default.state");
        Files.writeString(file, "digest=abc\n", StandardCharsets.UTF_8);

        assertTrue(GenerationState.read(file).isEmpty());
    }
}
