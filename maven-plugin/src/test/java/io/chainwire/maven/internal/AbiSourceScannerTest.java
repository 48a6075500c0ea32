package io.chainwire.maven.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AbiSourceScannerTest {
    @TempDir
    Path project;

    private Path abi;

    @BeforeEach
    void createFiles() throws IOException {
        abi = project.resolve("src/main/abi");
        for (String file : List.of("Root.json", "tokens/Erc20.json", "tokens/old/Erc777.json", "notes.txt")) {
            Path path = abi.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, file);
        }
    }

    @Test
    void findsFilesInSubdirectoriesSortedByRelativePath() throws IOException {
        List<AbiSource> sources = new AbiSourceScanner(project).scan(abi, List.of("**/*.json"), List.of());

        assertEquals(
                List.of("Root.json", "tokens/Erc20.json", "tokens/old/Erc777.json"),
                sources.stream().map(AbiSource::relativePath).toList());
    }

    @Test
    void namesFilesRelativeToTheProjectAndReadsThem() throws IOException {
        AbiSource source = new AbiSourceScanner(project)
                .scan(abi, List.of("tokens/*.json"), List.of())
                .get(0);

        assertEquals("src/main/abi/tokens/Erc20.json", source.displayPath());
        assertEquals("tokens", source.directory());
        assertArrayEquals("tokens/Erc20.json".getBytes(), source.content());
    }

    @Test
    void leavesOutExcludedFiles() throws IOException {
        List<AbiSource> sources = new AbiSourceScanner(project).scan(abi, List.of("**/*.json"), List.of("**/old/**"));

        assertEquals(
                List.of("Root.json", "tokens/Erc20.json"),
                sources.stream().map(AbiSource::relativePath).toList());
    }

    @Test
    void aMissingDirectoryHoldsNoFiles() throws IOException {
        assertEquals(
                List.of(),
                new AbiSourceScanner(project).scan(project.resolve("missing"), List.of("**/*.json"), List.of()));
    }
}
