package io.chainwire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a {@code @ContractAbi} can be wrong: message text, file and line. */
final class ContractAbiErrorsTest {
    @TempDir
    Path directory;

    private AbiProject project;

    @BeforeEach
    void createProject() {
        project = new AbiProject(directory);
    }

    private static Compilation compile(JavaFileObject... sources) {
        return javac().withProcessors(new ContractAbiProcessor()).compile(sources);
    }

    private JavaFileObject packageInfo(String... annotations) {
        String[] lines = new String[annotations.length + 2];
        System.arraycopy(annotations, 0, lines, 0, annotations.length);
        lines[annotations.length] = "package test;";
        lines[annotations.length + 1] = "import io.chainwire.annotation.ContractAbi;";
        return project.source("src/test/package-info.java", lines);
    }

    @Test
    void listsEveryPlaceSearchedForAMissingFile() {
        JavaFileObject source = packageInfo("@ContractAbi(path = \"abi/Missing.json\")");
        Path besideSource = directory.resolve("src/test/abi/Missing.json");
        assertThat(compile(source))
                .hadErrorContaining("ABI file abi/Missing.json not found; searched: next to the annotated source file ("
                        + besideSource
                        + "), chainwire.abiDirectory (not set), the source path, the class path. Fix the path,"
                        + " or put the file in one of these places (-Achainwire.abiDirectory=<dir> adds a"
                        + " directory).")
                .inFile(source)
                .onLineContaining("@ContractAbi(path = \"abi/Missing.json\")");
    }

    @Test
    void searchesTheAbiDirectoryOption() {
        JavaFileObject source = packageInfo("@ContractAbi(path = \"Missing.json\")");
        Path abiDirectory = directory.resolve("abis");
        Compilation compilation = javac().withProcessors(new ContractAbiProcessor())
                .withOptions("-Achainwire.abiDirectory=" + abiDirectory)
                .compile(source);
        assertThat(compilation)
                .hadErrorContaining("chainwire.abiDirectory (" + abiDirectory.resolve("Missing.json") + ")")
                .inFile(source)
                .onLineContaining("Missing.json");
    }

    @Test
    void reportsAMissingAbsolutePathAlone() {
        Path missing = directory.resolve("nowhere/Missing.json");
        JavaFileObject source = packageInfo("@ContractAbi(path = \"" + missing + "\")");
        assertThat(compile(source))
                .hadErrorContaining("ABI file " + missing + " not found; searched: the path itself (" + missing + ").")
                .inFile(source)
                .onLineContaining("@ContractAbi(path");
    }

    @Test
    void rejectsAnEmptyPath() {
        JavaFileObject source = packageInfo("@ContractAbi(path = \"\")");
        assertThat(compile(source))
                .hadErrorContaining(
                        "@ContractAbi path \"\" is not a valid file path (it is empty). Give the path of an ABI"
                                + " JSON file, absolute or relative to the annotated source file.")
                .inFile(source)
                .onLineContaining("@ContractAbi(path = \"\")");
    }

    @Test
    void rejectsAPathThatIsNoPath() {
        JavaFileObject source = packageInfo("@ContractAbi(path = \"bad\\u0000name.json\")");
        assertThat(compile(source))
                .hadErrorContaining("is not a valid file path (Nul character not allowed).")
                .inFile(source)
                .onLineContaining("@ContractAbi(path = \"bad");
    }

    @Test
    void reportsAFileThatCannotBeRead() {
        project.file("src/test/abi/placeholder.txt", "a directory, not an ABI file");
        JavaFileObject source = packageInfo("@ContractAbi(path = \"abi\")");
        assertThat(compile(source))
                .hadErrorContaining("cannot read ABI file " + directory.resolve("src/test/abi")
                        + ": IOException: Is a directory." + " Make the path name a readable file.")
                .inFile(source)
                .onLineContaining("@ContractAbi(path = \"abi\")");
    }

