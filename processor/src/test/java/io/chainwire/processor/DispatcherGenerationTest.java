package io.chainwire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static io.chainwire.processor.HandlerSources.HELLO;
import static io.chainwire.processor.HandlerSources.TOKEN;
import static io.chainwire.processor.HandlerSources.TOKENS;
import static io.chainwire.processor.HandlerSources.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Valid handlers compile without warnings under every lint, and their dispatchers match the golden sources. Lint
 * "processing" is off: it only notes that no processor claimed the annotations, which chainwire's processors never do
 * so that other processors may see them too.
 */
final class DispatcherGenerationTest {
    private static Compilation compile(JavaFileObject handler) {
        return javac().withProcessors(new ContractHandlerProcessor())
                .withOptions("-Xlint:all,-processing", "-Werror")
                .compile(HELLO, TOKEN, TOKENS, handler);
    }

    private static void assertDispatcher(Compilation compilation, String qualifiedName) {
        assertThat(compilation).succeededWithoutWarnings();
        JavaFileObject dispatcher = compilation
                .generatedSourceFile(qualifiedName)
                .orElseThrow(() -> new AssertionError(qualifiedName + " not generated"));
        try {
            Goldens.assertMatches(
                    "dispatchers/" + qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1) + ".java",
                    dispatcher.getCharContent(false).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void generatesAPublicDispatcherForAPublicHandler() {
        JavaFileObject handler = source(
                "HelloHandler",
                "/** Handles Hello events. */",
                "@ContractHandler(Hello.class)",
                "public interface HelloHandler {",
                "  /** A message was sent. */",
                "  void onMessageSent(Hello.MessageSent event, EventContext context);",
                "",
                "  /** Pinged; this one does not need the context. */",
                "  void onPing(Hello.Ping event);",
                "",
                "  /** User code in default methods is left alone. */",
                "  default void onWhisper(Hello.Whisper event) {}",
                "}");
        assertDispatcher(compile(handler), "test.HelloHandlerDispatcher");
    }

    @Test
    void compilesBesideContractClassesNamedLikeJavaLangTypes() {
        JavaFileObject handler = source(
                "ObjectHandler",
                "@ContractHandler(Object.class)",
                "public interface ObjectHandler {",
                "  void onMessageSent(Object.MessageSent event, EventContext context);",
                "}");
        Compilation compilation = javac().withProcessors(new ContractHandlerProcessor())
                .withOptions("-Xlint:all,-processing", "-Werror")
                .compile(
                        HandlerSources.contract("contract-abi/Hello.json", "Object"),
                        HandlerSources.contract("contract-abi/Hello.json", "Override"),
                        HandlerSources.contract("contract-abi/Hello.json", "NullPointerException"),
                        handler);
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void namesANestedHandlersDispatcherAfterItsEnclosingTypes() {
        JavaFileObject handler = source(
                "Handlers",
                "final class Handlers {",
                "  private Handlers() {}",
                "",
                "  @ContractHandler(Token.class)",
                "  interface Transfers {",
                "    void onTransfer(Token.Transfer transfer);",
                "  }",
                "}");
        assertDispatcher(compile(handler), "test.Handlers_TransfersDispatcher");
    }

    @Test
    void countsAbstractMethodsInheritedFromSuperinterfacesOnce() {
        JavaFileObject handler = source(
                "PingHandler",
                "interface OnPing {",
                "  void onPing(Hello.Ping event, EventContext context);",
                "}",
                "interface AlsoOnPing {",
                "  void onPing(Hello.Ping event, EventContext context);",
                "}",
                "interface Generic<E extends Hello.Event> {",
                "  void onEvent(E event);",
                "}",
                "@ContractHandler(Hello.class)",
                "public interface PingHandler extends OnPing, AlsoOnPing, Generic<Hello.MessageSent> {",
                "  @Override",
                "  boolean equals(Object other);",
                "}");
        assertDispatcher(compile(handler), "test.PingHandlerDispatcher");
    }

    @Test
    void listsATopicSharedByTwoEventsOnce() {
        JavaFileObject handler = source(
                "TransferHandler",
                "@ContractHandler(Tokens.class)",
                "public interface TransferHandler {",
                "  void onTransfer(Tokens.TransferIndexedFromTo event);",
                "  void onTransferOfToken(Tokens.TransferIndexedFromToTokenId event);",
                "}");
        assertDispatcher(compile(handler), "test.TransferHandlerDispatcher");
    }

    @Test
    void ignoresDefaultMethodsOverridingInheritedAbstractOnes() {
        JavaFileObject handler = source(
                "MessageHandler",
                "interface AllEvents {",
                "  void onMessageSent(Hello.MessageSent event);",
                "  void onPing(Hello.Ping event);",
                "}",
                "@ContractHandler(Hello.class)",
                "interface MessageHandler extends AllEvents {",
                "  @Override",
                "  default void onPing(Hello.Ping event) {}",
                "}");
        Compilation compilation = compile(handler);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation)
                .generatedSourceFile("test.MessageHandlerDispatcher")
                .contentsAsUtf8String()
                .doesNotContain("onPing");
    }
}
