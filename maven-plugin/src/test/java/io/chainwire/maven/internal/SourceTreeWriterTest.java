package io.chainwire.maven.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceTreeWriterTest {
    private static final FileTime LONG_AGO = FileTime.fromMillis(1_000_000_000_000L);

    @TempDir
    Path output;

    @Test
    void writesNewFilesIntoPackageDirectories() throws IOException {
        int written = new SourceTreeWriter(output)
                .write(List.of(new GeneratedSource("com/example/A.java", "class A {}\n", List.of())));

        assertEquals(1, written);
        assertEquals("class A {}\n", Files.readString(output.resolve("com/example/A.java")));
    }

    @Test
    void leavesFilesWithUnchangedContentUntouched() throws IOException {
        Path file = output.resolve("A.java");
        Files.writeString(file, "class A {}\n");
        Files.setLastModifiedTime(file, LONG_AGO);

        int written =
                new SourceTreeWriter(output).write(List.of(new GeneratedSource("A.java", "class A {}\n", List.of())));

        assertEquals(0, written);
        assertEquals(LONG_AGO, Files.getLastModifiedTime(file));
    }

    @Test
    void rewritesFilesWhoseContentChanged() throws IOException {
        Path file = output.resolve("A.java");
        Files.writeString(file, "class A {}\n");

        int written = new SourceTreeWriter(output)
                .write(List.of(new GeneratedSource("A.java", "final class A {}\n", List.of())));

        assertEquals(1, written);
        assertEquals("final class A {}\n", Files.readString(file));
    }

    @Test
    void deletesStaleFilesAndTheDirectoriesTheyLeaveEmpty() throws IOException {
        Files.createDirectories(output.resolve("com/example/tokens"));
        Files.writeString(output.resolve("com/example/tokens/Erc20.java"), "");
        Files.writeString(output.resolve("com/example/Kept.java"), "");

        int deleted = new SourceTreeWriter(output).delete(List.of("com/example/tokens/Erc20.java"));

        assertEquals(1, deleted);
        assertFalse(Files.exists(output.resolve("com/example/tokens")));
        assertTrue(Files.exists(output.resolve("com/example/Kept.java")));
    }

    @Test
    void keepsTheOutputDirectoryWhenItsLastFileIsDeleted() throws IOException {
        Files.writeString(output.resolve("A.java"), "");

        new SourceTreeWriter(output).delete(List.of("A.java"));

        assertTrue(Files.isDirectory(output));
    }

    @Test
    void neverDeletesOutsideTheOutputDirectory() throws IOException {
        Path inside = Files.createDirectories(output.resolve("out"));
        Path outside = Files.writeString(output.resolve("Outside.java"), "");

        int deleted = new SourceTreeWriter(inside).delete(List.of("../Outside.java", "Missing.java"));

        assertEquals(0, deleted);
        assertTrue(Files.exists(outside));
    }
}
