package io.chainwire.codegen.abi;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * ABI inputs for tests: inline JSON written with {@code '} for {@code "} (the swap keeps every column where it is), and
 * the fixtures under {@code src/test/resources/abi}.
 */
final class TestAbis {
    private TestAbis() {}

    /** Returns {@code singleQuoted} with {@code '} turned into {@code "}, as UTF-8. */
    static byte[] json(String singleQuoted) {
        return singleQuoted.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
    }

    /** Reads {@code singleQuoted} JSON as if it were the file {@code file}. */
    static List<AbiContract> read(String file, String singleQuoted) throws AbiFormatException {
        return AbiReader.read(file, json(singleQuoted));
    }

    /** Returns the path of a fixture, for example {@code hardhat/Token.json}. */
    static Path fixture(String name) {
        try {
            return Path.of(TestAbis.class.getResource("/abi/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad fixture name " + name, e);
        }
    }

    /** Reads a fixture that must be valid. */
    static List<AbiContract> readFixture(String name) {
        try {
            return AbiReader.read(fixture(name));
        } catch (IOException | AbiFormatException e) {
            throw new AssertionError("cannot read fixture " + name, e);
        }
    }
}
