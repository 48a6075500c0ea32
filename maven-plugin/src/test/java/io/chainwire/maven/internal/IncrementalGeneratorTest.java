package io.chainwire.maven.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalGeneratorTest {
    private static final FileTime LONG_AGO = FileTime.fromMillis(1_000_000_000_000L);
    private static final String TRANSFER = """
      [{"type": "event", "name": "Transfer", "inputs": [
        {"name": "from", "type": "address", "indexed": true},
        {"name": "to", "type": "address", "indexed": true},
        {"name": "value", "type": "uint256", "indexed": false}]}]
      """;
    private static final String PING = """
      [{"type": "event", "name": "Ping", "inputs": [{"name": "count", "type": "uint64"}]}]
      """;

    @TempDir
    Path project;

    private Path abi(String relativePath, String content) throws IOException {
        Path file = project.resolve("src/main/abi").resolve(relativePath);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private Path output(String relativePath) {
        return project.resolve("target/generated-sources/chainwire").resolve(relativePath);
    }

    private GenerationResult run(String packageName) throws Exception {
        return IncrementalGenerator.run(new GenerationRequest(
                project,
                project.resolve("src/main/abi"),
                List.of("**/*.json"),
                List.of(),
                packageName,
                project.resolve("target/generated-sources/chainwire"),
                project.resolve("target/chainwire/default.state"),
                "test-tool"));
    }

    private List<String> generatedFiles() throws IOException {
        Path root = project.resolve("target/generated-sources/chainwire");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> RelativePaths.of(root, file))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void generatesOneClassPerAbiFileWithSubdirectoriesAsSubPackages() throws Exception {
        abi("Ping.json", PING);
        abi("tokens/Erc20.json", TRANSFER);

        GenerationResult result = run("com.example");

        assertEquals(new GenerationResult(2, 2, false, 2, 0, List.of()), result);
        assertEquals(List.of("com/example/Ping.java", "com/example/tokens/Erc20.java"), generatedFiles());
        assertTrue(Files.readString(output("com/example/tokens/Erc20.java")).contains("package com.example.tokens;"));
    }

    @Test
    void anUnchangedSecondRunWritesNothing() throws Exception {
        abi("Ping.json", PING);
        run("com.example");
        Path generated = output("com/example/Ping.java");
        Path state = project.resolve("target/chainwire/default.state");
        Files.setLastModifiedTime(generated, LONG_AGO);
        Files.setLastModifiedTime(state, LONG_AGO);

        GenerationResult result = run("com.example");

        assertEquals(new GenerationResult(1, 1, true, 0, 0, List.of()), result);
        assertEquals(LONG_AGO, Files.getLastModifiedTime(generated));
        assertEquals(LONG_AGO, Files.getLastModifiedTime(state));
    }

    @Test
    void notesAContractWithoutEventsWhenItGeneratesItsClass() throws Exception {
        abi("Library.json", "[]");

        GenerationResult result = run("com.example");

        assertEquals(1, result.notes().size());
        assertTrue(
                result.notes().get(0).startsWith("src/main/abi/Library.json: contract \"Library\" declares no events"),
                result.notes().get(0));
        assertEquals(List.of("com/example/Library.java"), generatedFiles());
        assertEquals(List.of(), run("com.example").notes(), "an up-to-date run reads nothing");
    }

    @Test
    void aChangedAbiRewritesOnlyTheClassesWhoseSourceChanged() throws Exception {
        abi("Ping.json", PING);
        Path erc20 = abi("Erc20.json", TRANSFER);
        run("com.example");
        Files.setLastModifiedTime(output("com/example/Ping.java"), LONG_AGO);

        Files.writeString(erc20, TRANSFER.replace("uint256", "uint128"));
        GenerationResult result = run("com.example");

        assertEquals(new GenerationResult(2, 2, false, 1, 0, List.of()), result);
        assertEquals(LONG_AGO, Files.getLastModifiedTime(output("com/example/Ping.java")));
        assertTrue(Files.readString(output("com/example/Erc20.java")).contains("uint128"));
    }

    @Test
    void deletesTheClassOfARemovedAbiAndItsEmptyPackage() throws Exception {
        abi("Ping.json", PING);
        Path erc20 = abi("tokens/Erc20.json", TRANSFER);
        run("com.example");

        Files.delete(erc20);
        GenerationResult result = run("com.example");

        assertEquals(new GenerationResult(1, 1, false, 0, 1, List.of()), result);
        assertEquals(List.of("com/example/Ping.java"), generatedFiles());
        assertFalse(Files.exists(output("com/example/tokens")));
    }

    @Test
    void deletesOnlyFilesItWrote() throws Exception {
        Path ping = abi("Ping.json", PING);
        run("com.example");
        Path foreign = Files.writeString(output("com/example/Handwritten.java"), "class Handwritten {}");

        Files.delete(ping);
        abi("Erc20.json", TRANSFER);
        run("com.example");

        assertEquals(List.of("com/example/Erc20.java", "com/example/Handwritten.java"), generatedFiles());
        assertTrue(Files.exists(foreign));
    }

    @Test
    void aNewPackageNameMovesTheClasses() throws Exception {
        abi("Ping.json", PING);
        run("com.example");

        GenerationResult result = run("org.example");

        assertEquals(new GenerationResult(1, 1, false, 1, 1, List.of()), result);
        assertEquals(List.of("org/example/Ping.java"), generatedFiles());
    }

    @Test
    void regeneratesWhenAGeneratedFileWasDeleted() throws Exception {
        abi("Ping.json", PING);
        run("com.example");

        Files.delete(output("com/example/Ping.java"));
        GenerationResult result = run("com.example");

        assertEquals(new GenerationResult(1, 1, false, 1, 0, List.of()), result);
        assertTrue(Files.exists(output("com/example/Ping.java")));
    }

    @Test
    void reportsEveryBadFileAndWritesNothing() throws Exception {
        abi("Ping.json", PING);
        abi("BadType.json", PING.replace("uint64", "uint7"));
        abi("nested/Broken.json", "[{\"type\": \"event\",");

        InvalidAbiInputException e = assertThrows(InvalidAbiInputException.class, () -> run("com.example"));

        assertEquals(2, e.problems().size());
        assertTrue(
                e.problems().get(0).startsWith("src/main/abi/BadType.json:1:"),
                e.problems().get(0));
        assertTrue(e.problems().get(0).contains("uint7"), e.problems().get(0));
        assertTrue(
                e.problems().get(1).startsWith("src/main/abi/nested/Broken.json:"),
                e.problems().get(1));
        assertFalse(Files.exists(project.resolve("target")));
    }

    @Test
    void aBadFileAfterAGoodRunKeepsTheEarlierOutputAndRetriesNextTime() throws Exception {
        Path ping = abi("Ping.json", PING);
        run("com.example");

        Files.writeString(ping, "[");
        assertThrows(InvalidAbiInputException.class, () -> run("com.example"));
        Files.writeString(ping, PING);
        GenerationResult result = run("com.example");

        assertTrue(Files.exists(output("com/example/Ping.java")));
        assertTrue(result.upToDate());
    }

    @Test
    void aRunThatFailedHalfWayIsNotTakenForUpToDateWhenItsInputsReturn() throws Exception {
        Path ping = abi("Ping.json", PING);
        run("com.example");
        Files.writeString(ping, PING.replace("uint64", "uint128"));
        Path zeta = abi("Zeta.json", TRANSFER);
        Path blocker = Files.createDirectories(output("com/example/Zeta.java/blocker"));
        assertThrows(IOException.class, () -> run("com.example"));

        Files.writeString(ping, PING);
        Files.delete(zeta);
        Files.delete(blocker);
        Files.delete(blocker.getParent());
        GenerationResult result = run("com.example");

        assertFalse(result.upToDate());
        assertTrue(Files.readString(output("com/example/Ping.java")).contains("uint64"));
    }
}
