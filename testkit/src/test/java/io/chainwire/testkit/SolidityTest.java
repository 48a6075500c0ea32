package io.chainwire.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiling with the pinned solcjs: outputs, imports, solc's errors, and the output cache. */
class SolidityTest {
    private static final Path CACHE = Path.of("target", "chainwire-solc");

    @Test
    void returnsEveryContractOfTheSourceWithAbiAndBytecode() {
        Map<String, CompiledContract> contracts = Solidity.compile(ProjectFiles.ALL_SHAPES_SOURCE);
        assertEquals(Set.of("AllShapes", "AllShapesErc721"), contracts.keySet());
        CompiledContract erc721 = contracts.get("AllShapesErc721");
        assertTrue(erc721.abi().startsWith("[{\"anonymous\":false,\"inputs\":["), erc721.abi());
        assertTrue(erc721.bytecode().length() > 0);
    }

    @Test
    void resolvesImportsNextToTheSource(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(
                dir.resolve("lib/Base.sol"),
                "// SPDX-License-Identifier: UNLICENSED\npragma solidity ^0.8.20;\ncontract Base { event Ping(uint256 n); }\n");
        Path source = Files.writeString(
                dir.resolve("Child.sol"),
                "// SPDX-License-Identifier: UNLICENSED\npragma solidity ^0.8.20;\nimport \"lib/Base.sol\";\n"
                        + "contract Child is Base { function ping() external { emit Ping(1); } }\n");

        Map<String, CompiledContract> contracts = Solidity.compile(source);

        assertEquals(Set.of("Child"), contracts.keySet(), "imported contracts are left out");
        assertTrue(contracts.get("Child").abi().contains("\"name\":\"Ping\""));
    }

    @Test
    void rejectedSourceFailsWithSolcsMessageAndLocation(@TempDir Path dir) throws IOException {
        Path source = Files.writeString(
                dir.resolve("Broken.sol"),
                "// SPDX-License-Identifier: UNLICENSED\npragma solidity ^0.8.20;\ncontract Broken {\n  function f() external { uint x = ; }\n}\n");

        SolidityException error = assertThrows(SolidityException.class, () -> Solidity.compile(source));

        assertTrue(error.getMessage().startsWith("solc 0.8.37 rejected " + source), error.getMessage());
        assertTrue(error.getMessage().contains("ParserError: Expected primary expression."), error.getMessage());
        assertTrue(error.getMessage().contains("Broken.sol:4:"), error.getMessage());
    }

    @Test
    void missingContractNameListsTheContractsThere() {
        SolidityException error =
                assertThrows(SolidityException.class, () -> Solidity.compile(ProjectFiles.HELLO_SOURCE, "Goodbye"));
        assertEquals(ProjectFiles.HELLO_SOURCE + " has no contract Goodbye; it has [Hello]", error.getMessage());
    }

    @Test
    void unreadableSourceIsReportedWithItsPath(@TempDir Path dir) {
        Path missing = dir.resolve("Missing.sol");
        SolidityException error = assertThrows(SolidityException.class, () -> Solidity.compile(missing));
        assertTrue(error.getMessage().startsWith("cannot compile " + missing), error.getMessage());
    }

    @Test
    void secondCompileOfAnUnchangedSourceComesFromTheCache(@TempDir Path dir) throws IOException {
        // A fresh comment per run, so an entry left in target/ by an earlier run cannot answer.
        Path source = Files.writeString(
                dir.resolve("Cached.sol"),
                "// SPDX-License-Identifier: UNLICENSED\n// run " + UUID.randomUUID()
                        + "\npragma solidity ^0.8.20;\ncontract Cached { event E(); }\n");
        Set<Path> before = cacheEntries();
        CompiledContract first = Solidity.compile(source, "Cached");
        Set<Path> afterFirst = cacheEntries();
        afterFirst.removeAll(before);
        assertEquals(1, afterFirst.size(), "one new cache entry");
        Path entry = afterFirst.iterator().next();
        // Replace the cached output: a cache hit returns it instead of running solc.
        Files.writeString(entry, Files.readString(entry).replace("\"name\":\"E\"", "\"name\":\"FromCache\""));

        CompiledContract second = Solidity.compile(source, "Cached");

        assertNotEquals(first.abi(), second.abi());
        assertTrue(second.abi().contains("FromCache"));
        Files.writeString(source, Files.readString(source).replace("event E();", "event E(); event F();"));
        assertTrue(
                Solidity.compile(source, "Cached").abi().contains("\"name\":\"F\""),
                "a changed source is compiled again");
    }

    private static Set<Path> cacheEntries() throws IOException {
        if (!Files.exists(CACHE)) {
            return new HashSet<>();
        }
        try (Stream<Path> files = Files.list(CACHE)) {
            return files.collect(Collectors.toCollection(HashSet::new));
        }
    }
}
