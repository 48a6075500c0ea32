package io.chainwire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.List;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A handler whose contract class is generated from {@code @ContractAbi} in the same compilation waits for the round in
 * which the class appears, whichever processor javac runs first.
 */
final class DeferredContractTest {
    @TempDir
    Path directory;

    private JavaFileObject packageInfo;

    @BeforeEach
    void writeAbiAndPackage() {
        AbiProject project = new AbiProject(directory);
        project.abi("src/test/Hello.json", "Hello.json");
        packageInfo = project.source(
                "src/test/package-info.java",
                "@io.chainwire.annotation.ContractAbi(path = \"Hello.json\")",
                "package test;");
    }

    private Compilation compile(List<Processor> processors, JavaFileObject handler) {
        return javac().withProcessors(processors)
                .withOptions("-Xlint:all,-processing")
                .compile(packageInfo, handler);
    }

    @Test
    void generatesTheDispatcherOnceTheContractClassExists() {
        JavaFileObject handler = HandlerSources.source(
                "HelloHandler",
                "@ContractHandler(Hello.class)",
                "public interface HelloHandler {",
                "  void onMessageSent(Hello.MessageSent event, EventContext context);",
                "}");
        for (List<Processor> processors : List.<List<Processor>>of(
                List.of(new ContractAbiProcessor(), new ContractHandlerProcessor()),
                List.of(new ContractHandlerProcessor(), new ContractAbiProcessor()))) {
            Compilation compilation = compile(processors, handler);
            assertThat(compilation).succeededWithoutWarnings();
            assertThat(compilation).generatedSourceFile("test.Hello");
            assertThat(compilation)
                    .generatedSourceFile("test.HelloHandlerDispatcher")
                    .contentsAsUtf8String()
                    .contains("event = Hello.MessageSent.decode(log);");
        }
    }

    @Test
    void validatesTheHandlerAgainstTheContractClassOnceItExists() {
        JavaFileObject handler = HandlerSources.source(
                "HelloHandler",
                "@ContractHandler(Hello.class)",
                "public interface HelloHandler {",
                "  void onWhisper(Hello.Whisper event);",
                "}");
        Compilation compilation = compile(List.of(new ContractAbiProcessor(), new ContractHandlerProcessor()), handler);
        assertThat(compilation)
                .hadErrorContaining("handler method onWhisper(Hello.Whisper) takes the anonymous event Hello.Whisper")
                .inFile(handler)
                .onLineContaining("void onWhisper(");
        assertThat(compilation).hadErrorCount(1);
    }
}
