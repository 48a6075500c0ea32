package io.chainwire.codegen.java;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.palantir.javapoet.JavaFile;
import io.chainwire.codegen.abi.AbiContract;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: each folder under {@code src/test/resources/goldens/<case>/} holds one ABI JSON file and the Java
 * source expected from it, generated into package {@code com.example.<case>} as the class {@link ContractClassNaming}
 * names, and compared byte for byte. Every golden must also compile with {@code -Xlint:all -Xdoclint:all/protected
 * -Werror} and no diagnostics.
 *
 * <p>After an intended change to the generator, run the tests with {@code -Dchainwire.updateGoldens=true} (for example
 * {@code mvn -B -o -pl processor -am verify -Dchainwire.updateGoldens=true}) to rewrite the expected sources, then
 * review them in the diff like any other code.
 */
class GoldenFilesTest {
    private static final boolean UPDATE = Boolean.getBoolean("chainwire.updateGoldens");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> folders = Files.list(GeneratedCode.GOLDENS)) {
            // goldens/dispatchers holds the annotation processor's dispatcher goldens, not an ABI case.
            return folders
                    .map(p -> p.getFileName().toString())
                    .filter(name -> !name.equals("dispatchers"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void generatesTheGoldenSourceAndItCompilesWithoutWarnings(String name) throws IOException {
        Path folder = GeneratedCode.GOLDENS.resolve(name);
        AbiContract contract = GeneratedCode.readContract(GeneratedCode.abiFile(folder));
        JavaFile file = GeneratedCode.generate(contract, "com.example." + name);
        String actual = file.toString();
        Path expected = folder.resolve(file.typeSpec().name() + ".java");
        if (UPDATE) {
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
        }
        assertEquals(
                Files.readString(expected, StandardCharsets.UTF_8),
                actual,
                "generated source differs from " + expected
                        + "; rerun with -Dchainwire.updateGoldens=true after an intended change");
        GeneratedCode.compile(file);
    }
}