    @Test
    void reportsAMalformedAbiWithFileLineColumnAndLocation() {
        Path abi = project.abi("src/test/Broken.json", "Broken.json");
        JavaFileObject source = packageInfo("@ContractAbi(path = \"Broken.json\")");
        assertThat(compile(source))
                .hadErrorContaining(
                        "malformed ABI: " + abi
                                + ":6:35: [0].inputs[0].type: unknown type \"uint257\": integer widths are 8 to 256 in steps of 8.")
                .inFile(source)
                .onLineContaining("@ContractAbi(path = \"Broken.json\")");
        assertThat(compile(source))
                .hadErrorContaining(
                        "Fix the file: it must be a plain ABI array, a Hardhat, Foundry or Truffle artifact, or"
                                + " solc --combined-json output.");
    }

    @Test
    void asksWhichContractOfACombinedJsonFile() {
        JavaFileObject source = packageInfo("@ContractAbi(path = \"abi/solc/combined.json\")");
        assertThat(compile(source))
                .hadErrorContaining("holds 3 contracts (Token, Vault, Math), and @ContractAbi does not say which one to"
                        + " generate. Add contract = \"<name>\" naming one of them.")
                .inFile(source)
                .onLineContaining("@ContractAbi(path = \"abi/solc/combined.json\")");
    }

    @Test
    void rejectsAFileWithoutContracts() {
        Path abi = project.file("src/test/Empty.json", "{\"contracts\": {}}");
        JavaFileObject source = packageInfo("@ContractAbi(path = \"Empty.json\")");
        assertThat(compile(source))
                .hadErrorContaining(
                        "ABI file " + abi + " holds no contract. Name a file that holds the contract's ABI, for"
                                + " solc output one made with --combined-json abi.")
                .inFile(source)
                .onLineContaining("@ContractAbi(path = \"Empty.json\")");
    }

    @Test
    void rejectsAnUnknownContract() {
        JavaFileObject source =
                packageInfo("@ContractAbi(", "    path = \"abi/solc/combined.json\",", "    contract = \"Nope\")");
        assertThat(compile(source))
                .hadErrorContaining(
                        "has no contract \"Nope\"; it holds: Token, Vault, Math. Set contract to one of these names.")
                .inFile(source)
                .onLineContaining("contract = \"Nope\"");
    }

    @Test
    void rejectsAClassNameThatIsNotAnIdentifier() {
        project.abi("src/test/Hello.json", "Hello.json");
        JavaFileObject source =
                packageInfo("@ContractAbi(", "    path = \"Hello.json\",", "    name = \"Hello-World\")");
        assertThat(compile(source))
                .hadErrorContaining(
                        "@ContractAbi cannot generate a class of that name: the class name \"Hello-World\" is not a"
                                + " Java identifier of ASCII letters, digits, _ and $ that does not start with a digit."
                                + " Set name = \"<Name>\" in @ContractAbi to a Java identifier such as Token, or leave it"
                                + " out to name the class after the contract.")
                .inFile(source)
                .onLineContaining("name = \"Hello-World\"");
    }

    @Test
    void rejectsAClassNameOutsideAscii() {
        project.abi("src/test/Hello.json", "Hello.json");
        // The source spells the name with Unicode escapes, so it reads the same in any file encoding.
        JavaFileObject source = packageInfo("@ContractAbi(path = \"Hello.json\", name = \"Gr\\u00fc\\u00dfe\")");
        assertThat(compile(source))
                .hadErrorContaining(
                        "@ContractAbi cannot generate a class of that name: the class name \"Gr\u00fc\u00dfe\" is not a"
                                + " Java identifier of ASCII letters, digits, _ and $")
                .inFile(source)
                .onLineContaining("name = \"Gr");
    }

    @Test
    void rejectsAContractNameThatGivesNoClassName() {
        Path abi = project.abi("src/test/---.json", "Hello.json");
        JavaFileObject source = packageInfo("@ContractAbi(path = \"---.json\")");
        assertThat(compile(source))
                .hadErrorContaining(
                        "ABI file " + abi + " gives no class name: contract name \"---\" has no characters usable in a"
                                + " Java class name. Set name = \"<Name>\" in @ContractAbi to a Java identifier such as Token.")
                .inFile(source)
                .onLineContaining("@ContractAbi(path = \"---.json\")");
    }

