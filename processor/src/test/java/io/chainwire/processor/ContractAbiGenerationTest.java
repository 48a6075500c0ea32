package io.chainwire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.chainwire.codegen.abi.AbiContract;
import io.chainwire.codegen.abi.AbiFormatException;
import io.chainwire.codegen.abi.AbiReader;
import io.chainwire.codegen.java.ContractClassGenerator;
import io.chainwire.codegen.java.ContractClassNaming;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code @ContractAbi} generates, from every place an ABI file may be found, the very source the Maven plugin's
 * generator writes; the result compiles without warnings.
 */
final class ContractAbiGenerationTest {
    private static final Path GOLDENS =
            Path.of("src", "test", "resources", "goldens").toAbsolutePath();

    @TempDir
    Path directory;

    private AbiProject project;

    @BeforeEach
    void createProject() {
        project = new AbiProject(directory);
    }

    private static Compilation compile(List<String> options, JavaFileObject... sources) {
        Compilation compilation = javac().withProcessors(new ContractAbiProcessor())
                .withOptions(Stream.concat(Stream.of("-Xlint:all,-processing"), options.stream())
                        .toList())
                .compile(sources);
        assertThat(compilation).succeededWithoutWarnings();
        return compilation;
    }

    private static String generated(Compilation compilation, String qualifiedName) {
        try {
            return compilation
                    .generatedSourceFile(qualifiedName)
                    .orElseThrow(() -> new AssertionError(qualifiedName + " was not generated"))
                    .getCharContent(false)
                    .toString();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String generatorOutput(Path abi, String contract, String packageName, String simpleName)
            throws IOException, AbiFormatException {
        AbiContract selected = AbiReader.read(abi).stream()
                .filter(c -> c.name().equals(contract))
                .findFirst()
                .orElseThrow();
        return new ContractClassGenerator()
                .generate(selected, packageName, simpleName)
                .toString();
    }

    private static String className(String contract) {
        return ((ContractClassNaming.Named) ContractClassNaming.forContract(contract)).simpleName();
    }

    static Stream<String> goldenCases() throws IOException {
        try (Stream<Path> folders = Files.list(GOLDENS)) {
            return folders
                    .filter(folder -> {
                        try (Stream<Path> files = Files.list(folder)) {
                            return files.anyMatch(file -> file.toString().endsWith(".json"));
                        } catch (IOException e) {
                            throw new AssertionError(e);
                        }
                    })
                    .map(folder -> folder.getFileName().toString())
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenCases")
    void generatesTheSameSourceAsTheGeneratorByteForByte(String name) throws IOException, AbiFormatException {
        Path abi;
        try (Stream<Path> files = Files.list(GOLDENS.resolve(name))) {
            abi = files.filter(file -> file.toString().endsWith(".json"))
                    .findFirst()
                    .orElseThrow();
        }
        String contract = AbiReader.read(abi).get(0).name();
        String packageName = "com.example." + name;
        JavaFileObject source = JavaFileObjects.forSourceLines(
                packageName + ".package-info",
                "@io.chainwire.annotation.ContractAbi(path = \"" + abi + "\")",
                "package " + packageName + ";");
        Compilation compilation = compile(List.of(), source);
        String className = className(contract);
        String expected = generatorOutput(abi, contract, packageName, className);
        assertEquals(expected, generated(compilation, packageName + "." + className));
        assertEquals(Files.readString(GOLDENS.resolve(name).resolve(className + ".java")), expected);
    }

    @Test
    void namesTheClassAfterTheContractAsTheMavenPluginDoes() throws IOException, AbiFormatException {
        Path myToken = project.abi("src/test/my-token.json", "Token.json");
        Path event = project.abi("src/test/Event.json", "Hello.json");
        Path filter = project.abi("src/test/Filter.json", "Hello.json");
        JavaFileObject source = project.source(
                "src/test/package-info.java",
                "@ContractAbi(path = \"my-token.json\")",
                "@ContractAbi(path = \"Event.json\")",
                "@ContractAbi(path = \"Filter.json\")",
                "package test;",
                "import io.chainwire.annotation.ContractAbi;");
        Compilation compilation = compile(List.of(), source);
        assertEquals(generatorOutput(myToken, "my-token", "test", "MyToken"), generated(compilation, "test.MyToken"));
        assertEquals(
                generatorOutput(event, "Event", "test", "EventContract"), generated(compilation, "test.EventContract"));
        assertEquals(
                generatorOutput(filter, "Filter", "test", "FilterContract"),
                generated(compilation, "test.FilterContract"));
    }

    @Test
    void generatesTheClassOfAnAbiWithoutEventsWithANoteThatFailsNoBuild() throws IOException, AbiFormatException {
        Path abi = project.file("src/test/Library.json", "[{\"type\": \"function\", \"name\": \"square\"}]");
        JavaFileObject source = project.source(
                "src/test/package-info.java",
                "@io.chainwire.annotation.ContractAbi(path = \"Library.json\")",
                "package test;");
        Compilation compilation = compile(List.of("-Werror"), source);
        assertThat(compilation)
                .hadNoteContaining("contract Library in ABI file " + abi
                        + " declares no events, so test.Library has no event records and"
                        + " its decode rejects every log. Nothing to do if the contract emits no events; otherwise check that"
                        + " the file holds its whole ABI.")
                .inFile(source)
                .onLineContaining("@io.chainwire.annotation.ContractAbi(path = \"Library.json\")");
        assertEquals(generatorOutput(abi, "Library", "test", "Library"), generated(compilation, "test.Library"));
    }

    @Test
    void readsAFileNextToTheAnnotatedSourceFile() throws IOException, AbiFormatException {
        Path abi = project.abi("src/test/abi/Hello.json", "Hello.json");
        JavaFileObject source = project.source(
                "src/test/package-info.java",
                "@io.chainwire.annotation.ContractAbi(path = \"abi/Hello.json\")",
                "package test;");
        assertEquals(
                generatorOutput(abi, "Hello", "test", "Hello"), generated(compile(List.of(), source), "test.Hello"));
    }

    @Test
    void prefersTheFileNextToTheSourceToTheAbiDirectory() {
        project.abi("src/test/Hello.json", "Hello.json");
        project.abi("abis/Hello.json", "Token.json");
        JavaFileObject source = project.source(
                "src/test/package-info.java",
                "@io.chainwire.annotation.ContractAbi(path = \"Hello.json\")",
                "package test;");
        Compilation compilation = compile(List.of("-Achainwire.abiDirectory=" + directory.resolve("abis")), source);
        assertThat(compilation)
                .generatedSourceFile("test.Hello")
                .contentsAsUtf8String()
                .contains("MessageSent");
    }

    @Test
    void readsAFileInTheAbiDirectory() throws IOException, AbiFormatException {
        Path abi = project.abi("abis/token/Token.json", "Token.json");
        JavaFileObject source = JavaFileObjects.forSourceLines(
                "test.package-info",
                "@io.chainwire.annotation.ContractAbi(path = \"token/Token.json\")",
                "package test;");
        Compilation compilation = compile(List.of("-Achainwire.abiDirectory=" + directory.resolve("abis")), source);
        assertEquals(generatorOutput(abi, "Token", "test", "Token"), generated(compilation, "test.Token"));
    }

    @Test
    void readsAResourceOnTheSourcePath() {
        project.abi("sources/abi/Token.json", "Token.json");
        JavaFileObject source = JavaFileObjects.forSourceLines(
                "test.package-info",
                "@io.chainwire.annotation.ContractAbi(path = \"abi/Token.json\")",
                "package test;");
        Compilation compilation =
                compile(List.of("-sourcepath", directory.resolve("sources").toString()), source);
        assertThat(compilation).generatedSourceFile("test.Token");
    }

    @Test
    void readsAResourceOnTheClassPathAndSelectsOneContractOfCombinedJson() throws IOException, AbiFormatException {
        JavaFileObject source = JavaFileObjects.forSourceLines(
                "test.Contracts",
                "package test;",
                "",
                "@io.chainwire.annotation.ContractAbi(path = \"abi/solc/combined.json\", contract = \"Vault\")",
                "final class Contracts {}");
        Compilation compilation = compile(List.of(), source);
        Path abi = Path.of("src", "test", "resources", "abi", "solc", "combined.json");
        assertEquals(generatorOutput(abi, "Vault", "test", "Vault"), generated(compilation, "test.Vault"));
    }

    @Test
    void namesTheClassAsAskedAndPutsItInTheAnnotatedTypesPackage() {
        project.abi("src/test/Hello.json", "Hello.json");
        JavaFileObject source = project.source(
                "src/test/Outer.java",
                "package test;",
                "final class Outer {",
                "  @io.chainwire.annotation.ContractAbi(path = \"Hello.json\", name = \"Greeter\")",
                "  interface Inner {}",
                "}");
        assertThat(compile(List.of(), source))
                .generatedSourceFile("test.Greeter")
                .contentsAsUtf8String()
                .contains("public final class Greeter {");
    }

    @Test
    void generatesOneClassPerRepeatedAnnotation() {
        project.abi("src/test/Hello.json", "Hello.json");
        project.abi("src/test/Token.json", "Token.json");
        JavaFileObject source = project.source(
                "src/test/package-info.java",
                "@ContractAbi(path = \"Hello.json\")",
                "@ContractAbi(path = \"Token.json\")",
                "@ContractAbi(path = \"Token.json\", name = \"OtherToken\")",
                "package test;",
                "import io.chainwire.annotation.ContractAbi;");
        Compilation compilation = compile(List.of(), source);
        assertThat(compilation).generatedSourceFile("test.Hello");
        assertThat(compilation).generatedSourceFile("test.Token");
        assertThat(compilation).generatedSourceFile("test.OtherToken");
    }
}
