package io.chainwire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static io.chainwire.processor.HandlerSources.HELLO;
import static io.chainwire.processor.HandlerSources.TOKEN;
import static io.chainwire.processor.HandlerSources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Every way a {@code @ContractHandler} can be wrong: message text, file and line. */
final class HandlerValidationTest {
    private static Compilation compile(JavaFileObject handler) {
        return javac().withProcessors(new ContractHandlerProcessor()).compile(HELLO, TOKEN, handler);
    }

    @Test
    void rejectsAClass() {
        JavaFileObject handler = source(
                "HelloHandler",
                "@ContractHandler(Hello.class)",
                "public abstract class HelloHandler {",
                "  public abstract void onMessageSent(Hello.MessageSent event);",
                "}");
        Compilation compilation = compile(handler);
        assertThat(compilation)
                .hadErrorContaining(
                        "@ContractHandler is on test.HelloHandler, which is a class, not an interface. Declare the"
                                + " handler as an interface whose methods each take one event of the contract;"
                                + " chainwire generates the class that routes logs to it.")
                .inFile(handler)
                .onLineContaining("@ContractHandler(Hello.class)");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void rejectsAnEnumAndARecord() {
        JavaFileObject handler = source(
                "Handlers",
                "final class Handlers {",
                "  @ContractHandler(Hello.class) enum AsEnum { ONE }",
                "  @ContractHandler(Hello.class) record AsRecord(int x) {}",
                "}");
        Compilation compilation = compile(handler);
        assertThat(compilation)
                .hadErrorContaining("@ContractHandler is on test.Handlers.AsEnum, which is an enum, not an interface.")
                .inFile(handler)
                .onLineContaining("enum AsEnum");
        assertThat(compilation)
                .hadErrorContaining(
                        "@ContractHandler is on test.Handlers.AsRecord, which is a record, not an interface.")
                .inFile(handler)
                .onLineContaining("record AsRecord");
    }

    @Test
    void rejectsAClassThatIsNotAContract() {
        JavaFileObject handler = source(
                "HelloHandler",
                "@ContractHandler(String.class)",
                "interface HelloHandler {",
                "  void onMessageSent(Hello.MessageSent event);",
                "}");
        assertThat(compile(handler))
                .hadErrorContaining(
                        "java.lang.String is not a chainwire contract class: it has no nested sealed interface Event"
                                + " extending io.chainwire.abi.ContractEvent. Name a class generated from an ABI (by"
                                + " @ContractAbi or the chainwire Maven plugin) in the @ContractHandler annotation.")
                .inFile(handler)
                .onLineContaining("@ContractHandler(String.class)");
    }

    @Test
    void rejectsAPrimitiveClassLiteral() {
        JavaFileObject handler = source(
                "HelloHandler",
                "@ContractHandler(int.class)",
                "interface HelloHandler {",
                "  void onMessageSent(Hello.MessageSent event);",
                "}");
        assertThat(compile(handler))
                .hadErrorContaining("int is not a chainwire contract class")
                .inFile(handler)
                .onLineContaining("@ContractHandler(int.class)");
    }

    @Test
    void rejectsAMissingContractClassInTheLastRound() {
        JavaFileObject handler = source(
                "HelloHandler",
                "@ContractHandler(Goodbye.class)",
                "interface HelloHandler {",
                "  void onMessageSent(Hello.MessageSent event);",
                "}");
        assertThat(compile(handler))
                .hadErrorContaining("the contract class named by @ContractHandler on test.HelloHandler does not exist."
                        + " Generate it from its ABI with @ContractAbi or the chainwire Maven plugin, or fix the"
                        + " class name.")
                .inFile(handler)
                .onLineContaining("@ContractHandler(Goodbye.class)");
    }

    @Test
    void rejectsAPrivateHandler() {
        JavaFileObject handler = source(
                "Outer",
                "final class Outer {",
                "  @ContractHandler(Hello.class)",
                "  private interface HelloHandler {",
                "    void onMessageSent(Hello.MessageSent event);",
                "  }",
                "}");
        assertThat(compile(handler))
                .hadErrorContaining(
                        "@ContractHandler interface test.Outer.HelloHandler is private or nested in a private type,"
                                + " so the dispatcher generated in its package cannot implement it. Make it, and every"
                                + " type enclosing it, at least package-private.")
                .inFile(handler)
                .onLineContaining("private interface HelloHandler");
    }

    @Test
    void rejectsAHandlerNestedInAPrivateClass() {
        JavaFileObject handler = source(
                "Outer",
                "final class Outer {",
                "  private static final class Hidden {",
                "    @ContractHandler(Hello.class)",
                "    interface HelloHandler {",
                "      void onMessageSent(Hello.MessageSent event);",
                "    }",
                "  }",
                "}");
        assertThat(compile(handler))
                .hadErrorContaining(
                        "@ContractHandler interface test.Outer.Hidden.HelloHandler is private or nested in a private type")
                .inFile(handler)
                .onLineContaining("interface HelloHandler");
    }

    @Test
    void rejectsASealedHandler() {
        JavaFileObject handler = source(
                "HelloHandler",
                "@ContractHandler(Hello.class)",
                "sealed interface HelloHandler permits Impl {",
                "  void onMessageSent(Hello.MessageSent event);",
                "}",
                "final class Impl implements HelloHandler {",
                "  @Override public void onMessageSent(Hello.MessageSent event) {}",
                "}");
        assertThat(compile(handler))
                .hadErrorContaining(
                        "@ContractHandler interface test.HelloHandler is sealed, so the generated dispatcher cannot"
                                + " implement it. Remove the sealed modifier and its permits clause.")
                .inFile(handler)
                .onLineContaining("sealed interface HelloHandler");
    }

    @Test
    void rejectsAGenericHandler() {
        JavaFileObject handler = source(
                "HelloHandler",
                "@ContractHandler(Hello.class)",
                "interface HelloHandler<T, U> {",
                "  void onMessageSent(Hello.MessageSent event);",
                "}");
        assertThat(compile(handler))
                .hadErrorContaining(
                        "@ContractHandler interface test.HelloHandler declares type parameters <T, U>, which the"
                                + " generated dispatcher cannot choose. Remove them; each handler method takes a"
                                + " concrete event type.")
                .inFile(handler)
                .onLineContaining("interface HelloHandler<T, U>");
    }

    @Test
    void rejectsAHandlerWithoutMethods() {
        JavaFileObject handler = source(
                "HelloHandler",
                "@ContractHandler(Hello.class)",
                "interface HelloHandler {",
                "  default void onMessageSent(Hello.MessageSent event) {}",
                "  static void helper() {}",
                "  String toString();",
                "}");
        assertThat(compile(handler))
                .hadErrorContaining(
                        "@ContractHandler interface test.HelloHandler has no abstract methods, so its dispatcher"
                                + " would route no event at all. Declare one method per event to handle, taking the"
                                + " event record and optionally an EventContext; the events of test.Hello it can"
                                + " route are: Hello.MessageSent, Hello.Ping.")
                .inFile(handler)
                .onLineContaining("interface HelloHandler");
    }

    @Test
    void rejectsAParameterThatIsNotAnEvent() {
        JavaFileObject handler = source(
                "HelloHandler",
                "@ContractHandler(Hello.class)",
                "interface HelloHandler {",
                "  void onMessage(String message);",
                "  void onAnyEvent(Hello.Event event);",
                "}");
        Compilation compilation = compile(handler);
        assertThat(compilation)
                .hadErrorContaining(
                        "the first parameter of handler method onMessage(String) has type java.lang.String, which"
                                + " is not an event of test.Hello. Take one of its event records: Hello.MessageSent,"
                                + " Hello.Ping.")
                .inFile(handler)
                .onLineContaining("void onMessage(String message);");
        assertThat(compilation)
                .hadErrorContaining(
                        "the first parameter of handler method onAnyEvent(Hello.Event) has type test.Hello.Event,"
                                + " which is not an event of test.Hello.")
                .inFile(handler)
                .onLineContaining("void onAnyEvent(Hello.Event event);");
    }

    @Test
    void rejectsAnEventOfAnotherContract() {
        JavaFileObject handler = source(
                "HelloHandler",
                "@ContractHandler(Hello.class)",
                "interface HelloHandler {",
                "  void onTransfer(Token.Transfer event, EventContext context);",
                "}");
        assertThat(compile(handler))
                .hadErrorContaining(
                        "the first parameter of handler method onTransfer(Token.Transfer, EventContext) has type"
                                + " test.Token.Transfer, an event of test.Token, but this handler handles test.Hello."
                                + " Move the method to an interface annotated @ContractHandler(test.Token.class), or"
                                + " take an event of test.Hello.")
                .inFile(handler)
                .onLineContaining("void onTransfer(");
    }

    @Test
    void rejectsWrongArity() {
        JavaFileObject handler = source(
                "HelloHandler",
                "@ContractHandler(Hello.class)",
                "interface HelloHandler {",
                "  void onNothing();",
                "  void onTooMuch(Hello.MessageSent event, EventContext context, int extra);",
                "}");
        Compilation compilation = compile(handler);
        assertThat(compilation)
                .hadErrorContaining(
                        "handler method onNothing() takes 0 parameters, but a handler method takes one event"
                                + " record, optionally followed by an EventContext. Declare it as void"
                                + " on<Event>(<Contract>.<Event> event) or void on<Event>(<Contract>.<Event> event,"
                                + " EventContext context).")
                .inFile(handler)
                .onLineContaining("void onNothing();");
        assertThat(compilation)
                .hadErrorContaining("handler method onTooMuch(Hello.MessageSent, EventContext, int) takes 3 parameters")
                .inFile(handler)
                .onLineContaining("void onTooMuch(");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void rejectsASecondParameterThatIsNotTheContext() {
        JavaFileObject handler = source(
                "HelloHandler",
                "@ContractHandler(Hello.class)",
                "interface HelloHandler {",
                "  void onMessageSent(Hello.MessageSent event, Object context);",
                "}");
        assertThat(compile(handler))
                .hadErrorContaining(
                        "the second parameter of handler method onMessageSent(Hello.MessageSent, Object) has type"
                                + " java.lang.Object, but the dispatcher passes an io.chainwire.handler.EventContext."
                                + " Declare it as EventContext, or remove it.")
                .inFile(handler)
                .onLineContaining("void onMessageSent(");
    }

    @Test
    void rejectsANonVoidReturn() {
        JavaFileObject handler = source(
                "HelloHandler",
                "@ContractHandler(Hello.class)",
                "interface HelloHandler {",
                "  boolean onMessageSent(Hello.MessageSent event);",
                "}");
        assertThat(compile(handler))
                .hadErrorContaining(
                        "handler method onMessageSent(Hello.MessageSent) returns boolean, but the dispatcher has"
                                + " nowhere to put a result. Declare it void.")
                .inFile(handler)
                .onLineContaining("boolean onMessageSent(");
    }

    @Test
    void rejectsCheckedExceptionsButNotUncheckedOnes() {
        JavaFileObject handler = source(
                "HelloHandler",
                "@ContractHandler(Hello.class)",
                "interface HelloHandler {",
                "  void onMessageSent(Hello.MessageSent event) throws java.io.IOException, IllegalStateException;",
                "  void onPing(Hello.Ping event) throws IllegalStateException, AssertionError;",
                "}");
        Compilation compilation = compile(handler);
        assertThat(compilation)
                .hadErrorContaining("handler method onMessageSent(Hello.MessageSent) declares the checked exceptions"
                        + " [java.io.IOException], which EventDispatcher.dispatch cannot throw. Handle them"
                        + " inside the handler, or wrap them in an unchecked exception.")
                .inFile(handler)
                .onLineContaining("void onMessageSent(");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void rejectsAGenericMethod() {
        JavaFileObject handler = source(
                "HelloHandler",
                "@ContractHandler(Hello.class)",
                "interface HelloHandler {",
                "  <T> void onMessageSent(Hello.MessageSent event);",
                "}");
        assertThat(compile(handler))
                .hadErrorContaining("handler method onMessageSent(Hello.MessageSent) declares type parameters, but the"
                        + " dispatcher calls it with one concrete event type. Remove the type parameters.")
                .inFile(handler)
                .onLineContaining("<T> void onMessageSent(");
    }

    @Test
    void rejectsTwoMethodsForOneEventOnTheSecond() {
        JavaFileObject handler = source(
                "HelloHandler",
                "@ContractHandler(Hello.class)",
                "interface HelloHandler {",
                "  void onMessageSent(Hello.MessageSent event);",
                "  void alsoOnMessageSent(Hello.MessageSent event, EventContext context);",
                "}");
        Compilation compilation = compile(handler);
        assertThat(compilation)
                .hadErrorContaining("handler method alsoOnMessageSent(Hello.MessageSent, EventContext) handles"
                        + " Hello.MessageSent, which onMessageSent(Hello.MessageSent) already handles, so the"
                        + " dispatcher cannot choose between them. Keep one method per event.")
                .inFile(handler)
                .onLineContaining("void alsoOnMessageSent(");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void rejectsAnAnonymousEvent() {
        JavaFileObject handler = source(
                "HelloHandler",
                "@ContractHandler(Hello.class)",
                "interface HelloHandler {",
                "  void onWhisper(Hello.Whisper event);",
                "}");
        assertThat(compile(handler))
                .hadErrorContaining(
                        "handler method onWhisper(Hello.Whisper) takes the anonymous event Hello.Whisper, whose"
                                + " logs carry no topic 0, so no dispatcher can recognise them. Remove the method, and"
                                + " decode such logs explicitly with Hello.Whisper.decode(log) where you know which"
                                + " event they hold.")
                .inFile(handler)
                .onLineContaining("void onWhisper(");
    }

    @Test
    void reportsInheritedMethodsOnTheHandler() {
        JavaFileObject handler = source(
                "HelloHandler",
                "interface Base {",
                "  int onPing(Hello.Ping event);",
                "}",
                "@ContractHandler(Hello.class)",
                "interface HelloHandler extends Base {",
                "  void onMessageSent(Hello.MessageSent event);",
                "}");
        assertThat(compile(handler))
                .hadErrorContaining("handler method inherited Base.onPing(Hello.Ping) returns int")
                .inFile(handler)
                .onLineContaining("interface HelloHandler extends Base");
    }

    @Test
    void reportsEveryProblemOfEveryHandler() {
        JavaFileObject handler = source(
                "Handlers",
                "final class Handlers {",
                "  @ContractHandler(Hello.class)",
                "  interface First {",
                "    int onMessageSent(Hello.MessageSent event, String context) throws Exception;",
                "    void onWhisper(Hello.Whisper event);",
                "  }",
                "  @ContractHandler(Hello.class)",
                "  interface Second {",
                "    void onTransfer(Token.Transfer event);",
                "  }",
                "}");
        Compilation compilation = compile(handler);
        assertThat(compilation)
                .hadErrorContaining("returns int")
                .inFile(handler)
                .onLineContaining("int onMessageSent(");
        assertThat(compilation)
                .hadErrorContaining("checked exceptions [java.lang.Exception]")
                .inFile(handler)
                .onLineContaining("int onMessageSent(");
        assertThat(compilation)
                .hadErrorContaining("has type java.lang.String, but the dispatcher passes")
                .inFile(handler)
                .onLineContaining("int onMessageSent(");
        assertThat(compilation)
                .hadErrorContaining("anonymous event Hello.Whisper")
                .inFile(handler)
                .onLineContaining("void onWhisper(");
        assertThat(compilation)
                .hadErrorContaining("an event of test.Token")
                .inFile(handler)
                .onLineContaining("void onTransfer(");
        assertThat(compilation).hadErrorCount(5);
    }

    @Test
    void reportsADispatcherThatCannotBeWritten() {
        JavaFileObject handler = source(
                "HelloHandler",
                "@ContractHandler(Hello.class)",
                "interface HelloHandler {",
                "  void onMessageSent(Hello.MessageSent event);",
                "}");
        JavaFileObject existing = source("HelloHandlerDispatcher", "final class HelloHandlerDispatcher {}");
        assertThat(javac().withProcessors(new ContractHandlerProcessor()).compile(HELLO, handler, existing))
                .hadErrorContaining(
                        "cannot write the generated source test.HelloHandlerDispatcher: Attempt to recreate a"
                                + " file for type test.HelloHandlerDispatcher. If a class of that name already"
                                + " exists, rename it or the generated class.")
                .inFile(handler)
                .onLineContaining("interface HelloHandler");
    }
}
