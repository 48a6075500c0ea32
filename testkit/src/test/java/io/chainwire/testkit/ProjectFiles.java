package io.chainwire.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the chainwire project that the testkit's tests use: the Solidity sources and their ABIs. */
final class ProjectFiles {
    static final Path ROOT = findRoot();
    static final Path HELLO_SOURCE = ROOT.resolve("samples/hello/src/main/solidity/Hello.sol");
    static final Path HELLO_ABI = ROOT.resolve("samples/hello/src/main/abi/Hello.json");
    static final Path ALL_SHAPES_SOURCE = ROOT.resolve("processor/src/test/solidity/AllShapes.sol");
    static final Path ALL_SHAPES_ABI_DIRECTORY = ROOT.resolve("processor/src/test/resources/abi");

    private ProjectFiles() {}

    /** The project root is the folder above the working directory that holds package-lock.json. */
    private static Path findRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("package-lock.json")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "no folder above " + Path.of("").toAbsolutePath() + " holds package-lock.json and pom.xml");
    }
}
