package io.chainwire.codegen.java;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import com.palantir.javapoet.JavaFile;
import io.chainwire.codegen.abi.AbiContract;
import io.chainwire.codegen.abi.AbiFormatException;
import io.chainwire.codegen.abi.AbiReader;
import io.chainwire.testing.CompiledClasses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/** Test support: reads an ABI, generates its class, compiles it as strictly as a user's build would, and loads it. */
final class GeneratedCode {
    /** Where golden cases live, relative to the module (Surefire's working directory). */
    static final Path GOLDENS = Path.of("src", "test", "resources", "goldens");

    /** An ABI with an event of every shape, for the round-trip and fuzz tests. */
    static final Path SHAPES = Path.of("src", "test", "resources", "conformance", "Shapes.json");

    private GeneratedCode() {}

    /** Returns the ABI JSON file of a golden case folder. */
    static Path abiFile(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".json"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no ABI .json file in " + folder));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the single contract in the ABI file at {@code abi}. */
    static AbiContract readContract(Path abi) {
        try {
            List<AbiContract> contracts = AbiReader.read(abi);
            if (contracts.size() != 1) {
                throw new AssertionError(abi + " holds " + contracts.size() + " contracts, expected one");
            }
            return contracts.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (AbiFormatException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** Generates {@code contract} in {@code packageName}, named as the plugin and the processor name it. */
    static JavaFile generate(AbiContract contract, String packageName) {
        return new ContractClassGenerator().generate(contract, packageName, className(contract));
    }

    /** Returns the name {@link ContractClassNaming} gives the class of {@code contract}. */
    static String className(AbiContract contract) {
        if (ContractClassNaming.forContract(contract.name()) instanceof ContractClassNaming.Named named) {
            return named.simpleName();
        }
        throw new AssertionError("contract " + contract.name() + " gives no class name");
    }

    /**
     * Compiles {@code files} together with every lint and doclint check as errors, asserting that javac reports nothing
     * at all.
     */
    static Compilation compile(JavaFile... files) {
        Compilation compilation = Compiler.javac()
                .withOptions("-Xlint:all", "-Xdoclint:all/protected", "-Werror")
                .compile(Stream.of(files).map(GeneratedCode::source).toList());
        assertThat(compilation).succeededWithoutWarnings();
        return compilation;
    }

    private static JavaFileObject source(JavaFile file) {
        String name = file.packageName().isEmpty()
                ? file.typeSpec().name()
                : file.packageName() + "." + file.typeSpec().name();
        return JavaFileObjects.forSourceString(name, file.toString());
    }

    /** Compiles {@code file} and returns a loader of its classes, on top of the test classpath (the runtime). */
    static ClassLoader load(JavaFile file) {
        return new CompiledClasses(compile(file));
    }
}