    @Test
    void rejectsTheNameOfATypeNestedInEveryContractClass() {
        project.abi("src/test/Hello.json", "Hello.json");
        JavaFileObject source = packageInfo("@ContractAbi(path = \"Hello.json\", name = \"Event\")");
        assertThat(compile(source))
                .hadErrorContaining(
                        "the class name \"Event\" names a type nested in every contract class, and Java forbids a"
                                + " class to share the name of a type it holds")
                .inFile(source)
                .onLineContaining("name = \"Event\"");
    }

    @Test
    void pointsAtTheOffendingOneOfRepeatedAnnotations() {
        project.abi("src/test/Hello.json", "Hello.json");
        JavaFileObject source = packageInfo(
                "@ContractAbi(path = \"Hello.json\")",
                "@ContractAbi(",
                "    path = \"Hello.json\",",
                "    name = \"record\")",
                "@ContractAbi(path = \"Gone.json\")");
        Compilation compilation = compile(source);
        assertThat(compilation)
                .hadErrorContaining("the class name \"record\" is reserved by Java")
                .inFile(source)
                .onLineContaining("name = \"record\"");
        assertThat(compilation)
                .hadErrorContaining("ABI file Gone.json not found")
                .inFile(source)
                .onLineContaining("@ContractAbi(path = \"Gone.json\")");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void pointsAtTheOffendingOneOfRepeatedAnnotationsOnAType() {
        project.abi("src/test/Hello.json", "Hello.json");
        JavaFileObject source = project.source(
                "src/test/Contracts.java",
                "package test;",
                "import io.chainwire.annotation.ContractAbi;",
                "@ContractAbi(path = \"Hello.json\")",
                "@ContractAbi(",
                "    path = \"Hello.json\",",
                "    contract = \"Goodbye\")",
                "final class Contracts {}");
        assertThat(compile(source))
                .hadErrorContaining("has no contract \"Goodbye\"; it holds: Hello.")
                .inFile(source)
                .onLineContaining("contract = \"Goodbye\"");
    }

    @Test
    void rejectsASecondAnnotationGeneratingTheSameClass() {
        project.abi("src/test/Hello.json", "Hello.json");
        project.abi("src/test/Token.json", "Token.json");
        JavaFileObject source = packageInfo(
                "@ContractAbi(path = \"Hello.json\")", "@ContractAbi(path = \"Token.json\", name = \"Hello\")");
        Compilation compilation = compile(source);
        assertThat(compilation)
                .hadErrorContaining("@ContractAbi generates test.Hello, which the @ContractAbi on package test already"
                        + " generates. Set a different name on one of them.")
                .inFile(source)
                .onLineContaining("name = \"Hello\"");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void rejectsAnnotationsOnDifferentElementsGeneratingTheSameClass() {
        project.abi("src/test/Hello.json", "Hello.json");
        JavaFileObject packageInfo = packageInfo("@ContractAbi(path = \"Hello.json\")");
        JavaFileObject type = project.source(
                "src/test/Contracts.java",
                "package test;",
                "@io.chainwire.annotation.ContractAbi(path = \"Hello.json\")",
                "final class Contracts {}");
        Compilation compilation = compile(packageInfo, type);
        // javac hands over types before packages, so the class's annotation comes first.
        assertThat(compilation)
                .hadErrorContaining(
                        "@ContractAbi generates test.Hello, which the @ContractAbi on test.Contracts already generates.")
                .inFile(packageInfo)
                .onLineContaining("@ContractAbi(path = \"Hello.json\")");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void reportsAGeneratedClassThatCannotBeWritten() {
        project.abi("src/test/Hello.json", "Hello.json");
        JavaFileObject source = packageInfo("@ContractAbi(path = \"Hello.json\")");
        JavaFileObject existing = project.source("src/test/Hello.java", "package test;", "final class Hello {}");
        assertThat(compile(source, existing))
                .hadErrorContaining("cannot write the generated source test.Hello: Attempt to recreate a file for type"
                        + " test.Hello. If a class of that name already exists, rename it or the generated"
                        + " class.")
                .inFile(source)
                .onLineContaining("@ContractAbi(path = \"Hello.json\")");
    }
}
